package cc.core.adapter.http;

import cc.core.app.health.HealthCheck;
import cc.core.app.health.HealthCheck.HealthStatus;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves {@code GET /health} (200 when every check is up, 503 otherwise, JSON with each check's detail) and
 * {@code GET /metrics} (Prometheus text format). Other modules add their routes through {@code routes}.
 *
 * <p>Threading: request handling runs on this verticle's event loop; checks are asynchronous and time-limited.
 */
public final class OpsHttpServer extends VerticleBase {
    private static final long CHECK_TIMEOUT_MS = 2_000;

    private final String host;
    private final int port;
    private final List<HealthCheck> checks;
    private final Supplier<String> prometheusScrape;
    private final List<Consumer<Router>> routes;
    private HttpServer server;
    private Router router;
    private java.nio.file.Path certificate;
    private java.nio.file.Path key;

    public OpsHttpServer(String host, int port, List<HealthCheck> checks, Supplier<String> prometheusScrape,
                         List<Consumer<Router>> routes) {
        this.host = host;
        this.port = port;
        this.checks = List.copyOf(checks);
        this.prometheusScrape = prometheusScrape;
        this.routes = List.copyOf(routes);
    }

    /** Serves HTTPS with these PEM files (certificate chain, private key) instead of plain HTTP. Before deploying. */
    public OpsHttpServer withTls(java.nio.file.Path certificate, java.nio.file.Path key) {
        this.certificate = certificate;
        this.key = key;
        return this;
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        routes.forEach(r -> r.accept(router));
        io.vertx.core.http.HttpServerOptions options = new io.vertx.core.http.HttpServerOptions();
        if (certificate != null) {
            options.setSsl(true).setKeyCertOptions(new io.vertx.core.net.PemKeyCertOptions()
                    .setCertPath(certificate.toString()).setKeyPath(key.toString()));
        }
        return vertx.createHttpServer(options).requestHandler(router).listen(port, host).onSuccess(s -> server = s);
    }

    /** The port actually bound (useful when configured as 0). */
    public int actualPort() {
        return server.actualPort();
    }

    /**
     * Every route mounted, in order, as {@code "METHODS path"} ({@code GET}, {@code DELETE,GET}, or {@code *} for a
     * route that takes every method; a regular-expression route shows its pattern): what the security review's access
     * table is checked against, so an endpoint nobody wrote a rule for fails the build.
     */
    public java.util.List<String> routes() {
        java.util.List<String> out = new ArrayList<>();
        for (io.vertx.ext.web.Route r : router.getRoutes()) {
            java.util.Set<io.vertx.core.http.HttpMethod> methods = r.methods();
            String m = methods == null || methods.isEmpty() ? "*" : String.join(",", methods.stream()
                    .map(io.vertx.core.http.HttpMethod::name).sorted().toList());
            out.add(m + " " + (r.getPath() != null ? r.getPath() : "regex:" + r.getName()));
        }
        return out;
    }

    private void health(RoutingContext rc) {
        List<Future<HealthStatus>> results = new ArrayList<>();
        for (HealthCheck c : checks) {
            results.add(c.check()
                    .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .recover(e -> Future.succeededFuture(HealthStatus.down(String.valueOf(e.getMessage())))));
        }
        Future.join(results).onComplete(ignored -> {
            JsonObject body = new JsonObject();
            JsonObject details = new JsonObject();
            boolean allUp = true;
            for (int i = 0; i < checks.size(); i++) {
                HealthStatus s = results.get(i).result();
                allUp &= s.up();
                details.put(checks.get(i).name(),
                        new JsonObject().put("status", s.up() ? "UP" : "DOWN").put("detail", s.detail()));
            }
            body.put("status", allUp ? "UP" : "DOWN").put("checks", details);
            rc.response().setStatusCode(allUp ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .end(body.encodePrettily());
        });
    }

    private void metrics(RoutingContext rc) {
        rc.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                .end(prometheusScrape.get());
    }
}
