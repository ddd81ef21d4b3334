package cc.acd.app;

import cc.acd.domain.agent.AgentCapacity;
import cc.acd.domain.media.MediaRouter;
import cc.acd.domain.media.MediaView;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.core.contract.AnswerMediaOffer;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.contract.MediaQueued;
import cc.core.contract.MediaStatsUpdated;
import cc.core.contract.TransferMedia;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.Segment;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ACD's side of the chat and email contract ({@link MediaAddresses}): the channels' requests turned into router
 * events, and the router's media commands published. A standby node answers 503, like {@link AcdRequests}.
 *
 * <p>Threading: on the ACD verticle's context only.
 */
final class MediaRequests {
    private final AcdRequests.Routing routing;
    /** Writes a contact to the shared live state (several nodes), so a standby can take it over. */
    private final java.util.function.Consumer<String> mirror;
    private EventBus bus;

    MediaRequests(AcdRequests.Routing routing, java.util.function.Consumer<String> mirror) {
        this.routing = routing;
        this.mirror = mirror;
    }

    void register(EventBus bus) {
        this.bus = bus;
        MediaAddresses.registerCodecs(bus);
        bus.<EnqueueMedia>consumer(MediaAddresses.ENQUEUE,
                routing.orForward(MediaAddresses.ENQUEUE, this::onEnqueue));
        bus.<AnswerMediaOffer>consumer(MediaAddresses.ANSWER,
                routing.orForward(MediaAddresses.ANSWER, this::onAnswer));
        bus.<TransferMedia>consumer(MediaAddresses.TRANSFER,
                routing.orForward(MediaAddresses.TRANSFER, this::onTransfer));
        bus.<EndMedia>consumer(MediaAddresses.END,
                routing.orForward(MediaAddresses.END, this::onEnd));
    }

    private MediaRouter media() {
        return routing.state().media();
    }

    private void onEnqueue(Message<EnqueueMedia> msg) {
        if (!routing.leads()) {
            msg.fail(503, AcdRequests.STANDBY);
            return;
        }
        EnqueueMedia e = msg.body();
        if (routing.state().queueConfig(e.queue()).isEmpty()) {
            msg.fail(404, "no queue " + e.queue());
            return;
        }
        if (media().contact(e.interactionId()).isPresent()) {
            msg.fail(409, "contact " + e.interactionId() + " is already in the ACD");
            return;
        }
        // published before routing: the recorder opens the record before it hears of the first offer
        bus.publish(MediaAddresses.ENQUEUED, e);
        Optional<String> refused = routing.run(new AcdEvent.MediaArrived(e.interactionId(), e.channel(), e.queue(),
                List.of(), e.priority(), e.data(), e.at(), routing.now()));
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
            return;
        }
        mirror.accept(e.interactionId());
        msg.reply(queued(e.interactionId(), e.queue()));
    }

    private void onAnswer(Message<AnswerMediaOffer> msg) {
        if (!routing.leads()) {
            msg.fail(503, AcdRequests.STANDBY);
            return;
        }
        AnswerMediaOffer a = msg.body();
        Optional<String> refused = routing.run(new AcdEvent.MediaAnswered(a.interactionId(), a.agentId(), a.accept(),
                routing.now()));
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
            return;
        }
        msg.reply(new MediaOfferEnded(a.interactionId(), a.agentId(), a.accept() ? Segment.ANSWERED : Segment.REFUSED,
                routing.now()));
    }

    private void onTransfer(Message<TransferMedia> msg) {
        if (!routing.leads()) {
            msg.fail(503, AcdRequests.STANDBY);
            return;
        }
        TransferMedia t = msg.body();
        if (routing.state().queueConfig(t.queue()).isEmpty()) {
            msg.fail(404, "no queue " + t.queue());
            return;
        }
        Optional<MediaView> held = media().contact(t.interactionId());
        if (held.isEmpty()) {
            msg.fail(404, "the ACD holds no contact " + t.interactionId());
            return;
        }
        if (!held.get().phase().equals(MediaView.HELD) || !held.get().agentId().equals(t.agentId())) {
            msg.fail(409, "contact " + t.interactionId() + " is not held by agent " + t.agentId());
            return;
        }
        bus.publish(MediaAddresses.TRANSFERRED, t);
        Optional<String> refused = routing.run(new AcdEvent.MediaTransferred(t.interactionId(), t.agentId(),
                t.queue(), routing.now()));
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
            return;
        }
        mirror.accept(t.interactionId());
        msg.reply(queued(t.interactionId(), t.queue()));
    }

    private void onEnd(Message<EndMedia> msg) {
        if (!routing.leads()) {
            msg.fail(503, AcdRequests.STANDBY);
            return;
        }
        EndMedia e = msg.body();
        Optional<MediaView> before = media().contact(e.interactionId());
        if (before.isEmpty()) {
            msg.fail(404, "the ACD holds no contact " + e.interactionId());
            return;
        }
        Optional<String> refused = routing.run(new AcdEvent.MediaClosed(e.interactionId(), e.reason(),
                routing.now()));
        if (refused.isPresent()) {
            msg.fail(409, refused.get());
            return;
        }
        MediaView v = before.get();
        msg.reply(new MediaEnded(e.interactionId(), v.agentId().isEmpty() ? Optional.empty() : Optional.of(v.agentId()),
                v.queueId(), e.reason(), routing.now()));
    }

    private MediaQueued queued(String interactionId, String queue) {
        Optional<MediaView> v = media().contact(interactionId);
        if (v.isEmpty()) {
            return new MediaQueued(interactionId, queue, MediaView.WAITING, 0, -1);
        }
        boolean waiting = v.get().phase().equals(MediaView.WAITING);
        return new MediaQueued(interactionId, v.get().queueId(), waiting ? "waiting" : "offered",
                waiting ? media().position(interactionId) : 0, -1);
    }

    /** Publishes a media command of the router; false when the command is not one of media. */
    boolean execute(AcdCommand c) {
        if (c instanceof AcdCommand.OfferMedia o) {
            mirror.accept(o.interactionId());
            bus.publish(MediaAddresses.OFFERED, new MediaOffered(o.agentId(), o.interactionId(), o.channel(),
                    o.queueId(), o.data(), routing.now()));
        } else if (c instanceof AcdCommand.MediaOfferClosed o) {
            mirror.accept(o.interactionId());
            bus.publish(MediaAddresses.OFFER_ENDED, new MediaOfferEnded(o.interactionId(), o.agentId(), o.outcome(),
                    routing.now()));
        } else if (c instanceof AcdCommand.MediaReleased r) {
            mirror.accept(r.interactionId());
            bus.publish(MediaAddresses.ENDED, new MediaEnded(r.interactionId(), r.agentId(), r.queueId(), r.reason(),
                    routing.now()));
        } else if (c instanceof AcdCommand.MediaLoadChanged) {
            loadsChanged = true;
        } else {
            return false;
        }
        return true;
    }

    /** Whether an agent's load changed since the last figures. */
    private boolean loadsChanged;

    /** The queue figures last published: chats and emails waiting or offered change without any agent's load. */
    private List<MediaStatsUpdated.QueueChannel> publishedQueues = List.of();

    /**
     * Publishes the media figures if an agent's load or a queue's figures changed, or always when {@code force} (every
     * agent's load goes out with them, so this is the wallboard's full publication, not every update).
     */
    void publishStats(boolean force) {
        List<MediaStatsUpdated.QueueChannel> queues = queueFigures();
        if (!force && !loadsChanged && queues.equals(publishedQueues)) {
            return;
        }
        loadsChanged = false;
        publishedQueues = queues;
        bus.publish(MediaAddresses.STATS, new MediaStatsUpdated(queues, agentLoads(), routing.now()));
    }

    private List<MediaStatsUpdated.QueueChannel> queueFigures() {
        List<MediaStatsUpdated.QueueChannel> queues = new ArrayList<>();
        media().queueCounts().forEach((queue, byChannel) -> byChannel.forEach((channel, n) ->
                queues.add(new MediaStatsUpdated.QueueChannel(queue, channel.name(), n[0], n[1]))));
        return queues;
    }

    private List<MediaStatsUpdated.AgentLoad> agentLoads() {
        MediaRouter m = media();
        List<MediaStatsUpdated.AgentLoad> agents = new ArrayList<>();
        for (String agentId : routing.state().agentIds()) {
            AgentCapacity cap = m.settings().capacity(agentId);
            Map<String, Integer> held = new HashMap<>();
            m.held(agentId).forEach((ch, n) -> held.put(ch.name(), n));
            Map<InteractionChannel, Integer> capacity = new EnumMap<>(InteractionChannel.class);
            capacity.put(InteractionChannel.VOICE, cap.voice());
            capacity.put(InteractionChannel.CHAT, cap.chat());
            capacity.put(InteractionChannel.EMAIL, cap.email());
            Map<String, Integer> caps = new HashMap<>();
            capacity.forEach((ch, n) -> caps.put(ch.name(), n));
            agents.add(new MediaStatsUpdated.AgentLoad(agentId, held, caps, cap.mix().wireName()));
        }
        return agents;
    }
}
