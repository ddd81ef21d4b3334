package cc.console.domain.chat;

import cc.console.domain.chat.ChatOutput.Assigned;
import cc.console.domain.chat.ChatOutput.Ended;
import cc.console.domain.chat.ChatOutput.Refused;
import cc.console.domain.chat.ChatOutput.Said;
import cc.console.domain.chat.ChatOutput.ToAgent;
import cc.console.domain.chat.ChatOutput.ToVisitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every open web chat and the rules they follow: the pure core of the chat desk. Each method takes what happened and
 * {@code now}, changes the chats and returns what to do as {@link ChatOutput}s; a refusal changes nothing and is the
 * single {@link Refused} returned. Ended chats leave the book (their transcript is in the store).
 *
 * <p>Not thread-safe: one owner (the chat desk's context) calls it.
 */
public final class ChatBook {
    /** {@link ChatOutput.Ended} reason when the agent sent the chat to another queue (told to that agent only). */
    public static final String TRANSFERRED = "transferred";
    /** {@link ChatOutput.Ended} reason when the ACD refused the chat (no such queue, queue full). */
    public static final String UNAVAILABLE = "unavailable";
    /** EndMedia's reasons (cc.core.contract.EndMedia), repeated here to keep the domain free of the contract. */
    static final String CUSTOMER_LEFT = "customer-left";
    static final String CLOSED = "closed";
    static final String EXPIRED = "expired";

    private final ChatSettings settings;
    private final Map<String, Chat> chats = new LinkedHashMap<>();
    /** Open chats by the hash of their token. */
    private final Map<String, String> byToken = new HashMap<>();

    public ChatBook(ChatSettings settings) {
        this.settings = settings;
    }

    public ChatSettings settings() {
        return settings;
    }

    /** What a visitor asks for when they start a chat. */
    public record Join(String address, String name, String topic, String language, String customerId, String queue) {}

    /**
     * A visitor starts a chat. Refused ({@code bad-name}, {@code bad-topic}, {@code bad-language}, {@code bad-queue},
     * {@code too-many-chats}) or opened and sent to the ACD.
     *
     * @param chatId a new id (the chat's interaction id)
     * @param token  a new unguessable secret the visitor's page keeps to come back to the chat
     */
    public List<ChatOutput> join(Join j, String chatId, String token, Instant now) {
        String name = j.name() == null ? "" : j.name().strip();
        String topic = j.topic() == null ? "" : j.topic().strip();
        String queue = j.queue() == null || j.queue().isBlank() ? settings.defaultQueue() : j.queue().strip();
        String customer = j.customerId() == null ? "" : j.customerId().strip();
        if (name.isEmpty() || name.length() > settings.maxNameChars()) {
            return refuse("bad-name", "name must have 1 to " + settings.maxNameChars() + " characters");
        }
        if (topic.length() > settings.maxTopicChars()) {
            return refuse("bad-topic", "topic is limited to " + settings.maxTopicChars() + " characters");
        }
        if ((name + topic + customer).indexOf('\0') >= 0) {
            return refuse("bad-text", "name, topic and customer may not contain the NUL character");
        }
        if (!"fa".equals(j.language()) && !"en".equals(j.language())) {
            return refuse("bad-language", "language must be fa or en");
        }
        if (!settings.offersQueue(queue)) {
            return refuse("bad-queue", "no chat queue '" + queue + "'");
        }
        long open = chats.values().stream().filter(c -> c.address().equals(j.address())).count();
        if (open >= settings.maxChatsPerAddress()) {
            return refuse("too-many-chats", "at most " + settings.maxChatsPerAddress()
                    + " open chats from one address");
        }
        Chat c = new Chat(chatId, Chat.hashToken(token), j.address(), name, topic, j.language(), customer, queue, now);
        chats.put(chatId, c);
        byToken.put(c.tokenHash(), chatId);
        Map<String, String> data = new HashMap<>();
        data.put("topic", topic);
        data.put("address", name);
        if (!customer.isEmpty()) {
            data.put("customerId", customer);
        }
        return List.of(new ChatOutput.Opened(chatId, name, topic, j.language(), customer, queue, now, c.tokenHash(),
                        j.address()),
                new ChatOutput.Enqueue(chatId, queue, j.language(), data, now),
                new ToVisitor(chatId, new ChatOutput.Waiting(queue, 0, -1)));
    }

    /** The chat of a token, when the visitor's page comes back within the grace period; its socket counts as open. */
    public Optional<Chat> resume(String token) {
        Optional<Chat> c = Optional.ofNullable(byToken.get(Chat.hashToken(token))).map(chats::get);
        c.ifPresent(Chat::connected);
        return c;
    }

    /** An open chat as another node's desk kept it (and the store has it): what {@link #adopt} takes over. */
    public record Kept(String chatId, String tokenHash, String address, String visitorName, String topic,
                       String language, String customerId, String queue, String holder, Instant startedAt,
                       List<ChatMessage> lines) {}

    /**
     * Takes over a chat another node's desk had (that node died, or let it go to this one as its visitor came back
     * here). It waits in its queue or stays with its holder, as it was; the visitor is here ({@code visitorHere}) or
     * has {@code reconnectGrace} to come back. The holder's panel is told again who holds the chat, which also tells
     * every node where its desk is now.
     *
     * @param lastSeq the highest line number the visitor's page has seen (0 when it is not here)
     */
    public List<ChatOutput> adopt(Kept k, long lastSeq, boolean visitorHere, Instant now) {
        Chat existing = chats.get(k.chatId());
        if (existing != null) {
            if (visitorHere) {
                existing.connected();
            }
            return List.of();
        }
        Chat c = new Chat(k.chatId(), k.tokenHash(), k.address(), k.visitorName(), k.topic(), k.language(),
                k.customerId(), k.queue(), k.startedAt());
        c.restore(k.lines(), lastSeq, k.holder());
        if (!visitorHere) {
            c.disconnected(now);
        }
        if (c.state() == Chat.State.HELD) {
            c.hold(k.holder(), now);
        }
        chats.put(c.id(), c);
        byToken.put(c.tokenHash(), c.id());
        return c.state() == Chat.State.HELD
                ? List.of(new ToAgent(c.agentId(), c.id(), new Assigned(c.agentId())))
                : List.of();
    }

    /**
     * Lets a chat go to another node's desk without ending it (its visitor came back there): it leaves this book, the
     * ACD keeps it where it is. Returns whether the book had it.
     */
    public boolean release(String chatId) {
        Chat c = chats.remove(chatId);
        if (c == null) {
            return false;
        }
        byToken.remove(c.tokenHash());
        return true;
    }

    /** The visitor's socket closed without leaving: the chat waits {@code reconnectGrace} for them. */
    public void disconnected(String chatId, Instant now) {
        find(chatId).ifPresent(c -> c.disconnected(now));
    }

    /** The ACD's answer to the enqueue or transfer: where the chat waits. */
    public List<ChatOutput> queued(String chatId, String queue, int position, long estimatedWaitSeconds) {
        return find(chatId).filter(c -> c.state() == Chat.State.WAITING)
                .<List<ChatOutput>>map(c -> List.of(new ToVisitor(chatId,
                        new ChatOutput.Waiting(queue, position, estimatedWaitSeconds))))
                .orElse(List.of());
    }

    /** The ACD refused the chat: the visitor is told, the chat is over. */
    public List<ChatOutput> enqueueFailed(String chatId, Instant now) {
        return find(chatId).map(c -> end(c, UNAVAILABLE, false, now)).orElse(List.of());
    }

    /** An agent accepted the chat's offer: they hold it now. */
    public List<ChatOutput> answered(String chatId, String agentId, Instant now) {
        Optional<Chat> c = find(chatId).filter(x -> x.state() == Chat.State.WAITING);
        if (c.isEmpty()) {
            return List.of();
        }
        c.get().hold(agentId, now);
        return List.of(new ChatOutput.Held(chatId, agentId, c.get().queue()),
                new ToVisitor(chatId, new Assigned(agentId)), new ToAgent(agentId, chatId, new Assigned(agentId)));
    }

    /** The visitor writes a line. Refused: {@code no-chat}, {@code empty}, {@code too-long}, {@code rate-limited}. */
    public List<ChatOutput> visitorSays(String chatId, String text, Instant now) {
        Optional<Chat> found = find(chatId);
        if (found.isEmpty()) {
            return refuse("no-chat", "the chat is over");
        }
        Chat c = found.get();
        List<ChatOutput> bad = checkText(text);
        if (!bad.isEmpty()) {
            return bad;
        }
        if (c.visitorLinesSince(now.minus(settings.rateWindow())) >= settings.messagesPerWindow()) {
            return refuse("rate-limited", "at most " + settings.messagesPerWindow() + " messages in "
                    + settings.rateWindow().toSeconds() + " s");
        }
        c.visitorSpoke(now);
        ChatMessage m = c.add(ChatMessage.Sender.VISITOR, "", text, now);
        List<ChatOutput> out = new ArrayList<>(List.of(new ChatOutput.Store(m), new ToVisitor(chatId, new Said(m))));
        if (c.state() == Chat.State.HELD) {
            out.add(new ToAgent(c.agentId(), chatId, new Said(m)));
        }
        return out;
    }

    /** The agent holding the chat writes a line. Refused: {@code not-yours}, {@code empty}, {@code too-long}. */
    public List<ChatOutput> agentSays(String chatId, String agentId, String text, Instant now) {
        Optional<Chat> c = held(chatId, agentId);
        if (c.isEmpty()) {
            return notYours();
        }
        List<ChatOutput> bad = checkText(text);
        if (!bad.isEmpty()) {
            return bad;
        }
        ChatMessage m = c.get().add(ChatMessage.Sender.AGENT, agentId, text, now);
        return List.of(new ChatOutput.Store(m), new ToVisitor(chatId, new Said(m)),
                new ToAgent(agentId, chatId, new Said(m)));
    }

    /** The visitor started or stopped typing: the agent holding the chat sees it. */
    public List<ChatOutput> visitorTyping(String chatId, boolean typing) {
        return find(chatId).filter(c -> c.state() == Chat.State.HELD)
                .<List<ChatOutput>>map(c -> List.of(new ToAgent(c.agentId(), chatId,
                        new ChatOutput.Typing(ChatMessage.Sender.VISITOR, typing))))
                .orElse(List.of());
    }

    /** The agent started or stopped typing: the visitor sees it. Refused {@code not-yours}. */
    public List<ChatOutput> agentTyping(String chatId, String agentId, boolean typing) {
        if (held(chatId, agentId).isEmpty()) {
            return notYours();
        }
        return List.of(new ToVisitor(chatId, new ChatOutput.Typing(ChatMessage.Sender.AGENT, typing)));
    }

    /** The visitor closed the chat. */
    public List<ChatOutput> visitorLeaves(String chatId, Instant now) {
        return find(chatId).map(c -> end(c, CUSTOMER_LEFT, true, now)).orElse(List.of());
    }

    /** The agent holding the chat closes it. Refused {@code not-yours}. */
    public List<ChatOutput> agentCloses(String chatId, String agentId, Instant now) {
        Optional<Chat> c = held(chatId, agentId);
        return c.isEmpty() ? notYours() : end(c.get(), CLOSED, true, now);
    }

    /**
     * The agent holding the chat sends it to a queue: the visitor is told and waits again, the agent's panel closes.
     * Refused {@code not-yours}, {@code bad-queue} (empty or the one it is in).
     */
    public List<ChatOutput> agentTransfers(String chatId, String agentId, String queue, Instant now) {
        Optional<Chat> found = held(chatId, agentId);
        if (found.isEmpty()) {
            return notYours();
        }
        String target = queue == null ? "" : queue.strip();
        if (target.isEmpty()) {
            return refuse("bad-queue", "queue is empty");
        }
        Chat c = found.get();
        c.waitIn(target);
        return List.of(new ChatOutput.Transfer(chatId, agentId, target, now),
                new ChatOutput.Held(chatId, "", target),
                new ToVisitor(chatId, new ChatOutput.Transferred(target)),
                new ToAgent(agentId, chatId, new Ended(TRANSFERRED)));
    }

    /**
     * The ACD let go of the chat on its own (nobody took it in time) or confirms an end. An end that speaks of an
     * agent who no longer holds the chat (the one who transferred it) changes nothing.
     */
    public List<ChatOutput> acdEnded(String chatId, Optional<String> agentId, String reason, Instant now) {
        Optional<Chat> found = find(chatId);
        if (found.isEmpty()) {
            return List.of();
        }
        Chat c = found.get();
        boolean current = c.state() == Chat.State.WAITING ? agentId.isEmpty()
                : agentId.map(c.agentId()::equals).orElse(false);
        return current ? end(c, reason.isEmpty() ? EXPIRED : reason, false, now) : List.of();
    }

    /**
     * Time passes: a visitor whose socket dropped and who did not come back within {@code reconnectGrace}, or who
     * says nothing for {@code visitorIdle} while an agent holds the chat, has left.
     */
    public List<ChatOutput> tick(Instant now) {
        List<ChatOutput> out = new ArrayList<>();
        for (Chat c : List.copyOf(chats.values())) {
            boolean gone = c.disconnectedAt() != null
                    && !now.isBefore(c.disconnectedAt().plus(settings.reconnectGrace()));
            boolean silent = c.state() == Chat.State.HELD
                    && !now.isBefore(c.quietSince().plus(settings.visitorIdle()));
            if (gone || silent) {
                out.addAll(end(c, CUSTOMER_LEFT, true, now));
            }
        }
        return out;
    }

    /** An open chat. */
    public Optional<Chat> find(String chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    /** Open chats held by an agent, oldest first. */
    public List<Chat> heldBy(String agentId) {
        return chats.values().stream().filter(c -> c.heldBy(agentId)).toList();
    }

    public int size() {
        return chats.size();
    }

    private Optional<Chat> held(String chatId, String agentId) {
        return find(chatId).filter(c -> c.heldBy(agentId == null ? "" : agentId));
    }

    private List<ChatOutput> end(Chat c, String reason, boolean tellAcd, Instant now) {
        String holder = c.agentId();
        c.end();
        chats.remove(c.id());
        byToken.remove(c.tokenHash());
        List<ChatOutput> out = new ArrayList<>();
        if (tellAcd) {
            out.add(new ChatOutput.End(c.id(), reason, now));
        }
        out.add(new ChatOutput.Closed(c.id(), reason, now));
        out.add(new ToVisitor(c.id(), new Ended(reason)));
        if (!holder.isEmpty()) {
            out.add(new ToAgent(holder, c.id(), new Ended(reason)));
        }
        return out;
    }

    private List<ChatOutput> checkText(String text) {
        if (text == null || text.isBlank()) {
            return refuse("empty", "the message is empty");
        }
        if (text.length() > settings.maxMessageChars()) {
            return refuse("too-long", "a message is limited to " + settings.maxMessageChars() + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            // the store cannot keep it: refused here, not failed (and tried again for good) in the transcript's write
            return refuse("bad-text", "a message may not contain the NUL character");
        }
        return List.of();
    }

    private static List<ChatOutput> notYours() {
        return refuse("not-yours", "only the agent holding the chat may do this");
    }

    private static List<ChatOutput> refuse(String code, String detail) {
        return List.of(new Refused(code, detail));
    }
}
