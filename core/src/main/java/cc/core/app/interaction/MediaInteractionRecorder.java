package cc.core.app.interaction;

import cc.core.contract.Addresses;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.LinkInteractionCustomer;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.contract.TransferMedia;
import cc.core.app.customer.CustomerEmailAddresses;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.MediaInteractions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.UnaryOperator;

/**
 * Keeps the interaction record of every chat and email from what the ACD publishes on the media addresses
 * ({@link MediaAddresses#ENQUEUED}, {@link MediaAddresses#OFFERED}, {@link MediaAddresses#OFFER_ENDED},
 * {@link MediaAddresses#TRANSFERRED}, {@link MediaAddresses#ENDED}); the changes themselves are
 * {@link MediaInteractions}. A contact whose record the channel already stored is continued, else a record is opened.
 *
 * <p>Threading: its own context. Changes of one contact are applied in arrival order, one at a time: while the
 * record is being read from the store (the first change of a contact this recorder has not seen) or written, later
 * changes wait in line. A failed read or write is retried every second until the store is back, so nothing is lost
 * while the database is away (as {@link InteractionRecorder} does for calls).
 */
public final class MediaInteractionRecorder extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(MediaInteractionRecorder.class);
    private static final long RETRY_MS = 1_000;

    private final InteractionStore store;
    private final CustomerEmailAddresses addresses;
    private final Map<InteractionChannel, Duration> wrapUp;
    /** Records of contacts still going on (and ended ones until stored), by id. */
    private final Map<String, Interaction> records = new HashMap<>();
    /** Changes waiting for a contact whose record is being read or written. */
    private final Map<String, Queue<Change>> pending = new HashMap<>();
    private boolean storeFailing;

    /**
     * @param wrapUp per channel, the wrap-up the ACD gives an agent after a contact ends (acd.mediaWrapUp), noted as a
     *               WRAP_UP segment
     * @param addresses where a linked email's sender address is remembered for its customer
     */
    public MediaInteractionRecorder(InteractionStore store, CustomerEmailAddresses addresses,
                                    Map<InteractionChannel, Duration> wrapUp) {
        this.store = store;
        this.addresses = addresses;
        this.wrapUp = Map.copyOf(wrapUp);
    }

    /** One change of a record; {@code opens} when the contact may be new (its enqueue). */
    private record Change(UnaryOperator<Interaction> apply, Optional<EnqueueMedia> opens) {}

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        MediaAddresses.registerCodecs(bus);
        bus.<EnqueueMedia>consumer(MediaAddresses.ENQUEUED, m -> {
            EnqueueMedia e = m.body();
            change(e.interactionId(), new Change(i -> MediaInteractions.queued(
                    MediaInteractions.withCustomerFrom(i, e.data()), e.queue(), e.at()), Optional.of(e)));
        });
        bus.<MediaOffered>consumer(MediaAddresses.OFFERED, m -> {
            MediaOffered o = m.body();
            change(o.interactionId(), new Change(i -> MediaInteractions.offered(i, o.agentId(), o.queue(), o.at()),
                    Optional.empty()));
        });
        bus.<MediaOfferEnded>consumer(MediaAddresses.OFFER_ENDED, m -> {
            MediaOfferEnded o = m.body();
            change(o.interactionId(), new Change(i -> MediaInteractions.offerEnded(i, o.agentId(), o.outcome(),
                    o.at()), Optional.empty()));
        });
        bus.<TransferMedia>consumer(MediaAddresses.TRANSFERRED, m -> {
            TransferMedia t = m.body();
            change(t.interactionId(), new Change(i -> MediaInteractions.transferred(i, t.agentId(), t.queue(),
                    t.at()), Optional.empty()));
        });
        bus.<MediaEnded>consumer(MediaAddresses.ENDED, m -> {
            MediaEnded e = m.body();
            change(e.interactionId(), new Change(i -> MediaInteractions.ended(i, e.reason(), e.at(),
                    e.agentId().isPresent() ? wrapUp.getOrDefault(i.channel(), Duration.ZERO) : Duration.ZERO),
                    Optional.empty()));
        });
        bus.<LinkInteractionCustomer>consumer(MediaAddresses.LINK_CUSTOMER, this::link);
        return Future.succeededFuture();
    }

    /**
     * Links a contact to a customer: through the line of changes when this recorder follows the contact (so a write
     * in flight cannot undo it), else on the stored record. Only an agent who holds or held it, or a supervisor. An
     * email's sender address is then remembered for the customer, so their next email is recognised; the reply says
     * what became of it ("" when there was nothing to remember).
     */
    private void link(Message<LinkInteractionCustomer> m) {
        LinkInteractionCustomer l = m.body();
        Interaction known = records.get(l.interactionId());
        Future<Optional<Interaction>> current = known != null ? Future.succeededFuture(Optional.of(known))
                : store.find(l.interactionId());
        current.onComplete(r -> {
            if (r.failed()) {
                m.fail(500, "cannot read interaction " + l.interactionId() + ": " + r.cause().getMessage());
                return;
            }
            if (r.result().isEmpty()) {
                m.fail(404, "no interaction " + l.interactionId());
                return;
            }
            Interaction i = r.result().get();
            if (!l.agentId().isEmpty() && !MediaInteractions.involved(i, l.agentId())) {
                m.fail(403, "agent " + l.agentId() + " did not hold interaction " + l.interactionId());
                return;
            }
            if (i.channel() == InteractionChannel.VOICE && !i.isEnded()) {
                m.fail(409, "the call is still in progress; link it once it has ended");
                return;
            }
            if (records.containsKey(l.interactionId()) || pending.containsKey(l.interactionId())) {
                change(l.interactionId(), new Change(x -> x.withCustomer(l.customerId()), Optional.empty()));
            } else {
                write(l.interactionId(), i.withCustomer(l.customerId()));
            }
            String sender = i.callerNumber();
            if (i.channel() != InteractionChannel.EMAIL || !sender.contains("@")) {
                m.reply("");
                return;
            }
            addresses.remember(l.customerId(), sender).onComplete(a -> {
                if (a.succeeded()) {
                    m.reply("the customer is now recognised by " + sender);
                } else {
                    log.info("email {} linked to customer {}, address {} not remembered: {}", l.interactionId(),
                            l.customerId(), sender, a.cause().getMessage());
                    m.reply("linked; " + sender + " not remembered: " + a.cause().getMessage());
                }
            });
        });
    }

    /** How many contacts have changes not yet stored (for tests and metrics). */
    public int unwritten() {
        return pending.size();
    }

    private void change(String id, Change c) {
        Queue<Change> line = pending.get(id);
        if (line != null) {
            line.add(c);
            return;
        }
        line = new ArrayDeque<>();
        line.add(c);
        pending.put(id, line);
        next(id);
    }

    /** Applies every waiting change of the contact to its record, then writes it; reads the record first if needed. */
    private void next(String id) {
        Queue<Change> line = pending.get(id);
        if (line == null || line.isEmpty()) {
            pending.remove(id);
            return;
        }
        Interaction current = records.get(id);
        if (current == null) {
            store.find(id).onComplete(r -> {
                if (r.failed()) {
                    failing("read", r.cause());
                    vertx.setTimer(RETRY_MS, t -> next(id));
                    return;
                }
                Optional<Interaction> stored = r.result();
                Change first = line.peek();
                if (stored.isPresent()) {
                    records.put(id, stored.get());
                } else if (first.opens.isPresent()) {
                    EnqueueMedia e = first.opens.get();
                    records.put(id, MediaInteractions.open(id, e.channel(), e.data(), e.at()));
                } else {
                    // a change of a contact never enqueued here (published before this node started): nothing to add to
                    log.warn("media contact {} has no interaction record; change dropped", id);
                    line.poll();
                }
                next(id);
            });
            return;
        }
        Interaction changed = current;
        Change c;
        while ((c = line.poll()) != null) {
            changed = c.apply.apply(changed);
        }
        write(id, changed);
    }

    private void write(String id, Interaction record) {
        records.put(id, record);
        store.save(record).onComplete(r -> {
            if (r.failed()) {
                failing("write", r.cause());
                vertx.setTimer(RETRY_MS, t -> write(id, records.getOrDefault(id, record)));
                return;
            }
            if (storeFailing) {
                storeFailing = false;
                log.info("Interaction store is writable again (media)");
            }
            vertx.eventBus().publish(Addresses.INTERACTION_UPDATED, new InteractionUpdated(record));
            Queue<Change> line = pending.get(id);
            if (line != null && !line.isEmpty()) {
                next(id);
                return;
            }
            pending.remove(id);
            if (record.isEnded()) {
                records.remove(id);
            }
        });
    }

    private void failing(String what, Throwable cause) {
        if (!storeFailing) {
            storeFailing = true;
            log.error("Cannot {} chat and email interaction records; retrying every {} ms: {}", what, RETRY_MS,
                    cause.getMessage());
        }
    }
}
