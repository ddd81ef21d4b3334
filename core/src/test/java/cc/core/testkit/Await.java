package cc.core.testkit;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Blocks a test thread on a Vert.x future, with a bound so a hung store fails the test instead of hanging it. */
public final class Await {

    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Await() {
    }

    /** The future's value; an {@link AssertionError} carrying the cause when it fails or does not complete in time. */
    public static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete within " + TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The future's failure; an {@link AssertionError} when it succeeds or does not complete in time. */
    public static Throwable failure(Future<?> future) {
        return failure(future, TIMEOUT);
    }

    public static Throwable failure(Future<?> future, Duration bound) {
        try {
            Object value = future.toCompletionStage().toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("future did not complete within " + bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Asks {@code attempt} again (every 20 ms) until it yields true, for at most {@code bound}; fails the test
     * otherwise. For conditions that real time makes true, such as a lease expiring in Redis.
     */
    public static void until(Supplier<Future<Boolean>> attempt, Duration bound, String what) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(result(attempt.get()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + bound);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
