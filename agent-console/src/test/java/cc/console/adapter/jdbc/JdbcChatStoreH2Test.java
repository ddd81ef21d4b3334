package cc.console.adapter.jdbc;

import cc.console.app.ChatStore;
import cc.console.domain.chat.Chat;
import cc.console.domain.chat.ChatBook;
import cc.console.domain.chat.ChatMessage;
import cc.console.domain.chat.ChatOutput;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a node's chat desk needs to take a chat over from another node's (console V7) on the embedded H2 database: the
 * open chat found by its token's hash with the node whose desk has it, taken over once, whole (holder, lines, whether
 * it waits), and no more once it is over. The cluster's end-to-end test runs the same on PostgreSQL.
 */
class JdbcChatStoreH2Test {
    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
    @TempDir
    Path dataDir;
    private Vertx vertx;
    private Database db;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        db = Await.result(Database.embedded(vertx, dataDir));
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
    }

    @AfterEach
    void tearDown() {
        db.close();
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("a chat opened on n1 is found by its token's hash on n1's desk, taken over by n2 once, whole")
    void takeOver() {
        JdbcChatStore n1 = new JdbcChatStore(db, "n1");
        JdbcChatStore n2 = new JdbcChatStore(db, "n2");
        String hash = Chat.hashToken("secret-token");
        Await.result(n1.write(List.of(
                new ChatOutput.Opened("c1", "Sara", "refund", "fa", "", "support", T, hash, "10.0.0.1"),
                new ChatOutput.Store(new ChatMessage("c1", 1, ChatMessage.Sender.VISITOR, "", "salam", T)),
                new ChatOutput.Held("c1", "a7", "support"),
                new ChatOutput.Store(new ChatMessage("c1", 2, ChatMessage.Sender.AGENT, "a7", "hello", T)))));

        // a second desk numbering a line the same (the old desk was out of reach, not gone): the first line stays
        // and the batch does not fail (a failed batch is tried again before any later write)
        Await.result(n2.write(List.of(
                new ChatOutput.Store(new ChatMessage("c1", 2, ChatMessage.Sender.AGENT, "a7", "other", T)))));
        assertEquals(Optional.of(new ChatStore.Desk("c1", "n1")), Await.result(n2.openChat(hash)));
        assertEquals(List.of("c1"), Await.result(n2.heldBy("a7")).stream().map(ChatStore.Transcript::chatId).toList(),
                "what a7's page lists after a reload on another node");
        assertTrue(Await.result(n2.heldBy("a8")).isEmpty());
        assertEquals(Optional.empty(), Await.result(n2.openChat(Chat.hashToken("another token"))));
        assertEquals(Optional.empty(), Await.result(n2.openChat("")), "chats kept before V7 have no token");
        assertEquals(Optional.empty(), Await.result(n2.takeOver("c1", "n3")), "n3's desk does not have it");
        assertEquals(List.of(new ChatStore.Desk("c1", "n1")), Await.result(n2.openElsewhere()),
                "n2 sees the open chat n1's desk has (to take it over if n1 is gone)");
        assertEquals(List.of(), Await.result(n1.openElsewhere()), "n1's own chats are not elsewhere");

        ChatBook.Kept kept = Await.result(n2.takeOver("c1", "n1")).orElseThrow();
        assertEquals("a7", kept.holder());
        assertEquals(hash, kept.tokenHash());
        assertEquals("10.0.0.1", kept.address());
        assertEquals(List.of("salam", "hello"), kept.lines().stream().map(ChatMessage::text).toList());
        assertEquals(Optional.of(new ChatStore.Desk("c1", "n2")), Await.result(n1.openChat(hash)));
        assertEquals(Optional.empty(), Await.result(n1.takeOver("c1", "n1")),
                "a second taker from the old desk finds it gone: one desk has a chat");

        // sent to another queue by its agent: it waits again, and is taken over waiting
        Await.result(n2.write(List.of(new ChatOutput.Held("c1", "", "sales"))));
        assertTrue(Await.result(n1.heldBy("a7")).isEmpty(), "waiting in a queue, held by nobody");
        ChatBook.Kept waiting = Await.result(n1.takeOver("c1", "n2")).orElseThrow();
        assertEquals("", waiting.holder());
        assertEquals("sales", waiting.queue());

        Await.result(n1.write(List.of(new ChatOutput.Closed("c1", "closed", T.plusSeconds(60)))));
        assertEquals(Optional.empty(), Await.result(n2.openChat(hash)));
        assertEquals(List.of(), Await.result(n2.openElsewhere()), "an ended chat is nobody's");
        assertEquals(Optional.empty(), Await.result(n2.takeOver("c1", "n1")), "an ended chat is not taken over");
    }
}
