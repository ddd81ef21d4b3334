package cc.console.domain.chat;

import cc.console.domain.chat.ChatOutput.Refused;
import cc.console.domain.chat.ChatOutput.Said;
import cc.console.domain.chat.ChatOutput.ToAgent;
import cc.console.domain.chat.ChatOutput.ToVisitor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatBookTest {
    private static final ChatSettings SETTINGS = new ChatSettings("support", Set.of("sales"), 20, 3,
            Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60), 2, 10, 30);
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final ChatBook book = new ChatBook(SETTINGS);

    private List<ChatOutput> join(String id, String address) {
        return book.join(new ChatBook.Join(address, "Sara", "refund", "fa", "", ""), id, "tok-" + id, now);
    }

    private void later(long seconds) {
        now = now.plusSeconds(seconds);
    }

    private static <T> List<T> of(List<ChatOutput> out, Class<T> type) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String refusal(List<ChatOutput> out) {
        assertEquals(1, out.size(), out::toString);
        return ((Refused) out.get(0)).code();
    }

    private List<String> texts(String chatId) {
        return book.find(chatId).orElseThrow().lines().stream().map(ChatMessage::text).toList();
    }

    @Test
    @DisplayName("a visitor who joins is kept, sent to the chat queue with topic and name, and told where they wait")
    void join() {
        List<ChatOutput> out = join("c1", "10.0.0.1");
        ChatOutput.Enqueue e = of(out, ChatOutput.Enqueue.class).get(0);
        assertEquals("support", e.queue());
        assertEquals("refund", e.data().get("topic"));
        assertEquals("Sara", e.data().get("address"));
        assertEquals(1, of(out, ChatOutput.Opened.class).size());
        assertEquals(List.of(new ToVisitor("c1", new ChatOutput.Waiting("support", 3, 90))),
                book.queued("c1", "support", 3, 90));
    }

    @Test
    @DisplayName("joining is refused for an empty name, a bad language, an unknown queue, or too many chats from one address")
    void joinRefused() {
        assertEquals("bad-name", refusal(book.join(new ChatBook.Join("a", " ", "", "fa", "", ""), "x", "t", now)));
        assertEquals("bad-language", refusal(book.join(new ChatBook.Join("a", "S", "", "de", "", ""), "x", "t", now)));
        assertEquals("bad-queue", refusal(book.join(new ChatBook.Join("a", "S", "", "en", "", "vip"), "x", "t", now)));
        join("c1", "10.0.0.1");
        join("c2", "10.0.0.1");
        assertEquals("bad-text", refusal(book.join(new ChatBook.Join("a", "S\0", "", "en", "", ""), "x", "t", now)),
                "a NUL the transcript's store cannot keep");
        assertEquals("too-many-chats", refusal(join("c3", "10.0.0.1")));
        assertEquals(3, join("c4", "10.0.0.2").size());
    }

    @Test
    @DisplayName("messages both ways carry one sequence in order; the agent sees the visitor's once they hold the chat")
    void messagesInOrder() {
        join("c1", "a");
        assertTrue(of(book.visitorSays("c1", "hello?", now), ToAgent.class).isEmpty());
        book.answered("c1", "a7", now);
        later(1);
        List<ChatOutput> v = book.visitorSays("c1", "my order", now);
        List<ChatOutput> a = book.agentSays("c1", "a7", "let me look", now);
        assertEquals(2, ((Said) of(v, ToAgent.class).get(0).notice()).message().seq());
        ChatMessage toVisitor = ((Said) of(a, ToVisitor.class).get(0).notice()).message();
        assertEquals(3, toVisitor.seq());
        assertEquals(ChatMessage.Sender.AGENT, toVisitor.from());
        assertEquals(List.of("hello?", "my order", "let me look"), texts("c1"));
        assertEquals(1, of(a, ChatOutput.Store.class).size());
    }

    @Test
    @DisplayName("only the agent holding the chat may write, type, close or transfer it")
    void onlyHolder() {
        join("c1", "a");
        assertEquals("not-yours", refusal(book.agentSays("c1", "a7", "hi", now)));
        book.answered("c1", "a7", now);
        assertEquals("not-yours", refusal(book.agentSays("c1", "a8", "hi", now)));
        assertEquals("bad-text", refusal(book.agentSays("c1", "a7", "h\0i", now)));
        assertEquals("bad-text", refusal(book.visitorSays("c1", "\0", now)));
        assertEquals("not-yours", refusal(book.agentTyping("c1", "a8", true)));
        assertEquals("not-yours", refusal(book.agentCloses("c1", "a8", now)));
        assertEquals("not-yours", refusal(book.agentTransfers("c1", "a8", "sales", now)));
        assertEquals(List.of(new ToVisitor("c1", new ChatOutput.Typing(ChatMessage.Sender.AGENT, true))),
                book.agentTyping("c1", "a7", true));
        assertEquals(List.of(new ToAgent("a7", "c1", new ChatOutput.Typing(ChatMessage.Sender.VISITOR, true))),
                book.visitorTyping("c1", true));
    }

    @Test
    @DisplayName("a message over the size limit or past the visitor's rate is refused and not kept")
    void limits() {
        join("c1", "a");
        assertEquals("too-long", refusal(book.visitorSays("c1", "x".repeat(21), now)));
        assertEquals("empty", refusal(book.visitorSays("c1", "  ", now)));
        book.visitorSays("c1", "1", now);
        book.visitorSays("c1", "2", now);
        book.visitorSays("c1", "3", now);
        assertEquals("rate-limited", refusal(book.visitorSays("c1", "4", now)));
        later(11);
        assertEquals(1, of(book.visitorSays("c1", "5", now), ChatOutput.Store.class).size());
        assertEquals(List.of("1", "2", "3", "5"), texts("c1"));
    }

    @Test
    @DisplayName("the visitor leaving ends the chat: the ACD and the agent are told")
    void visitorLeaves() {
        join("c1", "a");
        book.answered("c1", "a7", now);
        List<ChatOutput> out = book.visitorLeaves("c1", now);
        assertTrue(out.contains(new ChatOutput.End("c1", "customer-left", now)));
        assertTrue(out.contains(new ToAgent("a7", "c1", new ChatOutput.Ended("customer-left"))));
        assertTrue(out.contains(new ChatOutput.Closed("c1", "customer-left", now)));
        assertTrue(book.find("c1").isEmpty());
        assertEquals("no-chat", refusal(book.visitorSays("c1", "still there?", now)));
    }

    @Test
    @DisplayName("a transfer tells the visitor, frees the agent's panel, and the next agent gets the chat")
    void transfer() {
        join("c1", "a");
        book.answered("c1", "a7", now);
        List<ChatOutput> out = book.agentTransfers("c1", "a7", "sales", now);
        assertTrue(out.contains(new ChatOutput.Transfer("c1", "a7", "sales", now)));
        assertTrue(out.contains(new ToVisitor("c1", new ChatOutput.Transferred("sales"))));
        assertTrue(out.contains(new ToAgent("a7", "c1", new ChatOutput.Ended(ChatBook.TRANSFERRED))));
        assertEquals(Chat.State.WAITING, book.find("c1").orElseThrow().state());
        // the ACD freeing the first agent's room does not end the chat
        assertTrue(book.acdEnded("c1", Optional.of("a7"), "transferred", now).isEmpty());
        assertEquals("not-yours", refusal(book.agentSays("c1", "a7", "hi", now)));
        book.answered("c1", "a9", now);
        assertEquals(List.of("a9"), of(book.visitorSays("c1", "hi", now), ToAgent.class).stream()
                .map(ToAgent::agentId).toList());
    }

    @Test
    @DisplayName("a dropped socket keeps the chat for the grace period; coming back with the token resumes it")
    void reconnect() {
        join("c1", "a");
        book.disconnected("c1", now);
        later(59);
        assertTrue(book.tick(now).isEmpty());
        assertEquals(Optional.of("c1"), book.resume("tok-c1").map(Chat::id));
        later(120);
        assertTrue(book.tick(now).isEmpty());
        book.disconnected("c1", now);
        later(60);
        assertTrue(book.tick(now).contains(new ChatOutput.End("c1", "customer-left", now)));
        assertTrue(book.resume("tok-c1").isEmpty());
    }

    @Test
    @DisplayName("a visitor silent past visitorIdle while an agent holds the chat has left; waiting in line is not silence")
    void idle() {
        join("c1", "a");
        later(600);
        assertTrue(book.tick(now).isEmpty());
        book.answered("c1", "a7", now);
        later(299);
        assertTrue(book.tick(now).isEmpty());
        book.visitorSays("c1", "still here", now);
        later(299);
        assertTrue(book.tick(now).isEmpty());
        later(1);
        assertTrue(book.tick(now).contains(new ToAgent("a7", "c1", new ChatOutput.Ended("customer-left"))));
    }

    @Test
    @DisplayName("the ACD ending a waiting chat (nobody took it) tells the visitor but sends no end back")
    void expired() {
        join("c1", "a");
        List<ChatOutput> out = book.acdEnded("c1", Optional.empty(), "expired", now);
        assertTrue(out.contains(new ToVisitor("c1", new ChatOutput.Ended("expired"))));
        assertTrue(of(out, ChatOutput.End.class).isEmpty());
    }

    @Test
    @DisplayName("a chat let go to another desk leaves the book without an end; the taker carries it on as it was")
    void releaseAndAdopt() {
        join("c1", "10.0.0.1");
        book.answered("c1", "a7", now);
        book.visitorSays("c1", "my order", now);
        book.agentSays("c1", "a7", "looking", now);
        ChatOutput.Opened opened = of(join("c2", "10.0.0.1"), ChatOutput.Opened.class).get(0);
        assertEquals(Chat.hashToken("tok-c2"), opened.tokenHash(), "the store keeps the token's hash, not the token");
        assertTrue(!opened.tokenHash().contains("tok-c2"));

        assertTrue(book.release("c1"));
        assertTrue(book.find("c1").isEmpty());
        assertTrue(book.resume("tok-c1").isEmpty());
        assertTrue(book.tick(now.plusSeconds(3_600)).stream().noneMatch(o -> o instanceof ChatOutput.End e
                && e.chatId().equals("c1")), "released is not ended: the ACD keeps the chat with its agent");

        ChatBook taker = new ChatBook(SETTINGS);
        List<ChatMessage> stored = List.of(new ChatMessage("c1", 1, ChatMessage.Sender.VISITOR, "", "my order", now),
                new ChatMessage("c1", 2, ChatMessage.Sender.AGENT, "a7", "looking", now));
        ChatBook.Kept kept = new ChatBook.Kept("c1", Chat.hashToken("tok-c1"), "10.0.0.1", "Sara", "refund", "fa", "",
                "support", "a7", now, stored);
        // the visitor's page saw line 3, which the old desk had not stored yet: the next line is 4, not 3 again
        assertEquals(List.of(new ToAgent("a7", "c1", new ChatOutput.Assigned("a7"))),
                taker.adopt(kept, 3, true, now), "the holder's panel learns where the chat's desk is now");
        assertEquals(Optional.of("c1"), taker.resume("tok-c1").map(Chat::id));
        ChatMessage next = of(taker.agentSays("c1", "a7", "found it", now), ChatOutput.Store.class).get(0).message();
        assertEquals(4, next.seq());
        assertEquals("not-yours", refusal(taker.agentSays("c1", "a8", "hi", now)));
        assertTrue(taker.adopt(kept, 0, true, now).isEmpty(), "taken over twice is once");

        ChatBook waiting = new ChatBook(SETTINGS);
        ChatBook.Kept queued = new ChatBook.Kept("c3", Chat.hashToken("tok-c3"), "10.0.0.3", "Ali", "", "en", "",
                "support", "", now, List.of());
        assertTrue(waiting.adopt(queued, 0, false, now).isEmpty());
        assertEquals(Chat.State.WAITING, waiting.find("c3").orElseThrow().state());
        later(60);
        assertTrue(waiting.tick(now).contains(new ChatOutput.End("c3", "customer-left", now)),
                "taken over with its visitor away: the reconnect grace runs from the takeover");
    }
}
