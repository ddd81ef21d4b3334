package cc.integration.lookup;

import cc.core.contract.LookupAddresses;
import cc.core.contract.LookupReply;
import cc.core.contract.LookupRequest;
import cc.integration.lookup.domain.LookupDefinition;
import cc.integration.lookup.domain.LookupOutcome;
import cc.integration.lookup.domain.Reason;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Answers {@link LookupAddresses#ASK} within the asker's budget: FOUND or NONE when the system (or the cache)
 * answered in time, UNAVAILABLE with the reason in the agent's words when it did not (slow, failing, resting after
 * failures), UNKNOWN_LOOKUP for a name not configured. Never fails the message: an asker always gets a reply it can
 * show.
 *
 * <p>Threading: asks are handled on this verticle's context; the client's answers come back on it.
 */
public final class LookupVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(LookupVerticle.class);
    /** Replies leave up to this long (a tenth of the budget at most) before the budget ends, to reach the asker within it. */
    private static final long MARGIN_MS = 50;

    private final LookupSettings settings;
    private final Function<io.vertx.core.Vertx, LookupClient> clients;
    private LookupClient client;

    /** @param clients makes the client on this verticle's Vert.x (the HTTP one in production) */
    public LookupVerticle(LookupSettings settings, Function<io.vertx.core.Vertx, LookupClient> clients) {
        this.settings = settings;
        this.clients = clients;
    }

    @Override
    public Future<?> start() {
        LookupAddresses.registerCodecs(vertx.eventBus());
        client = clients.apply(vertx);
        return vertx.eventBus().<LookupRequest>consumer(LookupAddresses.ASK, this::ask).completion()
                .onSuccess(v -> log.info("lookups ready: {}", settings.lookups().stream().map(LookupDefinition::name)
                        .toList()));
    }

    @Override
    public Future<?> stop() {
        if (client != null) {
            client.close();
        }
        return Future.succeededFuture();
    }

    private void ask(Message<LookupRequest> m) {
        LookupRequest r = m.body();
        try {
            Optional<LookupDefinition> found = settings.find(r.lookup());
            if (found.isEmpty()) {
                Reason why = Reason.unknownLookup(r.lookup());
                m.reply(new LookupReply(r.lookup(), LookupReply.Status.UNKNOWN_LOOKUP, List.of(), why.en(), false,
                        why.fa()));
                return;
            }
            LookupDefinition d = found.get();
            Optional<String> url = d.url().expand(r.keys());
            if (url.isEmpty()) {
                // nothing to ask with: the system has nothing to say about this customer
                Reason why = Reason.missingKey(d.system(), d.url().missing(r.keys()).orElse("?"));
                m.reply(new LookupReply(d.name(), LookupReply.Status.NONE, List.of(), why.en(), false, why.fa()));
                return;
            }
            AtomicBoolean replied = new AtomicBoolean();
            long budget = Math.max(1, r.budgetMs() - Math.min(MARGIN_MS, r.budgetMs() / 10));
            long timer = vertx.setTimer(budget, t -> {
                if (replied.compareAndSet(false, true)) {
                    m.reply(reply(d, LookupOutcome.unavailable(Reason.timedOut(d.system(), r.budgetMs()))));
                }
            });
            client.fetch(d, url.get()).onComplete(ar -> {
                vertx.cancelTimer(timer);
                if (replied.compareAndSet(false, true)) {
                    m.reply(reply(d, ar.succeeded() ? ar.result()
                            : LookupOutcome.unavailable(Reason.unreachable(d.system()))));
                }
            });
        } catch (RuntimeException e) {
            log.warn("lookup {} failed: {}", r.lookup(), e.toString());
            m.reply(new LookupReply(r.lookup(), LookupReply.Status.UNAVAILABLE, List.of(),
                    "the lookup failed on the server", false, "جست‌وجو روی سرور ناموفق بود"));
        }
    }

    private static LookupReply reply(LookupDefinition d, LookupOutcome o) {
        if (!o.available()) {
            return new LookupReply(d.name(), LookupReply.Status.UNAVAILABLE, List.of(), o.reason().en(), false,
                    o.reason().fa());
        }
        return new LookupReply(d.name(), o.rows().isEmpty() ? LookupReply.Status.NONE : LookupReply.Status.FOUND,
                o.rows(), "", o.fromCache(), "");
    }
}
