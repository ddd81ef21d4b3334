package cc.console.app;

import cc.console.domain.chat.ChatOutput;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes what a chat desk's book decided to keep ({@link ChatOutput.Opened}, {@code Held}, {@code Store},
 * {@code Closed}), behind delivery and in order: one batch (one transaction) at a time, everything gathered meanwhile
 * in the next, so a busy desk makes few large commits instead of one per line. A failed batch is tried again, ahead of
 * later writes, until the database is back.
 *
 * <p>Not thread-safe: used on the desk's context only.
 */
final class ChatWriter {
    private static final Logger log = LoggerFactory.getLogger(ChatWriter.class);
    private static final long RETRY_MS = 1_000;

    private final ChatStore store;
    private final Vertx vertx;
    private final List<ChatOutput> pending = new ArrayList<>();
    /** Completed once everything gathered so far is stored ({@link #stored}). */
    private final List<Promise<Void>> waiters = new ArrayList<>();
    private boolean writing;

    ChatWriter(ChatStore store, Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
    }

    /** Whether the book's output is one to keep. */
    static boolean keeps(ChatOutput o) {
        return o instanceof ChatOutput.Opened || o instanceof ChatOutput.Held || o instanceof ChatOutput.Store
                || o instanceof ChatOutput.Closed;
    }

    /** Keeps these (in order, after what was kept before) and starts a write unless one is under way. */
    void keep(List<ChatOutput> outputs) {
        outputs.stream().filter(ChatWriter::keeps).forEach(pending::add);
        write();
    }

    /** Completes once everything kept so far is stored (a desk letting a chat go to another node's). */
    Future<Void> stored() {
        Promise<Void> p = Promise.promise();
        waiters.add(p);
        write();
        return p.future();
    }

    private void write() {
        if (writing) {
            return;
        }
        if (pending.isEmpty()) {
            List<Promise<Void>> done = List.copyOf(waiters);
            waiters.clear();
            done.forEach(Promise::complete);
            return;
        }
        List<ChatOutput> batch = List.copyOf(pending);
        pending.clear();
        writing = true;
        store.write(batch).onComplete(r -> {
            writing = false;
            if (r.failed()) {
                log.warn("{} chat writes not stored, trying again in {} ms: {}", batch.size(), RETRY_MS,
                        r.cause().getMessage());
                pending.addAll(0, batch);
                writing = true;
                vertx.setTimer(RETRY_MS, t -> {
                    writing = false;
                    write();
                });
                return;
            }
            write();
        });
    }
}
