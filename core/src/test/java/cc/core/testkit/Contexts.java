package cc.core.testkit;

import io.vertx.core.Context;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicReference;

/** Contexts the way verticles get them, for tests that call a store from several verticles. */
public final class Contexts {

    private Contexts() {
    }

    /**
     * The context of a newly deployed, empty verticle: a different one on each call (unlike
     * {@code vertx.getOrCreateContext()} from a test thread, which keeps returning the same one).
     */
    public static Context newVerticleContext(Vertx vertx) {
        AtomicReference<Context> context = new AtomicReference<>();
        Await.result(vertx.deployVerticle((Deployable) ctx -> {
            context.set(ctx);
            return Future.succeededFuture();
        }));
        return context.get();
    }
}
