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

        assertEquals(List.of("db/migration/core/V1__customers_and_interactions.sql",
                        "db/migration/core/V2__customer_scores_and_time_zone.sql"),
                first.stream().map(SchemaMigrations.Script::path).toList());
        assertEquals(List.of(), second);
        assertEquals(List.of("core 1 customers and interactions", "core 2 customer scores and time zone"),
                versions(db));
        assertEquals(0L, count(db, "select count(*) from interactions"));
    }

    @Test
    @DisplayName("an applied script that was edited is refused, naming the script")
    void editedScriptIsRefused() throws Exception {
        Database db = database();
        ClassLoader original = scripts("v1", Map.of("index", "V1__first.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key);\n"));
        ClassLoader edited = scripts("v1-edited", Map.of("index", "V1__first.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key, extra integer);\n"));
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
        ClassLoader v1 = scripts("one", Map.of("index", "V1__first.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key);"));
        ClassLoader v2 = scripts("two", Map.of("index", "# sample module\nV1__first.sql\n\nV2__second.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__second.sql", "-- a note; with a semicolon\n"
                        + "insert into mig_sample (id) values (1);\ninsert into mig_sample (id) values (2);\n"));
        result(new SchemaMigrations(v1).apply(db, List.of("core", "sample")));

        List<SchemaMigrations.Script> applied = result(new SchemaMigrations(v2).apply(db, List.of("core", "sample")));

        assertEquals(List.of("db/migration/sample/V2__second.sql"),
                applied.stream().map(SchemaMigrations.Script::path).toList());
        assertEquals(List.of("core 1 customers and interactions", "core 2 customer scores and time zone",
                "sample 1 first", "sample 2 second"), versions(db));
        assertEquals(2L, count(db, "select count(*) from mig_sample"));
    }

    @Test
    @DisplayName("a script that fails is named with its statement, and is not recorded as applied")
    void failingScriptIsReportedAndNotRecorded() throws Exception {
        Database db = database();
        ClassLoader broken = scripts("broken", Map.of("index", "V1__first.sql\nV2__broken.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__broken.sql", "insert into mig_sample (id) values (1);\ninsert into no_such_table (id) values (1);"));

        Throwable failed = failure(new SchemaMigrations(broken).apply(db, List.of("sample")));

        assertInstanceOf(MigrationException.class, failed);
        assertTrue(failed.getMessage().startsWith("db/migration/sample/V2__broken.sql statement 2 of 2 failed"),
                failed.getMessage());
        assertEquals(List.of("sample 1 first"), versions(db));
        assertEquals(0L, count(db, "select count(*) from mig_sample"), "the script's first statement rolled back");
    }

    @Test
    @DisplayName("a database with a script this build does not know is refused")
    void newerDatabaseIsRefused() throws Exception {
        Database db = database();
        ClassLoader newer = scripts("newer", Map.of("index", "V1__first.sql\nV2__second.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key);",
                "V2__second.sql", "create table mig_sample2 (id integer primary key);"));
        ClassLoader older = scripts("older", Map.of("index", "V1__first.sql\n",
                "V1__first.sql", "create table mig_sample (id integer primary key);"));
        result(new SchemaMigrations(newer).apply(db, List.of("sample")));

        Throwable refused = failure(new SchemaMigrations(older).apply(db, List.of("sample")));

        assertTrue(refused.getMessage().contains("sample V2 (second)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("newer than this build"), refused.getMessage());
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

    protected static List<String> versions(Database db) {
        return result(db.withConnection(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "select module, version, description from schema_version order by module, version")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3));
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
