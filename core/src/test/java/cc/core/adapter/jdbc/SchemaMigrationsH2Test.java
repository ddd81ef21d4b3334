package cc.core.adapter.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migration contract on the embedded H2 default, plus the index checks that need no database. */
class SchemaMigrationsH2Test extends SchemaMigrationsContract {

    @TempDir
    Path dataDirs;

    @Override
    protected DatabaseConfig freshDatabase() throws Exception {
        return DatabaseConfig.embedded(Files.createTempDirectory(dataDirs, "db"), 2);
    }

    @Test
    @DisplayName("an index naming a script that is not beside it is refused, naming both")
    void missingScriptIsNamed() throws Exception {
        ClassLoader cl = scripts("missing", Map.of("index", "V1__first.sql\nV2__absent.sql\n",
                "V1__first.sql", "select 1;"));

        MigrationException e = assertThrows(MigrationException.class, () -> new SchemaMigrations(cl).scripts("sample"));

        assertEquals("db/migration/sample/index lists V2__absent.sql but db/migration/sample/V2__absent.sql"
                + " is not on the classpath", e.getMessage());
    }

    @Test
    @DisplayName("an index whose versions go backwards, or with a badly named script, is refused with the line")
    void badIndexIsRefused() throws Exception {
        ClassLoader backwards = scripts("backwards", Map.of("index", "V2__b.sql\nV1__a.sql\n",
                "V1__a.sql", "select 1;", "V2__b.sql", "select 1;"));
        ClassLoader badName = scripts("bad-name", Map.of("index", "V1__a.sql\ncreate_tables.sql\n",
                "V1__a.sql", "select 1;"));

        MigrationException order = assertThrows(MigrationException.class,
                () -> new SchemaMigrations(backwards).scripts("sample"));
        MigrationException name = assertThrows(MigrationException.class,
                () -> new SchemaMigrations(badName).scripts("sample"));

        assertTrue(order.getMessage().startsWith("db/migration/sample/index line 2: V1__a.sql comes after"),
                order.getMessage());
        assertTrue(name.getMessage().startsWith("db/migration/sample/index line 2: 'create_tables.sql' is not named"),
                name.getMessage());
    }

    @Test
    @DisplayName("a module without an index is refused by name")
    void unknownModuleIsRefused() {
        MigrationException e = assertThrows(MigrationException.class, () -> new SchemaMigrations().scripts("nosuch"));

        assertEquals("no migration index db/migration/nosuch/index on the classpath", e.getMessage());
    }

    @Test
    @DisplayName("statements are split at semicolons outside quotes and comments")
    void statementsSplitOutsideQuotesAndComments() {
        List<String> statements = SchemaMigrations.statements(
                "-- header; not a statement\ninsert into t values ('a;b', 'it''s');\n"
                        + "/* block; comment */ create table \"x;y\" (id int);;\n  \n");

        assertEquals(List.of("insert into t values ('a;b', 'it''s')", "create table \"x;y\" (id int)"), statements);
    }
}
