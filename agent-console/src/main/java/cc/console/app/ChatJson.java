package cc.console.app;

import cc.console.domain.chat.Chat;
import cc.console.domain.chat.ChatMessage;
import cc.console.domain.chat.ChatOutput;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The JSON of chats: frames on the visitor's socket, pushes on the agent's live channel, REST bodies. Text always
 * travels as a JSON string; pages put it in the DOM as text, never as markup.
 */
public final class ChatJson {
    private ChatJson() {}

    /** A notice as the visitor sees it: no agent ids. */
    public static JsonObject forVisitor(String chatId, ChatOutput.Notice n) {
        JsonObject o = notice(chatId, n);
        o.remove("agentId");
        return o;
    }

    /** A notice as the agent's panel sees it. */
    public static JsonObject notice(String chatId, ChatOutput.Notice n) {
        JsonObject o = new JsonObject().put("chatId", chatId);
        if (n instanceof ChatOutput.Waiting w) {
            o.put("type", "chat-waiting").put("queue", w.queue()).put("position", w.position())
                    .put("estimatedWaitSeconds", w.estimatedWaitSeconds());
        } else if (n instanceof ChatOutput.Assigned a) {
            o.put("type", "chat-assigned").put("agentId", a.agentId());
        } else if (n instanceof ChatOutput.Said s) {
            o.mergeIn(line(s.message())).put("type", "chat-message");
        } else if (n instanceof ChatOutput.Typing t) {
            o.put("type", "chat-typing").put("from", t.who().code()).put("typing", t.typing());
        } else if (n instanceof ChatOutput.Transferred t) {
            o.put("type", "chat-transferred").put("queue", t.queue());
        } else if (n instanceof ChatOutput.Ended e) {
            o.put("type", "chat-ended").put("reason", e.reason());
        }
        return o;
    }

    public static JsonObject line(ChatMessage m) {
        return new JsonObject().put("seq", m.seq()).put("from", m.from().code()).put("agentId", m.agentId())
                .put("text", m.text()).put("at", m.at().toString());
    }

    public static JsonArray lines(List<ChatMessage> lines, boolean forVisitor) {
        JsonArray a = new JsonArray();
        lines.forEach(m -> {
            JsonObject l = line(m);
            if (forVisitor) {
                l.remove("agentId");
            }
            a.add(l);
        });
        return a;
    }

    /** An open chat for the agent's panel. */
    public static JsonObject chat(Chat c) {
        return new JsonObject().put("id", c.id()).put("visitorName", c.visitorName()).put("topic", c.topic())
                .put("language", c.language()).put("customerId", c.customerId()).put("queue", c.queue())
                .put("state", c.state().name().toLowerCase(java.util.Locale.ROOT)).put("agentId", c.agentId())
                .put("startedAt", c.startedAt().toString()).put("lines", lines(c.lines(), false));
    }

    /** A stored chat (open or ended), for the timeline. */
    public static JsonObject transcript(ChatStore.Transcript t) {
        JsonArray lines = lines(t.lines(), false);
        return new JsonObject().put("id", t.chatId()).put("visitorName", t.visitorName()).put("topic", t.topic())
                .put("language", t.language()).put("customerId", t.customerId()).put("queue", t.queue())
                .put("agentId", t.agentId()).put("holders", new JsonArray(t.holders()))
                .put("startedAt", t.startedAt().toString())
                .put("endedAt", t.endedAt().map(Object::toString).orElse(null))
                .put("state", t.endedAt().isPresent() ? "ended" : "open").put("endReason", t.endReason())
                .put("lines", lines);
    }
}
