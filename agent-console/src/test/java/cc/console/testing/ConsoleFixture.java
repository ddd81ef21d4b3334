package cc.console.testing;

import cc.console.adapter.lucene.LuceneAnswerIndex;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.http.RecordingWeb;
import cc.console.adapter.http.ReportWeb;
import cc.core.adapter.jdbc.JdbcReportKindSource;
import cc.console.adapter.http.PipelineWeb;
import cc.core.adapter.jdbc.JdbcPipelineSource;
import cc.core.app.sales.PipelineReports;
import cc.core.domain.sales.SalesSettings;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.app.report.ReportKinds;
import cc.core.app.report.Reports;
import cc.core.domain.report.ReportSettings;
import cc.console.adapter.jdbc.JdbcDirectoryStore;
import cc.console.adapter.jdbc.JdbcKnowledgeStore;
import cc.console.adapter.jdbc.JdbcOpportunityStore;
import cc.console.adapter.jdbc.JdbcQualityStore;
import cc.console.adapter.jdbc.JdbcUserStore;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleVerticle;
import cc.console.app.PasswordHasher;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.UserAccount;
import cc.console.domain.dialing.DialRules;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.file.RecordingDirectory;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.JdbcRecordingStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.app.telephony.Telephony;
import cc.core.contract.LocalRecordCodec;
import cc.core.testkit.Await;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console as the server runs it: real PostgreSQL ({@code cc_it_<random>}, dropped on close), the core and
 * console schema, the JDBC stores, the console verticle and its routes on a real HTTP port.
 */
public final class ConsoleFixture implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    /** Reports count in Tehran, short abandons under 5 s, repeats within 7 days; queue sales answers within 20 s. */
    public static final ReportSettings REPORTS = new ReportSettings(ZoneId.of("Asia/Tehran"), Duration.ofSeconds(5),
            7, Map.of("sales", Duration.ofSeconds(20)), Duration.ofSeconds(30));
    public static final int REPORT_MAX_DAYS = 31;
    /** The skills each queue requires, for the skill report: sales needs Persian and sales, support Persian. */
    public static final Map<String, java.util.Set<String>> SKILLS = Map.of("sales", java.util.Set.of("fa", "sales"),
            "support", java.util.Set.of("fa"));

    public final Vertx vertx;
    public final PostgresTestDatabase pg;
    public final Database db;
    public final ConsoleVerticle console;
    public final JdbcInteractionStore interactions;
    public final JdbcCustomerStore customers;
    /** The recordings library's rows; the console serves files from {@link #recordingsDir}. */
    public final JdbcRecordingStore recordings;
    /** A fresh directory standing for {@code recording.readDirectory}. */
    public final Path recordingsDir;
    private final HttpServer server;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    public ConsoleFixture() {
        this(Optional.empty());
    }

    public ConsoleFixture(Optional<Telephony> telephony) {
        this(telephony, false);
    }

    /** @param agentsHearOwnCalls {@code recording.agentsHearOwnCalls} */
    public ConsoleFixture(Optional<Telephony> telephony, boolean agentsHearOwnCalls) {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        pg = PostgresTestDatabase.create(8);
        db = Await.result(Database.open(vertx, pg.config()));
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
        interactions = new JdbcInteractionStore(db);
        customers = new JdbcCustomerStore(db);
        recordings = new JdbcRecordingStore(db);
        try {
            recordingsDir = Files.createTempDirectory("cc-recordings-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConsoleConfig config = new ConsoleConfig(false, ZoneId.of("Asia/Tehran"), "root", PASSWORD,
                Duration.ofHours(1), "pbx1", "outbound", DialRules.iran());
        console = new ConsoleVerticle(config, InstantSource.system(), new JdbcUserStore(db), new JdbcDirectoryStore(db),
                new JdbcKnowledgeStore(db), new JdbcOpportunityStore(db), interactions, customers, telephony,
                new PasswordHasher(), new JdbcQualityStore(db), LuceneAnswerIndex::build);
        Await.result(vertx.deployVerticle(console));
        Router router = Router.router(vertx);
        new ConsoleWeb(vertx, console, Optional.of(new RecordingWeb(vertx, console, recordings,
                new RecordingDirectory(vertx, recordingsDir), agentsHearOwnCalls)))
                .withReports(new ReportWeb(new Reports(new JdbcReportSource(db), REPORTS, InstantSource.system()),
                        REPORT_MAX_DAYS).withKinds(new ReportKinds(new Reports(new JdbcReportSource(db), REPORTS,
                        InstantSource.system()), new JdbcReportKindSource(db), SKILLS))
                        .withPipeline(new PipelineWeb(new PipelineReports(new JdbcPipelineSource(db),
                        SalesSettings.defaults(), InstantSource.system()), REPORTS.zone(), REPORT_MAX_DAYS)))
                .mount(router);
        server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    public int port() {
        return server.actualPort();
    }

    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /** Creates a user with {@link #PASSWORD} (hashed once per fixture and reused, hashing is slow by design). */
    public void user(String username, Role role, String agentId, String language) {
        String hash = hashes.computeIfAbsent("pw", k -> new PasswordHasher().hash(PASSWORD.toCharArray()));
        Await.result(console.users().save(new UserAccount(new Principal(username, username, role, agentId, language,
                "PJSIP/" + username), hash, true)));
    }

    /** Signs in over HTTP as the user. */
    public ConsoleClient signIn(String username) {
        ConsoleClient c = new ConsoleClient(base());
        c.signIn(username, PASSWORD);
        return c;
    }

    @Override
    public void close() {
        try {
            Await.result(server.close());
            Await.result(vertx.close());
            db.close();
        } finally {
            pg.close();
            deleteQuietly(recordingsDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
