package cc.console.app;

import cc.core.contract.CallOffered;
import cc.core.domain.offer.NextBestOffer;
import cc.core.domain.offer.OfferCatalog;
import cc.core.domain.offer.OfferChoice;
import cc.core.domain.offer.PastOffer;
import io.vertx.core.Future;

import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The next-best offer on the screen-pop: chooses it for the call's customer ({@link NextBestOffer}) from their scores
 * and earlier offers, remembers what was shown on which call, and keeps the agent's answers (offered, accepted,
 * declined) for a product shown on that call only. Who may ask is the web layer's check.
 *
 * <p>Remembers the last {@value ScreenPops#REMEMBERED} calls' offers. Thread-safe.
 */
public final class OfferDesk {
    /** The offer shown on a call: to which customer, what. */
    public record Shown(long customerId, OfferChoice choice) {}

    /** Why an answer was not kept. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final OfferCatalog catalog;
    private final OfferStore store;
    private final ScreenPops pops;
    private final InstantSource clock;
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();

    public OfferDesk(OfferCatalog catalog, OfferStore store, ScreenPops pops, InstantSource clock) {
        this.catalog = catalog;
        this.store = store;
        this.pops = pops;
        this.clock = clock;
    }

    /** The offer for the call's customer; empty for an unknown caller, an empty catalog, or no eligible product. */
    public Future<Optional<Shown>> offerFor(String popId, CallOffered call) {
        if (catalog.products().isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        Shown before = shown.get(popId);
        if (before != null) {
            return Future.succeededFuture(Optional.of(before));
        }
        return pops.customerOf(call).compose(customer -> {
            if (customer.isEmpty()) {
                return Future.succeededFuture(Optional.<Shown>empty());
            }
            long id = customer.get().id();
            return store.scores(id).compose(scores -> store.pastOffers(id).map(past ->
                    NextBestOffer.choose(catalog, customer.get().segment(), scores, past, clock.instant())
                            .map(choice -> remember(popId, new Shown(id, choice)))));
        });
    }

    /**
     * Keeps the agent's answer to the offer shown on the call.
     *
     * @return fails with {@link Refused} when no offer of that product was shown on the call
     */
    public Future<Void> answer(String popId, String agentId, String product, PastOffer.Outcome outcome) {
        Shown s = shown.get(popId);
        if (s == null || !s.choice().product().code().equals(product)) {
            return Future.failedFuture(new Refused("product " + product + " was not offered on this call"));
        }
        return store.record(s.customerId(), product, popId, agentId, outcome, clock.instant());
    }

    private Shown remember(String popId, Shown s) {
        Shown earlier = shown.putIfAbsent(popId, s);
        if (earlier != null) {
            return earlier;
        }
        order.add(popId);
        while (shown.size() > ScreenPops.REMEMBERED) {
            String oldest = order.poll();
            if (oldest == null) {
                break;
            }
            shown.remove(oldest);
        }
        return s;
    }
}
