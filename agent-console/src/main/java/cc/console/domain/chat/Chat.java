package cc.console.domain.chat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One chat as its owner keeps it: who, where it waits or who holds it, the lines so far. Changed only by
 * {@link ChatBook}, on its owner's thread.
 */
public final class Chat {
    /** Where a chat is: waiting for an agent, held by one, or over. */
    public enum State { WAITING, HELD, ENDED }

    private final String id;
    /** The SHA-256 of the visitor's token (hex): the token itself is kept only by the visitor's page. */
    private final String tokenHash;
    private final String address;
    private final String visitorName;
    private final String topic;
    private final String language;
    private final String customerId;
    private final Instant startedAt;
    private final List<ChatMessage> lines = new ArrayList<>();
    private final Deque<Instant> recentVisitorLines = new ArrayDeque<>();
    private String queue;
    private State state = State.WAITING;
    private String agentId = "";
    private long lastSeq;
    private Instant quietSince;
    private Instant disconnectedAt;

    Chat(String id, String tokenHash, String address, String visitorName, String topic, String language,
         String customerId, String queue, Instant startedAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.address = address;
        this.visitorName = visitorName;
        this.topic = topic;
        this.language = language;
        this.customerId = customerId;
        this.queue = queue;
        this.startedAt = startedAt;
        this.quietSince = startedAt;
    }

    public String id() {
        return id;
    }

    /** The hash of the secret the visitor's page keeps to come back to this chat after its socket dropped. */
    public String tokenHash() {
        return tokenHash;
    }

    /** The hash a token is known by (SHA-256, hex): what the book and the store keep instead of the token. */
    public static String hashToken(String token) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public String address() {
        return address;
    }

    public String visitorName() {
        return visitorName;
    }

    public String topic() {
        return topic;
    }

    public String language() {
        return language;
    }

    /** The CRM customer id, empty when the visitor is not known. */
    public String customerId() {
        return customerId;
    }

    public String queue() {
        return queue;
    }

    public State state() {
        return state;
    }

    /** The agent holding the chat, empty while it waits. */
    public String agentId() {
        return agentId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The lines so far, oldest first. */
    public List<ChatMessage> lines() {
        return List.copyOf(lines);
    }

    /** The lines after {@code seq} (what a reconnecting page has not seen). */
    public List<ChatMessage> linesAfter(long seq) {
        return lines.stream().filter(m -> m.seq() > seq).toList();
    }

    public boolean visitorConnected() {
        return disconnectedAt == null;
    }

    boolean heldBy(String agent) {
        return state == State.HELD && !agent.isEmpty() && agentId.equals(agent);
    }

    /**
     * Taken over from another desk: the lines as stored, numbered on from {@code lastSeq} (the highest the visitor's
     * page or the store has seen, so no new line reuses a number the page already showed).
     */
    void restore(List<ChatMessage> stored, long lastSeq, String holder) {
        lines.addAll(stored);
        this.lastSeq = Math.max(lastSeq, stored.stream().mapToLong(ChatMessage::seq).max().orElse(0));
        if (!holder.isEmpty()) {
            state = State.HELD;
            agentId = holder;
        }
    }

    ChatMessage add(ChatMessage.Sender from, String agent, String text, Instant at) {
        ChatMessage m = new ChatMessage(id, ++lastSeq, from, agent, text, at);
        lines.add(m);
        return m;
    }

    void waitIn(String newQueue) {
        state = State.WAITING;
        agentId = "";
        queue = newQueue;
    }

    void hold(String agent, Instant at) {
        state = State.HELD;
        agentId = agent;
        quietSince = at;
    }

    void end() {
        state = State.ENDED;
    }

    void visitorSpoke(Instant at) {
        quietSince = at;
        recentVisitorLines.addLast(at);
    }

    /** Visitor lines within the window ending now (older ones are forgotten). */
    int visitorLinesSince(Instant from) {
        while (!recentVisitorLines.isEmpty() && !recentVisitorLines.peekFirst().isAfter(from)) {
            recentVisitorLines.removeFirst();
        }
        return recentVisitorLines.size();
    }

    Instant quietSince() {
        return quietSince;
    }

    Instant disconnectedAt() {
        return disconnectedAt;
    }

    void disconnected(Instant at) {
        disconnectedAt = at;
    }

    void connected() {
        disconnectedAt = null;
    }
}
