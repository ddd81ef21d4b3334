package cc.console.app;

import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.contract.MediaStatsUpdated;
import cc.core.contract.TransferMedia;
import cc.core.domain.interaction.Segment;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chats and emails each agent is being offered and holds, as the ACD publishes them, and the live messages that
 * tell the agent's console: {@code media-offer}, {@code media-offer-ended}, {@code media-held} and
 * {@code media-ended}, each with {@code interactionId}, {@code channel}, {@code queue} and {@code data} (the chat and
 * email panels open on {@code media-held} of their channel).
 *
 * <p>Thread-safe: fed on the event bus, read by HTTP handlers.
 */
public final class MediaDesk {
    /** One contact on an agent's desk. */
    public record Item(String interactionId, String agentId, String channel, String queue, Map<String, String> data,
                       Instant offeredAt, boolean held) {
        public JsonObject json() {
            JsonObject d = new JsonObject();
            data.forEach(d::put);
            return new JsonObject().put("interactionId", interactionId).put("agentId", agentId)
                    .put("channel", channel).put("queue", queue).put("data", d)
                    .put("offeredAt", offeredAt.toString()).put("held", held);
        }
    }

    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final LiveHub hub;

    public MediaDesk(LiveHub hub) {
        this.hub = hub;
    }

    public void onOffered(MediaOffered o) {
        Item item = new Item(o.interactionId(), o.agentId(), o.channel().name(), o.queue(), o.data(), o.at(), false);
        items.put(o.interactionId(), item);
        hub.sendMedia(o.agentId(), item.json().put("type", "media-offer").encode());
    }

    public void onOfferEnded(MediaOfferEnded e) {
        Item item = items.get(e.interactionId());
        if (item == null || !item.agentId().equals(e.agentId())) {
            return;
        }
        if (Segment.ANSWERED.equals(e.outcome())) {
            Item held = new Item(item.interactionId(), item.agentId(), item.channel(), item.queue(), item.data(),
                    item.offeredAt(), true);
            items.put(e.interactionId(), held);
            hub.sendMedia(e.agentId(), held.json().put("type", "media-held").encode());
        } else {
            items.remove(e.interactionId(), item);
            hub.sendMedia(e.agentId(), item.json().put("type", "media-offer-ended").put("outcome", e.outcome())
                    .encode());
        }
    }

    public void onEnded(MediaEnded e) {
        Item item = items.remove(e.interactionId());
        if (item != null) {
            hub.sendMedia(item.agentId(), item.json().put("type", "media-ended").put("reason", e.reason()).encode());
        }
    }

    /** The holder sent it to another queue: gone from the agent's desk. */
    public void onTransferred(TransferMedia t) {
        Item item = items.get(t.interactionId());
        if (item != null && item.agentId().equals(t.agentId()) && items.remove(t.interactionId(), item)) {
            hub.sendMedia(item.agentId(), item.json().put("type", "media-ended").put("reason", "transferred")
                    .put("to", t.queue()).encode());
        }
    }

    /**
     * The ACD's media figures: to every supervisor as {@code media-stats} (per queue and channel waiting and offered,
     * per agent held against capacity), and to each agent whose load changed as {@code media-load}.
     */
    public void onStats(MediaStatsUpdated s) {
        JsonObject all = statsJson(s);
        stats = all;
        hub.sendWallboard(all.copy().put("type", "media-stats").encode());
        for (MediaStatsUpdated.AgentLoad a : s.agents()) {
            JsonObject load = loadJson(a);
            if (!load.equals(loads.put(a.agentId(), load))) {
                hub.sendMedia(a.agentId(), new JsonObject().put("type", "media-load").put("load", load).encode());
            }
        }
    }

    /** The latest figures (empty lists before the ACD sent any). */
    public JsonObject stats() {
        return stats.copy();
    }

    /** The agent's media load, e.g. {@code {held: {CHAT: 2}, capacity: {CHAT: 3, ...}}}; empty before any figures. */
    public JsonObject load(String agentId) {
        return loads.getOrDefault(agentId, new JsonObject()).copy();
    }

    private volatile JsonObject stats = new JsonObject().put("queues", new JsonArray()).put("agents", new JsonArray());
    private final Map<String, JsonObject> loads = new ConcurrentHashMap<>();

    private static JsonObject statsJson(MediaStatsUpdated s) {
        JsonArray queues = new JsonArray();
        s.queues().forEach(q -> queues.add(new JsonObject().put("queue", q.queue()).put("channel", q.channel())
                .put("waiting", q.waiting()).put("offered", q.offered())));
        JsonArray agents = new JsonArray();
        s.agents().forEach(a -> agents.add(loadJson(a).put("agentId", a.agentId())));
        return new JsonObject().put("queues", queues).put("agents", agents).put("at", s.at().toString());
    }

    private static JsonObject loadJson(MediaStatsUpdated.AgentLoad a) {
        JsonObject held = new JsonObject();
        a.held().forEach(held::put);
        JsonObject capacity = new JsonObject();
        a.capacity().forEach(capacity::put);
        return new JsonObject().put("held", held).put("capacity", capacity).put("mix", a.mix());
    }

    /** The contact when it is offered to the agent now. */
    public Optional<Item> offeredTo(String interactionId, String agentId) {
        Item i = items.get(interactionId);
        return i != null && !i.held() && i.agentId().equals(agentId) ? Optional.of(i) : Optional.empty();
    }

    /** The agent's offers and held contacts, oldest first. */
    public List<Item> of(String agentId) {
        List<Item> list = new ArrayList<>();
        for (Item i : items.values()) {
            if (i.agentId().equals(agentId)) {
                list.add(i);
            }
        }
        list.sort(java.util.Comparator.comparing(Item::offeredAt));
        return list;
    }
}
