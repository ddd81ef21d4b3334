package cc.core.adapter.jdbc;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the migration runner promises on any database it supports; each subclass gives fresh databases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SchemaMigrationsContract {

    protected Vertx vertx;
    private final List<Database> open = new ArrayList<>();

    @TempDir
    Path scriptsDir;

    /** A new, empty database. */
    protected abstract DatabaseConfig freshDatabase() throws Exception;

    @BeforeAll
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeDatabases() {
        open.forEach(Database::close);
        open.clear();
    }

    @AfterAll
    void stopVertx() {
        result(vertx.close());
    }

    protected Database database() throws Exception {
        Database db = result(Database.open(vertx, freshDatabase()));
        open.add(db);
        return db;
    }

    @Test
    @DisplayName("the core schema is created on an empty database, and starting again changes nothing")
    void coreSchemaAppliesOnceThenIsANoOp() throws Exception {
        Database db = database();
        SchemaMigrations migrations = new SchemaMigrations();

        List<SchemaMigrations.Script> first = result(migrations.apply(db, List.of("core")));
        List<SchemaMigrations.Script> second = result(migrations.apply(db, List.of("core")));

        assertEquals(corePaths(1), first.stream().map(SchemaMigrations.Script::path).toList());
        assertEquals(List.of(), second);
        assertEquals(coreVersions(), versions(db));
        assertEquals(0L, count(db, "select count(*) from interactions"));
    }

    @Test
    @DisplayName("an applied script that was edited is refused, naming the script")
    void editedScriptIsRefused() throws Exception {
        Database db = database();
        ClassLoader original = scripts("v1", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);\n"));
        ClassLoader edited = scripts("v1-edited", Map.of("V1__first.sql", "create table mig_sample (id integer primary key, extra integer);\n"));
        result(new SchemaMigrations(original).apply(db, List.of("sample")));

        Throwable refused = failure(new SchemaMigrations(edited).apply(db, List.of("sample")));

        assertInstanceOf(MigrationException.class, refused);
        assertTrue(refused.getMessage().contains("db/migration/sample/V1__first.sql was changed after it was applied"),
                refused.getMessage());
    }

    @Test
    @DisplayName("new scripts of a module are applied after the ones already there, modules in the order given")
    void laterScriptsAndModulesApplyInOrder() throws Exception {
        Database db = database();
        ClassLoader v1 = scripts("one", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);"));
        ClassLoader v2 = scripts("two", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__second.sql", "-- a note; with a semicolon\n"
                        + "insert into mig_sample (id) values (1);\ninsert into mig_sample (id) values (2);\n"));
        result(new SchemaMigrations(v1).apply(db, List.of("core", "sample")));

        List<SchemaMigrations.Script> applied = result(new SchemaMigrations(v2).apply(db, List.of("core", "sample")));

        assertEquals(List.of("db/migration/sample/V2__second.sql"),
                applied.stream().map(SchemaMigrations.Script::path).toList());
        List<String> expected = new ArrayList<>(coreVersions());
        expected.addAll(List.of("sample 1 first", "sample 2 second"));
        assertEquals(expected, versions(db));
        assertEquals(2L, count(db, "select count(*) from mig_sample"));
    }

    @Test
    @DisplayName("a script that fails is named with its statement, and is not recorded as applied")
    void failingScriptIsReportedAndNotRecorded() throws Exception {
        Database db = database();
        ClassLoader broken = scripts("broken", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__broken.sql", "insert into mig_sample (id) values (1);\ninsert into no_such_table (id) values (1);"));

        Throwable failed = failure(new SchemaMigrations(broken).apply(db, List.of("sample")));

        assertInstanceOf(MigrationException.class, failed);
        assertTrue(failed.getMessage().startsWith("db/migration/sample/V2__broken.sql failed: ")
                && failed.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no_such_table"),
                failed.getMessage());
        assertEquals(List.of("sample 1 first"), versions(db));
        assertEquals(0L, count(db, "select count(*) from mig_sample"), "the script's first statement rolled back");
    }

    @Test
    @DisplayName("a database with a script this build does not know is refused")
    void newerDatabaseIsRefused() throws Exception {
        Database db = database();
        ClassLoader newer = scripts("newer", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__second.sql", "create table mig_sample2 (id integer primary key);"));
        ClassLoader older = scripts("older", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);"));
        result(new SchemaMigrations(newer).apply(db, List.of("sample")));

        Throwable refused = failure(new SchemaMigrations(older).apply(db, List.of("sample")));

        assertTrue(refused.getMessage().contains("sample V2 (second)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("newer than this build"), refused.getMessage());
    }

    @Test
    @DisplayName("a database migrated before Flyway (schema_version) is taken over where it was: only newer scripts run")
    void historyBeforeFlywayIsTakenOver() throws Exception {
        Database db = database();
        result(db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("create table schema_version (module varchar(64) not null, version integer not null,"
                        + " description varchar(200) not null, checksum varchar(64) not null,"
                        + " applied_at timestamp with time zone not null, primary key (module, version))");
                st.execute("insert into schema_version values ('sample', 1, 'first', 'x', current_timestamp)");
                st.execute("create table mig_sample (id integer primary key)");
            }
            return null;
        }));
        ClassLoader v2 = scripts("taken-over", Map.of("V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__second.sql", "insert into mig_sample (id) values (1);"));

        List<SchemaMigrations.Script> applied = result(new SchemaMigrations(v2).apply(db, List.of("sample")));

        assertEquals(List.of("db/migration/sample/V2__second.sql"),
                applied.stream().map(SchemaMigrations.Script::path).toList(), "V1 was not run again");
        assertEquals(1L, count(db, "select count(*) from mig_sample"));
        assertEquals(List.of("sample 2 second"), versions(db));
    }

    @Test
    @DisplayName("records written before segments keep every value and their meaning through the segments migration")
    void segmentsMigrationKeepsEarlierRecords() throws Exception {
        Database db = database();
        result(new SchemaMigrations(coreUpTo(2)).apply(db, List.of("core")));
        result(db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("insert into interactions (id, channel, direction, server, call_id, caller_number,"
                        + " dialed_number, offered_at, answered_at, ended_at, queue, agent_id, disposition, notes,"
                        + " end_cause) values ('old-1', 'voice', 'inbound', 'pbx1', '1795417535.2', '5551234',"
                        + " '02188', timestamp with time zone '2026-11-20 08:00:00+00',"
                        + " timestamp with time zone '2026-11-20 08:00:01+00',"
                        + " timestamp with time zone '2026-11-20 08:03:00+00', 'support', 'agent-2', 'sold',"
                        + " 'kept', 'Normal Clearing')");
                st.executeUpdate("insert into interaction_ivr_steps (interaction_id, seq, node, input, at) values"
                        + " ('old-1', 0, 'main-menu', '2', timestamp with time zone '2026-11-20 08:00:02+00')");
            }
            return null;
        }));

        List<SchemaMigrations.Script> applied = result(new SchemaMigrations().apply(db, List.of("core")));
        var old = result(new JdbcInteractionStore(db).find("old-1")).orElseThrow();

        assertEquals(corePaths(3), applied.stream().map(SchemaMigrations.Script::path).toList());
        assertEquals(java.util.Optional.of("agent-2"), old.agentId(), "the agent on the record stays");
        assertEquals(java.util.Optional.of(java.time.Instant.parse("2026-11-20T08:00:01Z")), old.answeredAt());
        assertEquals(java.util.Optional.of("sold"), old.disposition());
        assertEquals("5551234", old.callerNumber());
        assertEquals("2", old.ivrPath().get(0).input());
        assertEquals(false, old.segmentsKept(), "marked as made before segments");
        assertEquals(List.of(), old.segments());
        assertEquals(List.of(), old.handledBy(), "no handler is made up for it");
        assertEquals(java.util.Optional.empty(), old.abandonedWhere());
        assertEquals(0L, count(db, "select count(*) from interactions where handled_by is not null"
                + " or abandoned_where is not null or agent_answered_at is not null"));
    }

    /** A class loader that sees only the first {@code versions} scripts of core, as a server of that time had them. */
    private ClassLoader coreUpTo(int versions) throws IOException {
        Path module = scriptsDir.resolve("core-" + versions).resolve("db/migration/core");
        Files.createDirectories(module);
        ClassLoader real = SchemaMigrations.class.getClassLoader();
        for (String script : List.of("V1__customers_and_interactions.sql", "V2__customer_scores_and_time_zone.sql",
                "V3__interaction_segments.sql").subList(0, versions)) {
            try (var in = real.getResourceAsStream("db/migration/core/" + script)) {
                Files.write(module.resolve(script), in.readAllBytes());
            }
        }
        // no parent: the build's own (newer) core scripts must not be seen
        return new URLClassLoader(new URL[] {scriptsDir.resolve("core-" + versions).toUri().toURL()}, null);
    }

    /** A class loader that sees {@code db/migration/sample/<file>} for each entry. */
    protected ClassLoader scripts(String name, Map<String, String> files) throws IOException {
        Path module = scriptsDir.resolve(name).resolve("db/migration/sample");
        Files.createDirectories(module);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(module.resolve(f.getKey()), f.getValue());
        }
        try {
            return new URLClassLoader(new URL[] {scriptsDir.resolve(name).toUri().toURL()},
                    SchemaMigrations.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Core's scripts as this build ships them, in the order they apply. */
    static final List<String> CORE_SCRIPTS = List.of("V1__customers_and_interactions.sql",
            "V2__customer_scores_and_time_zone.sql", "V3__interaction_segments.sql", "V4__call_control_audit.sql",
            "V5__recordings.sql", "V6__reports.sql", "V7__customer_score_reasons.sql",
            "V8__report_totals.sql", "V9__customer_offer_outcomes.sql", "V10__sales_opportunities.sql",
            "V11__report_kind_indexes.sql", "V13__order_status.sql", "V14__customer_emails.sql", "V15__outbox.sql",
            "V16__customer_external_ids_and_merges.sql", "V17__sales_opportunity_effort.sql");

    /** The classpath paths of core's scripts from {@code version} on. */
    static List<String> corePaths(int version) {
        return CORE_SCRIPTS.stream().filter(f -> versionOf(f) >= version).map(f -> "db/migration/core/" + f).toList();
    }

    /** Core's scripts as {@link #versions} lists them once applied: "core 3 interaction segments". */
    static List<String> coreVersions() {
        return CORE_SCRIPTS.stream().map(f -> "core " + versionOf(f) + " "
                + f.substring(f.indexOf("__") + 2, f.length() - 4).replace('_', ' ')).toList();
    }

    private static int versionOf(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    /** "module version description" of every script applied, from each module's Flyway history, by module. */
    protected static List<String> versions(Database db) {
        return result(db.withConnection(c -> {
            List<String> modules = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (table.startsWith(SchemaMigrations.HISTORY_TABLE_PREFIX)) {
                        modules.add(table.substring(SchemaMigrations.HISTORY_TABLE_PREFIX.length()));
                    }
                }
            }
            java.util.Collections.sort(modules);
            List<String> rows = new ArrayList<>();
            for (String module : modules) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select version, description from "
                             + SchemaMigrations.historyTable(module)
                             + " where success and type = 'SQL' order by installed_rank")) {
                    while (rs.next()) {
                        rows.add(module + " " + rs.getString(1) + " " + rs.getString(2));
                    }
                }
            }
            return rows;
        }));
    }

    protected static long count(Database db, String sql) {
        return result(db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
