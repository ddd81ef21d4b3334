package cc.email.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import cc.email.app.MailStore;
import cc.email.domain.InboundMail;
import cc.email.domain.MailAttachment;
import cc.email.domain.Robot;
import cc.email.domain.ThreadState;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The email schema and store on the embedded H2 the no-argument demo runs on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcMailStoreH2Test {
    @TempDir
    static Path dataDir;
    private Vertx vertx;
    private MigratedDatabase db;

    @BeforeAll
    void open() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core", "email");
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Test
    @DisplayName("a thread gets a case number, its message and attachment are stored, and a reply finds it by Message-ID")
    void stores() {
        JdbcMailStore store = new JdbcMailStore(db.database());
        InboundMail m = new InboundMail("first@x", List.of(), List.of(), "ana@x.test", "Ana", List.of("s@cc"), "Hi",
                Instant.parse("2026-01-01T10:00:00Z"), Map.of(), "text/plain", "Hello", false,
                List.of(new MailAttachment("a.txt", "text/plain", new byte[] {65})));
        ThreadState t = result(store.create(new MailStore.NewThread("Hi", "ana@x.test", "Ana", Optional.empty(), "en",
                "support", "email-1", true, Instant.parse("2026-01-01T10:00:00Z")), m, Robot.NONE, ""));
        assertTrue(t.caseNumber() >= 1000);
        assertTrue(result(store.hasMessage("first@x")));
        assertEquals(Optional.of(t.threadId()), result(store.threadOf(List.of("nope@x", "first@x"), Optional.empty()))
                .map(ThreadState::threadId));
        assertEquals(Optional.of(t.threadId()), result(store.threadOf(List.of(), Optional.of(t.caseNumber())))
                .map(ThreadState::threadId));
        long attachment = result(store.view("email-1")).orElseThrow().getJsonArray("messages").getJsonObject(0)
                .getJsonArray("attachments").getJsonObject(0).getLong("id");
        assertEquals(1, result(store.attachment("email-1", attachment)).orElseThrow().bytes().length);
        assertEquals(Optional.empty(), result(store.attachment("email-other", attachment)));
    }
}
