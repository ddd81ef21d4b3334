package cc.console.app;

import cc.core.contract.CallOffered;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds screen-pops and sends them to the agent's sockets. Several instances run, each on its own context, because
 * database work submitted from one context runs in order: one builder would queue every pop behind the last one's
 * lookups. Offers reach one instance each, round-robin, on {@link #ADDRESS} (internal to the console).
 *
 * <p>Threading: each instance handles its offers on its own context; {@link ScreenPops} and {@link LiveHub} are
 * thread-safe.
 */
final class PopBuilder extends VerticleBase {
    static final String ADDRESS = "cc.console.pop.build";
    private static final Logger log = LoggerFactory.getLogger(PopBuilder.class);

    private final ScreenPops pops;
    private final LiveHub hub;
    private final PopLookups lookups;

    PopBuilder(ScreenPops pops, LiveHub hub, PopLookups lookups) {
        this.pops = pops;
        this.hub = hub;
        this.lookups = lookups;
    }

    @Override
    public Future<?> start() {
        if (!lookups.isEmpty()) {
            cc.core.contract.LookupAddresses.registerCodecs(vertx.eventBus());
        }
        return vertx.eventBus().<CallOffered>localConsumer(ADDRESS, m -> build(m.body())).completion();
    }

    private void build(CallOffered o) {
        // lookups into other systems (orders) join the card within their budget; a failed card goes out without them
        pops.build(o).compose(card -> lookups.attach(vertx, card, o)).onComplete(r -> {
            JsonObject card = r.succeeded() ? r.result() : fallback(o, r.cause());
            hub.sendPop(o.agentId(), new JsonObject().put("type", "pop").put("pop", card).encode());
        });
    }

    /** When the stores fail, the agent still sees who is calling. */
    private JsonObject fallback(CallOffered o, Throwable cause) {
        log.warn("screen-pop for {} without history: {}", ScreenPops.popId(o), cause.getMessage());
        return new JsonObject().put("id", ScreenPops.popId(o)).put("interactionId", o.interactionId())
                .put("agentId", o.agentId()).put("callerNumber", o.callerNumber()).put("queue", o.queue())
                .put("offeredAt", pops.when(o.at())).put("degraded", true);
    }
}
