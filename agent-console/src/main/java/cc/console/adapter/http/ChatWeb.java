package cc.console.adapter.http;

import cc.console.app.ChatDesk;
import cc.console.app.ChatJson;
import cc.console.app.ConsoleVerticle;
import cc.console.domain.answers.AnswerSource;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.chat.Chat;
import cc.console.domain.chat.ChatBook;
import cc.console.domain.chat.ChatMessage;
import cc.core.contract.ChatAgentStep;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Web chat over HTTP: the visitors' public page ({@code /help/chat.html}) and WebSocket ({@code /help/chat/ws}, no
 * sign-in: origin checked, frames and chats per address limited), and the agents' side under {@code /api/chats}
 * (read, write, type, transfer, close, scripted answers), every call checked by {@link AccessRules} against who holds
 * the chat now.
 *
 * <p>Visitor frames, JSON both ways: {@code join} (name, topic, language, queue), {@code resume} (token, lastSeq),
 * {@code message} (text), {@code typing} (typing), {@code leave}; the server answers {@code chat-joined} (chatId,
 * token), {@code chat-resumed}, {@code chat-waiting}, {@code chat-assigned}, {@code chat-message},
 * {@code chat-typing}, {@code chat-transferred}, {@code chat-ended}, {@code chat-moved} (several nodes: the chat's
 * page came back on another node, which took the chat over; this socket closes) and {@code chat-error} (code, detail;
 * {@code try-again} while the chat moves between nodes: the page resumes on a new socket a moment later).
 *
 * <p>Threading: handlers run on the HTTP server's event loops; the chat desk answers on its own context.
 */
public final class ChatWeb {
    public static final String SOCKET = "/help/chat/ws";
    private static final Logger log = LoggerFactory.getLogger(ChatWeb.class);
    private static final Map<String, Integer> STATUS = Map.of("not-yours", 403, "no-chat", 404, "empty", 400,
            "too-long", 400, "bad-text", 400, "bad-queue", 400, "rate-limited", 429);

    private final ConsoleVerticle console;
    private final ChatDesk desk;
    private final int frameLimit;
    private final Set<String> allowedOrigins;

    /**
     * @param allowedOrigins origins besides the server's own whose pages may open the visitor socket (a company web
     *                       site embedding the widget), e.g. {@code https://www.example.com}
     */
    public ChatWeb(ConsoleVerticle console, ChatDesk desk, int maxMessageChars, Set<String> allowedOrigins) {
        this.console = console;
        this.desk = desk;
        // a frame carries one message as JSON: allow for escaping (\\uXXXX is 6 bytes a character) and the envelope
        this.frameLimit = maxMessageChars * 6 + 512;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** The frame types the visitors' chat socket accepts: its dispatch table (join and resume start, the rest act). */
    static final Set<String> VISITOR_TYPES_IN = Set.of("join", "resume", "message", "typing", "leave");

    public void mount(Router router) {
        router.get(SOCKET).handler(this::visitorSocket);
        router.route("/help/*").handler(this::headers);
        router.route("/help/*").handler(StaticHandler.create("chat-web").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
        router.get("/api/chats").handler(this::mine);
        router.get("/api/chats/:id").handler(this::read);
        router.get("/api/chats/:id/answers").handler(this::answers);
        router.post("/api/chats/:id/messages").handler(rc -> write(rc, b -> {
            Object text = b.getValue("text");
            return text instanceof String s ? s : null;
        }, ChatAgentStep.SAYS, "text"));
        router.post("/api/chats/:id/typing").handler(rc -> write(rc, b -> b.getValue("typing") instanceof Boolean t
                ? t.toString() : null, ChatAgentStep.TYPING, "typing"));
        router.post("/api/chats/:id/transfer").handler(rc -> write(rc, b -> b.getValue("queue") instanceof String q
                ? q : null, ChatAgentStep.TRANSFERS, "queue"));
        router.post("/api/chats/:id/close").handler(rc -> write(rc, b -> "", ChatAgentStep.CLOSES, ""));
    }

    private void headers(RoutingContext rc) {
        rc.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                        + " script-src 'self'; connect-src 'self'");
        rc.next();
    }

    // ---- the visitor ----

    private void visitorSocket(RoutingContext rc) {
        String origin = rc.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !LiveWeb.sameOrigin(origin, rc.request().getHeader(HttpHeaders.HOST))
                && !allowedOrigins.contains(origin)) {
            rc.response().setStatusCode(403).end("chat from another site refused");
            return;
        }
        String address = rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host();
        rc.request().toWebSocket().onSuccess(ws -> new Visitor(ws, address).start())
                .onFailure(e -> log.debug("chat socket upgrade failed: {}", e.getMessage()));
    }

    /**
     * One visitor's socket: at most one chat on it. Frames are handled on the socket's event loop, one at a time; the
     * desk's answers arrive on its own context, hence the volatile fields.
     */
    private final class Visitor implements ChatDesk.VisitorLink {
        private final ServerWebSocket ws;
        private final String address;
        private volatile String chatId = "";
        private volatile boolean asking;
        /**
         * Frames that came while a join or resume was on its way: the page may send its first line as soon as it
         * reads chat-joined or chat-resumed, before this socket knows its chat; they are handled, in order, once it
         * does. Touched on the socket's own context only.
         */
        private final java.util.ArrayDeque<String> held = new java.util.ArrayDeque<>();
        private static final int HELD_LIMIT = 20;
        private io.vertx.core.Context socketContext;

        Visitor(ServerWebSocket ws, String address) {
            this.ws = ws;
            this.address = address;
        }

        void start() {
            socketContext = io.vertx.core.Vertx.currentContext();
            ws.textMessageHandler(this::onText);
            ws.binaryMessageHandler(b -> ws.close((short) 1003, "text frames only"));
            ws.closeHandler(v -> {
                if (!chatId.isEmpty()) {
                    desk.socketClosed(chatId, this);
                }
            });
            ws.exceptionHandler(e -> log.debug("chat socket from {}: {}", address, e.getMessage()));
        }

        @Override
        public void send(String text) {
            if (!ws.isClosed()) {
                ws.writeTextMessage(text);
            }
        }

        @Override
        public void close() {
            if (!ws.isClosed()) {
                ws.close();
            }
        }

        private void error(String code, String detail) {
            send(new JsonObject().put("type", "chat-error").put("code", code).put("detail", detail).encode());
        }

        private void onText(String text) {
            if (text.length() > frameLimit) {
                ws.close((short) 1009, "message too large");
                return;
            }
            JsonObject f;
            try {
                f = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                error("bad-frame", "send a JSON object");
                return;
            }
            String type = f.getValue("type") instanceof String s ? s : "";
            if (asking && !type.equals("join") && !type.equals("resume")) {
                if (held.size() >= HELD_LIMIT) {
                    error("rate", "wait for the chat to start");
                } else {
                    held.add(text);
                }
                return;
            }
            if (type.equals("join") || type.equals("resume")) {
                start(type, f);
                return;
            }
            if (chatId.isEmpty()) {
                error("no-chat", "join or resume a chat first");
                return;
            }
            String id = chatId;
            switch (type) {
                case "message" -> {
                    String body = f.getValue("text") instanceof String s ? s : null;
                    if (body == null) {
                        error("bad-frame", "text must be a string");
                        return;
                    }
                    desk.act(b -> b.visitorSays(id, body, desk.clock().instant())).onSuccess(out ->
                            ChatDesk.refusal(out).ifPresent(r -> error(r.code(), r.detail())));
                }
                case "typing" -> desk.act(b -> b.visitorTyping(id, Boolean.TRUE.equals(f.getValue("typing"))));
                case "leave" -> desk.act(b -> b.visitorLeaves(id, desk.clock().instant()));
                default -> error("bad-frame", "type must be one of " + String.join(", ", VISITOR_TYPES_IN.stream()
                        .sorted().toList()));
            }
        }

        private void onSocketContext(Runnable action) {
            if (socketContext == null || socketContext == io.vertx.core.Vertx.currentContext()) {
                action.run();
            } else {
                socketContext.runOnContext(v -> action.run());
            }
        }

        private void start(String type, JsonObject f) {
            if (!chatId.isEmpty() || asking) {
                error("bad-frame", "this socket has a chat already");
                return;
            }
            asking = true;
            Future<ChatDesk.Entry> entry;
            if (type.equals("join")) {
                entry = desk.join(new ChatBook.Join(address, string(f, "name"), string(f, "topic"),
                        string(f, "language"), "", string(f, "queue")), this);
            } else {
                long lastSeq = f.getValue("lastSeq") instanceof Number n ? n.longValue() : 0;
                entry = desk.resume(string(f, "token"), lastSeq, this);
            }
            entry.onComplete(r -> onSocketContext(() -> {
                asking = false;
                if (r.failed()) {
                    error("failed", "try again");
                } else if (r.result().refused().isPresent()) {
                    error(r.result().refused().get().code(), r.result().refused().get().detail());
                } else {
                    chatId = r.result().chat().map(Chat::id).orElse("");
                }
                while (!held.isEmpty() && !asking) {
                    onText(held.poll());
                }
            }));
        }
    }

    private static String string(JsonObject f, String key) {
        return f.getValue(key) instanceof String s ? s : "";
    }

    // ---- the agent ----

    /** The chats the signed-in agent holds now, for a page that was reloaded. */
    private void mine(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        desk.heldBy(p.agentId())
                .onSuccess(a -> ApiReplies.json(rc, 200, new JsonObject().put("chats", a)))
                .onFailure(e -> ApiReplies.error(rc, e));
    }

    /** A chat: live for the agent holding it; the stored transcript for earlier holders and supervisors. */
    private void read(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        String id = rc.pathParam("id");
        desk.read(b -> b.find(id).map(c -> new Object[]{c.agentId(), ChatJson.chat(c)})).onSuccess(open -> {
            Optional<String> holder = open.map(o -> (String) o[0]).filter(a -> !a.isEmpty());
            if (open.isPresent() && AccessRules.mayWriteChat(p, holder)) {
                ApiReplies.json(rc, 200, (JsonObject) open.get()[1]);
                return;
            }
            desk.store().transcript(id).onSuccess(t -> {
                if (t.isEmpty()) {
                    ApiReplies.fail(rc, open.isPresent() ? 403 : 404, open.isPresent()
                            ? "this chat is held by another agent" : "no chat " + id);
                } else if (!AccessRules.mayReadChat(p, holder, t.get().holders())) {
                    ApiReplies.fail(rc, 403, "this chat is held by another agent");
                } else {
                    ApiReplies.json(rc, 200, ChatJson.transcript(t.get()));
                }
            }).onFailure(e -> ApiReplies.error(rc, e));
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    /** Scripted answers for the chat's topic and the visitor's last line, as one-click replies. */
    private void answers(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        String id = rc.pathParam("id");
        desk.read(b -> b.find(id).map(c -> {
            Map<String, Double> query = new LinkedHashMap<>();
            query.put(c.topic(), 3.0);
            List<ChatMessage> lines = c.lines();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).from() == ChatMessage.Sender.VISITOR) {
                    query.merge(lines.get(i).text(), 2.0, Double::sum);
                    break;
                }
            }
            return Map.entry(c.agentId(), query);
        })).onSuccess(found -> {
            if (found.isEmpty()) {
                ApiReplies.fail(rc, 404, "no open chat " + id);
                return;
            }
            Optional<String> holder = Optional.of(found.get().getKey()).filter(a -> !a.isEmpty());
            if (!AccessRules.mayReadChat(p, holder, List.of())) {
                ApiReplies.fail(rc, 403, "this chat is held by another agent");
                return;
            }
            JsonArray out = new JsonArray();
            for (AnswerSource.Kind kind : AnswerSource.Kind.values()) {
                console.answers().rank(found.get().getValue(), kind, 5).forEach(r -> out.add(new JsonObject()
                        .put("id", r.source().id()).put("kind", kind == AnswerSource.Kind.ARTICLE ? "article" : "solved")
                        .put("title", r.source().title()).put("text", r.source().text())
                        .put("matched", new JsonArray(r.matchedTerms()))));
            }
            ApiReplies.json(rc, 200, new JsonObject().put("answers", out));
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    /** A step the agent asks for, once the body's field is read: {@code fieldOf} returns null when it is malformed. */
    private void write(RoutingContext rc, Function<JsonObject, String> fieldOf, String step, String field) {
        JsonObject b = field.isEmpty() && rc.body().length() == 0 ? new JsonObject() : ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        String value = fieldOf.apply(b);
        if (value == null) {
            ApiReplies.fail(rc, 400, field + " is missing or of the wrong type");
            return;
        }
        Principal p = SignInWeb.principal(rc);
        String id = rc.pathParam("id");
        // through the desk's address: with several nodes the chat's desk may be on the node its visitor reached
        desk.agentStep(new ChatAgentStep(id, p.agentId(), step, value)).onSuccess(done -> {
            if (!done.refusedCode().isEmpty()) {
                ApiReplies.fail(rc, STATUS.getOrDefault(done.refusedCode(), 409), done.refusedDetail());
                return;
            }
            JsonObject reply = new JsonObject().put("chatId", id);
            if (done.seq() >= 0) {
                reply.put("seq", done.seq());
            }
            ApiReplies.json(rc, 202, reply);
        }).onFailure(e -> ApiReplies.error(rc, e));
    }
}
