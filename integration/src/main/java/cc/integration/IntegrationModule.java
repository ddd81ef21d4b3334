package cc.integration;

import cc.core.adapter.jdbc.Database;
import cc.integration.adapter.jdbc.JdbcDeadLetters;
import cc.integration.adapter.jdbc.JdbcOutboxSource;
import cc.integration.relay.OutboxRelay;
import cc.integration.webhook.WebhookDesk;
import cc.integration.webhook.WebhookSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox relay with its sinks, started: the configured webhook subscriptions, plus any sink the caller adds (the
 * Kafka sink), and the desk that answers the console's webhook admin requests.
 */
public final class IntegrationModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IntegrationModule.class);
    /** The schema module of this module's tables ({@code db/migration/integration/}). */
    public static final String MIGRATIONS = "integration";

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final List<WebhookSink> webhooks;
    private final Optional<cc.integration.kafka.KafkaEventSink> kafka;
    private final List<String> deployments = new ArrayList<>();
    /** With several nodes on one database: the "outbox-relay" lease, so exactly one node relays. */
    private Optional<cc.core.app.livestate.Leadership> leadership = Optional.empty();
    /** The lease's name in the live-state store. */
    public static final String LEASE = "outbox-relay";

    private IntegrationModule(Vertx vertx, OutboxRelay relay, List<WebhookSink> webhooks,
                              Optional<cc.integration.kafka.KafkaEventSink> kafka) {
        this.vertx = vertx;
        this.relay = relay;
        this.webhooks = webhooks;
        this.kafka = kafka;
    }

    /** Starts the relay on the migrated database; {@code more} are sinks besides the webhooks. */
    public static Future<IntegrationModule> start(Vertx vertx, Database db, IntegrationSettings settings,
                                                  List<OutboxRelay.Sink> more, InstantSource clock) {
        return start(vertx, db, settings, more, clock, Optional.empty());
    }

    /**
     * As {@link #start(Vertx, Database, IntegrationSettings, List, InstantSource)}; with {@code leadership} (several
     * nodes sharing the database) the relay polls only while this node holds that lease.
     */
    public static Future<IntegrationModule> start(Vertx vertx, Database db, IntegrationSettings settings,
                                                  List<OutboxRelay.Sink> more, InstantSource clock,
                                                  Optional<cc.core.app.livestate.Leadership> leadership) {
        JdbcOutboxSource outbox = new JdbcOutboxSource(db);
        JdbcDeadLetters deadLetters = new JdbcDeadLetters(db);
        List<WebhookSink> webhooks = settings.webhooks().stream()
                .map(s -> new WebhookSink(vertx, s, deadLetters, clock)).toList();
        List<OutboxRelay.Sink> sinks = new ArrayList<>();
        webhooks.forEach(w -> sinks.add(new OutboxRelay.Sink(w, settings.relay()
                .withBackoff(w.subscription().retry()))));
        Optional<cc.integration.kafka.KafkaEventSink> kafka = settings.kafka().enabled()
                ? Optional.of(new cc.integration.kafka.KafkaEventSink(vertx, settings.kafka())) : Optional.empty();
        kafka.ifPresent(k -> sinks.add(new OutboxRelay.Sink(k, settings.relay())));
        sinks.addAll(more);
        OutboxRelay relay = leadership.isEmpty() ? new OutboxRelay(outbox, sinks, clock)
                : new OutboxRelay(outbox, sinks, clock, leadership.get()::holds);
        IntegrationModule m = new IntegrationModule(vertx, relay, webhooks, kafka);
        m.leadership = leadership;
        return vertx.deployVerticle(new WebhookDesk(webhooks, deadLetters, outbox, relay::status, clock))
                .compose(id -> {
                    m.deployments.add(id);
                    return vertx.deployVerticle(relay);
                })
                .map(id -> {
                    m.deployments.add(id);
                    leadership.ifPresent(l -> l.start(vertx, () -> { }, () -> { }));
                    log.info("integration: outbox relay started with {} sinks ({} webhooks: {})", sinks.size(),
                            webhooks.size(), webhooks.stream().map(w -> w.subscription().name() + " -> "
                                    + w.subscription().url()).toList());
                    return m;
                });
    }

    public OutboxRelay relay() {
        return relay;
    }

    public List<WebhookSink> webhooks() {
        return webhooks;
    }

    /** Stops the relay (a batch in flight is offered again at the next start) and the webhooks' HTTP clients. */
    @Override
    public void close() {
        leadership.ifPresent(cc.core.app.livestate.Leadership::stop);
        for (String id : deployments) {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("undeploying {}: {}", id, e.getMessage());
            }
        }
        webhooks.forEach(WebhookSink::close);
        kafka.ifPresent(cc.integration.kafka.KafkaEventSink::close);
    }
}
