package cc.email;

import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaQueued;
import cc.core.domain.interaction.Segment;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers the ACD's media addresses by the contract in {@link MediaAddresses} until the ACD's own media routing is on
 * this branch: every {@link EnqueueMedia} waits (position 1), {@link #accept} is the agent taking the offer
 * ({@link MediaOfferEnded} answered), {@link EndMedia} lets the contact go ({@link MediaEnded} published). It keeps
 * what it was asked, for the tests to check.
 */
public final class AcdMediaStandIn implements AutoCloseable {
    private final Vertx vertx;
    private final List<EnqueueMedia> enqueued = new CopyOnWriteArrayList<>();
    private final List<EndMedia> ended = new CopyOnWriteArrayList<>();
    private final Map<String, String> queues = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();
    private final List<MessageConsumer<?>> consumers = new CopyOnWriteArrayList<>();

    public AcdMediaStandIn(Vertx vertx) {
        this.vertx = vertx;
        MediaAddresses.registerCodecs(vertx.eventBus());
        consumers.add(vertx.eventBus().<EnqueueMedia>consumer(MediaAddresses.ENQUEUE, m -> {
            enqueued.add(m.body());
            queues.put(m.body().interactionId(), m.body().queue());
            m.reply(new MediaQueued(m.body().interactionId(), m.body().queue(), "waiting", 1, -1));
        }));
        consumers.add(vertx.eventBus().<EndMedia>consumer(MediaAddresses.END, m -> {
            EndMedia e = m.body();
            String queue = queues.get(e.interactionId());
            if (queue == null) {
                m.fail(404, "no contact " + e.interactionId());
                return;
            }
            ended.add(e);
            MediaEnded done = new MediaEnded(e.interactionId(), Optional.ofNullable(holders.remove(e.interactionId())),
                    queue, e.reason(), e.at());
            m.reply(done);
            vertx.eventBus().publish(MediaAddresses.ENDED, done);
        }));
    }

    /** The agent accepts the offer of the contact: it now holds it. */
    public void accept(String interactionId, String agentId) {
        holders.put(interactionId, agentId);
        vertx.eventBus().publish(MediaAddresses.OFFER_ENDED,
                new MediaOfferEnded(interactionId, agentId, Segment.ANSWERED, Instant.now()));
    }

    public List<EnqueueMedia> enqueued() {
        return List.copyOf(enqueued);
    }

    public List<EndMedia> ended() {
        return List.copyOf(ended);
    }

    @Override
    public void close() {
        consumers.forEach(MessageConsumer::unregister);
    }
}
