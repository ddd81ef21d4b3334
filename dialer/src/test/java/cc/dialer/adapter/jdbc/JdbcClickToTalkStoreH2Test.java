package cc.dialer.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import cc.dialer.domain.clicktotalk.CallMeRequest;
import cc.dialer.domain.clicktotalk.CallMeState;
import cc.dialer.domain.clicktotalk.ClickToTalkBook;
import cc.dialer.domain.clicktotalk.ClickToTalkRules;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Click-to-talk requests survive a restart: written, updated, read back on the embedded H2 default (dialer V6). */
class JdbcClickToTalkStoreH2Test {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dataDir;

    private Vertx vertx;
    private MigratedDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Test
    @DisplayName("requests are written and updated as they move on; after a restart the book gets the open ones back"
            + " and the recently finished ones, with every field")
    void survivesRestart() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core", JdbcDialAudit.MIGRATION_MODULE);
        JdbcClickToTalkStore store = new JdbcClickToTalkStore(db.database());
        ClickToTalkBook book = new ClickToTalkBook(ClickToTalkRules.defaults());
        CallMeRequest later = CallMeRequest.scheduled("later", "+989120000001", "en", "sales", "نرخ سود",
                Optional.of(42L), T0.plus(Duration.ofHours(1)), T0, T0);
        CallMeRequest now = CallMeRequest.scheduled("now", "+989120000002", "fa", "sales", "", Optional.empty(), T0,
                T0.minusSeconds(5), T0);
        CallMeRequest old = CallMeRequest.refused("old", "+989090000003", "fa", "sales", "", Optional.empty(),
                T0.minus(Duration.ofDays(5)), T0.minus(Duration.ofDays(5)), "PREMIUM_REFUSED: premium",
                T0.minus(Duration.ofDays(5)));
        for (CallMeRequest r : List.of(later, now, old)) {
            book.add(r);
            result(store.save(r));
        }
        CallMeRequest dialled = book.tick(T0, 5).dial().get(0);
        result(store.save(dialled));
        CallMeRequest answered = book.answered("now", "1700000000.7", T0.plusSeconds(3)).orElseThrow();
        result(store.save(answered));

        List<CallMeRequest> back = result(store.load(T0.minus(Duration.ofDays(2))));
        assertEquals(List.of("now", "later"), back.stream().map(CallMeRequest::id).toList(),
                "oldest request first; the refusal of five days ago is not loaded");
        assertEquals(answered, back.get(0));
        assertEquals(later, back.get(1));
        ClickToTalkBook restarted = new ClickToTalkBook(ClickToTalkRules.defaults());
        List<CallMeRequest> changed = restarted.restore(back, T0.plusSeconds(10));
        assertEquals(CallMeState.NOT_REACHED, changed.get(0).state(), "a call cut off while confirming");
    }
}
