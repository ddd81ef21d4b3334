package cc.dialer.app;

import cc.core.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WriteBehindTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    @DisplayName("writes failing while the database is away are retried, each key's in the order asked, none lost")
    void retriedInOrder() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        List<String> stored = new CopyOnWriteArrayList<>();
        WriteBehind w = new WriteBehind(vertx);
        List<Future<Void>> done = new CopyOnWriteArrayList<>();
        for (String s : List.of("attempt-1 DIALLED", "attempt-1 CONNECTED", "attempt-1 ENDED")) {
            done.add(w.write("attempt-1", s, () -> down.get() ? Future.failedFuture("connection refused")
                    : Future.succeededFuture(stored.add(s))));
        }
        done.add(w.write("attempt-2", "attempt-2 DIALLED", () -> down.get()
                ? Future.failedFuture("connection refused") : Future.succeededFuture(stored.add("attempt-2 DIALLED"))));
        Thread.sleep(1_500);
        assertEquals(List.of(), stored);
        assertEquals(4, Await.result(w.backlog()));
        down.set(false);
        Await.result(Future.all(done));
        assertEquals(List.of("attempt-1 DIALLED", "attempt-1 CONNECTED", "attempt-1 ENDED"),
                stored.stream().filter(s -> s.startsWith("attempt-1")).toList());
        assertEquals(4, stored.size());
        assertEquals(0, Await.result(w.backlog()));
    }
}
