package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database of the time before one opportunity record (core up to V7, console up to V2) with the console's
 * opportunities and the scoring history's, brought up to date: core V10 and console V3 move both into
 * {@code sales_opportunities}, the console's with their ids, and new opportunities get ids past all of them. On
 * PostgreSQL ({@link SalesOpportunityMigrationIT}) and H2 ({@link SalesOpportunityMigrationH2Test}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SalesOpportunityMigrationContract {
    private Vertx vertx;
    private Database db;

    @TempDir
    Path scriptsDir;

    protected abstract Database open(Vertx vertx);

    protected void dispose() {}

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
        dispose();
    }

    @Test
    @DisplayName("the console's opportunities keep their ids and the history's closed ones keep their value; both old"
            + " tables are gone and the next opportunity gets an id past every one moved")
    void bothRecordsBecomeOne() throws Exception {
        Await.result(new SchemaMigrations(before()).apply(db, List.of("core", "console")));
        update("insert into customers (id, name) values (41, 'Sara'), (42, 'Reza')");
        update("insert into customer_opportunities (customer_id, closed_at, amount, won) values"
                + " (41, timestamp with time zone '2026-05-01 10:00:00+00', 2500.50, true),"
                + " (41, timestamp with time zone '2026-06-01 10:00:00+00', 900, false),"
                + " (42, timestamp with time zone '2026-07-01 10:00:00+00', 100, true)");
        update("insert into opportunities (id, customer_id, interaction_id, title, amount, currency, probability,"
                + " owner, status) values (5, 42, 'call-1', 'Gold card', 25000000, 'IRR', 40, 'ali', 'open'),"
                + " (9, 41, '', 'Cloud plan', 120.50, 'USD', 100, 'mina', 'won')");

        List<SchemaMigrations.Script> applied = Await.result(new SchemaMigrations().apply(db, List.of("core",
                "console")));

        assertTrue(applied.stream().anyMatch(s -> s.path().endsWith("core/V10__sales_opportunities.sql")), "" + applied);
        assertTrue(applied.stream().anyMatch(s -> s.path().endsWith(
                "console/V3__opportunities_to_sales_opportunities.sql")), "" + applied);
        assertEquals(List.of("5 42 call-1 Gold card 25000000 IRR 40 ali open qualify -",
                        "9 41  Cloud plan 120.5 USD 100 mina won won closed"),
                rows("select id, customer_id, interaction_id, title, amount, currency, probability, owner, status,"
                        + " stage, closed_at from sales_opportunities where owner <> 'history' order by id"));
        assertEquals(List.of("41 2500.5 IRR won 100 2026-05-01", "41 900 IRR lost 0 2026-06-01",
                        "42 100 IRR won 100 2026-07-01"),
                rows("select customer_id, amount, currency, status, probability, closed_at from sales_opportunities"
                        + " where owner = 'history' order by closed_at"));
        assertEquals(0, tables("customer_opportunities") + tables("opportunities"), "the old tables are dropped");

        long maxMoved = single("select max(id) from sales_opportunities");
        update("insert into sales_opportunities (customer_id, title, amount, currency, probability, owner, stage)"
                + " values (42, 'New', 1, 'EUR', 10, 'ali', 'qualify')");
        long fresh = single("select id from sales_opportunities where title = 'New'");
        assertTrue(fresh > maxMoved && fresh > 9, "new id " + fresh + " after every moved one (max " + maxMoved + ")");
        assertEquals(4, single("select count(*) from sales_opportunities where id > 9"),
                "the history's three rows were put after the console's, and the new one after them");

        List<CustomerHistory> histories = Await.result(new JdbcCustomerScoreStore(db, "IRR").histories(40, 10));
        assertEquals(List.of(2500.5, 900.0, 0.0), histories.get(0).opportunities().stream()
                        .sorted(java.util.Comparator.comparing(CustomerHistory.Opportunity::closedAt))
                        .map(CustomerHistory.Opportunity::amount).toList(),
                "Sara's value counts the IRR history; her won USD opportunity counts as won but adds no IRR");
        assertEquals(List.of(true, false, true), histories.get(0).opportunities().stream()
                .sorted(java.util.Comparator.comparing(CustomerHistory.Opportunity::closedAt))
                .map(CustomerHistory.Opportunity::won).toList());
    }

    /** A class loader that sees core's scripts up to V7 and the console's up to V2, as a server of that time. */
    private ClassLoader before() throws IOException {
        copy("core", List.of("V1__customers_and_interactions.sql", "V2__customer_scores_and_time_zone.sql",
                "V3__interaction_segments.sql", "V4__call_control_audit.sql", "V5__recordings.sql", "V6__reports.sql",
                "V7__customer_score_reasons.sql"));
        copy("console", List.of("V1__console_users_knowledge_opportunities.sql", "V2__quality_review.sql"));
        return new URLClassLoader(new URL[] {scriptsDir.toUri().toURL()}, null);
    }

    /** The module's scripts, and an index listing them for a runner that reads one. */
    private void copy(String module, List<String> scripts) throws IOException {
        ClassLoader real = SchemaMigrations.class.getClassLoader();
        Path dir = scriptsDir.resolve("db/migration/" + module);
        Files.createDirectories(dir);
        for (String name : scripts) {
            Files.writeString(dir.resolve(name), read(real, "db/migration/" + module + "/" + name));
        }
        Files.writeString(dir.resolve("index"), String.join("\n", scripts) + "\n");
    }

    private static String read(ClassLoader cl, String path) throws IOException {
        try (InputStream in = cl.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void update(String sql) {
        Await.result(db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(sql);
            }
        }));
    }

    private long single(String sql) {
        return Await.result(db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private long tables(String name) {
        return single("select count(*) from information_schema.tables where lower(table_name) = '" + name + "'");
    }

    /** Each row as its values joined by spaces: numbers without trailing zeros, times as "closed" or a day. */
    private List<String> rows(String sql) {
        return Await.result(db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        String label = rs.getMetaData().getColumnLabel(i).toLowerCase();
                        if (v instanceof java.math.BigDecimal d) {
                            cells.add(d.stripTrailingZeros().toPlainString());
                        } else if (label.equals("closed_at") && sql.contains("owner <> 'history'")) {
                            cells.add(v == null ? "-" : "closed");
                        } else if (label.equals("closed_at")) {
                            cells.add(rs.getObject(i, java.time.OffsetDateTime.class).toInstant().toString()
                                    .substring(0, 10));
                        } else {
                            cells.add(String.valueOf(v).strip());
                        }
                    }
                    out.add(String.join(" ", cells));
                }
            }
            return out;
        }));
    }
}
