package cc.bench.backoffice;

import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.jdbc.JdbcApiKeyStore;
import cc.console.adapter.jdbc.JdbcBackOffice;
import cc.console.adapter.jdbc.JdbcConsole;
import cc.console.app.ApiKeySecrets;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleVerticle;
import cc.console.domain.backoffice.ApiKey;
import cc.console.domain.backoffice.ApiScope;
import cc.console.domain.dialing.DialRules;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.SchemaMigrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The back-office API's customer import and upsert over real HTTP: {@code --lines} customers streamed as one CSV
 * upload (generated as it is sent, so neither side holds the file), then the same file again (every line unchanged),
 * then {@code --upserts} single PUTs one after another (half new, half unchanged) timed one by one. Prints lines per
 * second, the heap in use after each import, and the PUTs' percentiles.
 *
 * <p>The database is embedded H2 in a temporary directory unless {@code --pg-url} names an empty PostgreSQL database.
 * Server and client share this JVM and machine.
 */
public final class CustomerImportBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int lines = Integer.parseInt(o.getOrDefault("lines", "50000"));
        int upserts = Integer.parseInt(o.getOrDefault("upserts", "2000"));
        String pgUrl = o.getOrDefault("pg-url", "");

        Vertx vertx = Vertx.vertx();
        Path dir = Files.createTempDirectory("cc-bench-backoffice-");
        DatabaseConfig config = pgUrl.isEmpty() ? DatabaseConfig.embedded(dir, 8)
                : new DatabaseConfig(pgUrl, "postgres", "", 8);
        Database db = await(Database.open(vertx, config));
        await(new SchemaMigrations().apply(db, JdbcConsole.migrationModules()));
        ConsoleVerticle console = JdbcConsole.verticle(db, new ConsoleConfig(false, ZoneId.of("Asia/Tehran"), "", "",
                Duration.ofHours(1), "", "", DialRules.iran()), Optional.empty());
        await(vertx.deployVerticle(console));
        ApiKeySecrets.Issued issued = ApiKeySecrets.issue();
        await(new JdbcApiKeyStore(db).create(new ApiKey(issued.id(), "benchmark", EnumSet.allOf(ApiScope.class),
                ApiKey.MAX_PER_MINUTE, "bench", Instant.now(), Optional.empty(), ""), ApiKeySecrets.hash(issued.key())));
        Router router = Router.router(vertx);
        new ConsoleWeb(vertx, console).withBackOffice(JdbcBackOffice.web(vertx, db, console)).mount(router);
        HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        String base = "http://127.0.0.1:" + server.actualPort() + "/backoffice/v1";
        HttpClient http = HttpClient.newHttpClient();
        System.out.printf("database %s; %d lines per import, %d single upserts%n", db.url(), lines, upserts);

        for (String pass : List.of("first import (all new)", "same file again (all unchanged)")) {
            Iterator<byte[]> csv = IntStream.rangeClosed(0, lines).mapToObj(i -> (i == 0
                    ? "externalId,name,phones,emails,language,segment\n"
                    : "B-" + i + ",Customer " + i + "," + phone(i) + ",c" + i + "@example.com,fa,retail\n")
                    .getBytes(StandardCharsets.UTF_8)).iterator();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/customers/import?source=bench"))
                    .header("Authorization", "Bearer " + issued.key()).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofByteArrays(() -> csv))).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            JsonObject report = new JsonObject(r.body());
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            System.out.printf("%s: HTTP %d in %.1f s, %.0f lines/s; created %d, updated %d, unchanged %d, rejected %d;"
                            + " heap in use after %d MiB%n", pass, r.statusCode(), seconds, lines / seconds,
                    report.getInteger("created"), report.getInteger("updated"), report.getInteger("unchanged"),
                    report.getInteger("rejected"), heap);
        }

        long[] nanos = new long[upserts];
        for (int i = 0; i < upserts; i++) {
            int n = i % 2 == 0 ? lines + i + 1 : i + 1; // even: a new customer; odd: one the import made, unchanged
            JsonObject body = new JsonObject().put("name", "Customer " + n).put("phones", List.of(phone(n)))
                    .put("emails", List.of("c" + n + "@example.com")).put("language", "fa").put("segment", "retail");
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/customers/external/bench/B-"
                            + n)).header("Authorization", "Bearer " + issued.key())
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.encode()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                throw new IllegalStateException("upsert " + n + ": " + r.statusCode() + " " + r.body());
            }
        }
        Arrays.sort(nanos);
        System.out.printf("single upserts (PUT, half new, half unchanged), one at a time: p50 %.1f ms, p90 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms%n", ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
        await(server.close());
        await(vertx.close());
        db.close();
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String phone(int n) {
        return String.format("0912%07d", n);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options are --name=value (lines, upserts, pg-url); got " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }
}
