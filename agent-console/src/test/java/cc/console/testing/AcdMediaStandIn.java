package cc.console.testing;

import cc.core.contract.AnswerMediaOffer;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.contract.MediaQueued;
import cc.core.contract.TransferMedia;
import cc.core.domain.interaction.Segment;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ACD's side of {@link MediaAddresses} as far as the chat tests need it, until the ACD's own media routing is
 * wired into these tests: queues by name, agents with a queue and a chat capacity, first come first served, offers
 * accepted at once (as if the agent clicked Accept: {@code OFFERED} then {@code OFFER_ENDED answered}), transfers
 * refused with 409 unless the asker holds the contact, unknown queues refused with 404, ends published as
 * {@code ENDED}. Replace it with the real ACD when that lands; the tests speak only the contract.
 *
 * <p>Threading: everything runs on this verticle's context; {@link #ends()} is safe to read from the test thread.
 */
public final class AcdMediaStandIn extends VerticleBase {
    private final Map<String, Deque<EnqueueMedia>> queues = new LinkedHashMap<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, String> holder = new HashMap<>();
    private final Map<String, String> waitingIn = new HashMap<>();
    private final List<EndMedia> ends = new CopyOnWriteArrayList<>();

    private record Agent(String id, String queue, int capacity, List<String> holds) {}

    /** @param queues the queues it knows; @param agents agent id to "queue:capacity" */
    public AcdMediaStandIn(List<String> queues, Map<String, String> agents) {
        queues.forEach(q -> this.queues.put(q, new ArrayDeque<>()));
        agents.forEach((id, spec) -> this.agents.put(id, new Agent(id, spec.split(":")[0],
                Integer.parseInt(spec.split(":")[1]), new ArrayList<>())));
    }

    /** The ends the chat desk sent, in order. */
    public List<EndMedia> ends() {
        return List.copyOf(ends);
    }

    @Override
    public Future<?> start() {
        MediaAddresses.registerCodecs(vertx.eventBus());
        vertx.eventBus().<EnqueueMedia>consumer(MediaAddresses.ENQUEUE, this::enqueue);
        vertx.eventBus().<TransferMedia>consumer(MediaAddresses.TRANSFER, this::transfer);
        vertx.eventBus().<EndMedia>consumer(MediaAddresses.END, this::end);
        vertx.eventBus().<AnswerMediaOffer>consumer(MediaAddresses.ANSWER, m -> m.fail(409, "offers are accepted at once here"));
        return Future.succeededFuture();
    }

    private void enqueue(Message<EnqueueMedia> m) {
        EnqueueMedia e = m.body();
        if (!queues.containsKey(e.queue())) {
            m.fail(404, "no queue " + e.queue());
            return;
        }
        queues.get(e.queue()).addLast(e);
        waitingIn.put(e.interactionId(), e.queue());
        m.reply(new MediaQueued(e.interactionId(), e.queue(), "waiting", queues.get(e.queue()).size(), 30));
        vertx.runOnContext(v -> route());
    }

    private void transfer(Message<TransferMedia> m) {
        TransferMedia t = m.body();
        if (!t.agentId().equals(holder.get(t.interactionId()))) {
            m.fail(409, "the contact is not held by " + t.agentId());
            return;
        }
        if (!queues.containsKey(t.queue())) {
            m.fail(404, "no queue " + t.queue());
            return;
        }
        holder.remove(t.interactionId());
        agents.get(t.agentId()).holds().remove(t.interactionId());
        EnqueueMedia again = new EnqueueMedia(t.interactionId(), cc.core.domain.interaction.InteractionChannel.CHAT,
                t.queue(), 0, "", Map.of(), t.at());
        queues.get(t.queue()).addLast(again);
        waitingIn.put(t.interactionId(), t.queue());
        m.reply(new MediaQueued(t.interactionId(), t.queue(), "waiting", queues.get(t.queue()).size(), 30));
        vertx.runOnContext(v -> route());
    }

    private void end(Message<EndMedia> m) {
        EndMedia e = m.body();
        ends.add(e);
        String agent = holder.remove(e.interactionId());
        if (agent != null) {
            agents.get(agent).holds().remove(e.interactionId());
        }
        String queue = waitingIn.remove(e.interactionId());
        if (queue != null) {
            queues.get(queue).removeIf(x -> x.interactionId().equals(e.interactionId()));
        }
        MediaEnded ended = new MediaEnded(e.interactionId(), Optional.ofNullable(agent), queue == null ? "" : queue,
                e.reason(), e.at());
        m.reply(ended);
        vertx.eventBus().publish(MediaAddresses.ENDED, ended);
        vertx.runOnContext(v -> route());
    }

    /** Each waiting contact to the first agent of its queue with room. */
    private void route() {
        for (Map.Entry<String, Deque<EnqueueMedia>> q : queues.entrySet()) {
            while (!q.getValue().isEmpty()) {
                Optional<Agent> free = agents.values().stream()
                        .filter(a -> a.queue().equals(q.getKey()) && a.holds().size() < a.capacity()).findFirst();
                if (free.isEmpty()) {
                    break;
                }
                EnqueueMedia e = q.getValue().removeFirst();
                waitingIn.remove(e.interactionId());
                free.get().holds().add(e.interactionId());
                holder.put(e.interactionId(), free.get().id());
                Instant now = Instant.now();
                vertx.eventBus().publish(MediaAddresses.OFFERED, new MediaOffered(free.get().id(), e.interactionId(),
                        e.channel(), q.getKey(), e.data(), now));
                vertx.eventBus().publish(MediaAddresses.OFFER_ENDED, new MediaOfferEnded(e.interactionId(),
                        free.get().id(), Segment.ANSWERED, now));
            }
        }
    }
}
