package cc.integration.webhook;

import cc.core.contract.WebhookAddresses;
import cc.core.contract.WebhookAddresses.DeadLetters;
import cc.core.contract.WebhookAddresses.ListDeadLetters;
import cc.core.contract.WebhookAddresses.ReplayDeadLetter;
import cc.core.contract.WebhookAddresses.Replayed;
import cc.core.contract.WebhookAddresses.Status;
import cc.core.contract.WebhookAddresses.Subscription;
import cc.integration.relay.OutboxRelay;
import cc.integration.relay.OutboxSource;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers the console's admin requests about webhooks ({@link WebhookAddresses}): each subscription's progress, the
 * dead-letter list, and a replay of one dead letter (sent at once, signed afresh, outside the relay's order: the
 * receiver drops it by id if it had it after all). The console checks the admin role before it asks.
 *
 * <p>Threading: consumers run on this verticle's event loop.
 */
public final class WebhookDesk extends AbstractVerticle {
    private static final Logger log = LoggerFactory.getLogger(WebhookDesk.class);
    private static final int MAX_LIST = 500;

    private final List<WebhookSink> sinks;
    private final DeadLetterStore deadLetters;
    private final OutboxSource outbox;
    private final Supplier<Map<String, OutboxRelay.SinkStatus>> relayStatus;
    private final InstantSource clock;

    public WebhookDesk(List<WebhookSink> sinks, DeadLetterStore deadLetters, OutboxSource outbox,
                       Supplier<Map<String, OutboxRelay.SinkStatus>> relayStatus, InstantSource clock) {
        this.sinks = List.copyOf(sinks);
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.relayStatus = relayStatus;
        this.clock = clock;
    }

    @Override
    public void start() {
        WebhookAddresses.registerCodecs(vertx.eventBus());
        vertx.eventBus().<WebhookAddresses.StatusQuery>consumer(WebhookAddresses.STATUS, this::status);
        vertx.eventBus().<ListDeadLetters>consumer(WebhookAddresses.DEAD_LETTERS, this::list);
        vertx.eventBus().<ReplayDeadLetter>consumer(WebhookAddresses.REPLAY, this::replay);
    }

    private void status(Message<WebhookAddresses.StatusQuery> m) {
        Map<String, OutboxRelay.SinkStatus> relay = relayStatus.get();
        Future.all(outbox.lastSeq(), deadLetters.waiting()).onComplete(ar -> {
            if (ar.failed()) {
                m.fail(500, "webhook status: " + ar.cause().getMessage());
                return;
            }
            long last = ar.result().resultAt(0);
            Map<String, Long> parked = ar.result().resultAt(1);
            List<Subscription> subs = new ArrayList<>();
            for (WebhookSink s : sinks) {
                WebhookSubscription sub = s.subscription();
                OutboxRelay.SinkStatus st = relay.get(sub.sinkName());
                long cursor = st == null ? 0 : st.cursor();
                subs.add(new Subscription(sub.name(), sub.url().toString(), sub.events().patterns(), cursor,
                        Math.max(0, last - cursor), st == null ? 0 : st.lagMillis(), st == null ? 0 : st.failures(),
                        st == null ? "" : st.lastError(), parked.getOrDefault(sub.name(), 0L)));
            }
            m.reply(new Status(subs));
        });
    }

    private void list(Message<ListDeadLetters> m) {
        ListDeadLetters q = m.body();
        int limit = q.limit() <= 0 ? 100 : Math.min(q.limit(), MAX_LIST);
        deadLetters.list(q.subscription() == null ? "" : q.subscription(), q.includeReplayed(), limit)
                .onSuccess(l -> m.reply(new DeadLetters(l)))
                .onFailure(e -> m.fail(500, "dead letters: " + e.getMessage()));
    }

    private void replay(Message<ReplayDeadLetter> m) {
        long id = m.body().id();
        deadLetters.find(id).onComplete(ar -> {
            if (ar.failed()) {
                m.fail(500, "dead letter " + id + ": " + ar.cause().getMessage());
                return;
            }
            if (ar.result().isEmpty()) {
                m.fail(404, "no dead letter " + id);
                return;
            }
            DeadLetterStore.Parked p = ar.result().get();
            WebhookSink sink = sinks.stream().filter(s -> s.subscription().name().equals(p.letter().subscription()))
                    .findFirst().orElse(null);
            if (sink == null) {
                m.fail(409, "subscription " + p.letter().subscription() + " is no longer configured");
                return;
            }
            sink.post(List.of(p.event())).onComplete(sent -> {
                if (sent.failed()) {
                    m.reply(new Replayed(id, false, 0, String.valueOf(sent.cause().getMessage())));
                    return;
                }
                int status = sent.result();
                if (status / 100 != 2) {
                    m.reply(new Replayed(id, false, status, "receiver answered " + status));
                    return;
                }
                deadLetters.replayed(id, m.body().by(), clock.instant()).onComplete(stored -> {
                    log.info("webhook {}: dead letter {} (event {}) replayed by {}", sink.subscription().name(), id,
                            p.event().event().id(), m.body().by());
                    m.reply(new Replayed(id, true, status, stored.failed() ? "delivered; not marked replayed: "
                            + stored.cause().getMessage() : ""));
                });
            });
        });
    }
}
