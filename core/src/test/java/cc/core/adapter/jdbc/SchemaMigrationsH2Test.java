package cc.core.adapter.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static cc.core.testkit.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
    @DisplayName("a script not named V<version>__<description>.sql is refused, naming the module and the file")
    void badlyNamedScriptIsRefused() throws Exception {
        ClassLoader badName = scripts("bad-name", Map.of("V1__a.sql", "select 1;", "create_tables.sql", "select 1;"));

        Throwable refused = failure(new SchemaMigrations(badName).apply(database(), List.of("sample")));

        assertInstanceOf(MigrationException.class, refused);
        assertTrue(refused.getMessage().startsWith("schema module sample (db/migration/sample/)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("create_tables.sql"), refused.getMessage());
    }

    @Test
    @DisplayName("a module without scripts is refused by name")
    void unknownModuleIsRefused() throws Exception {
        Throwable refused = failure(new SchemaMigrations().apply(database(), List.of("nosuch")));

        assertInstanceOf(MigrationException.class, refused);
        assertTrue(refused.getMessage().startsWith("schema module nosuch (db/migration/nosuch/)"), refused.getMessage());
    }

    @Test
    @DisplayName("a module name that could not be a folder is refused before the database is touched")
    void badModuleNameIsRefused() {
        MigrationException e = assertThrows(MigrationException.class,
                () -> new SchemaMigrations().apply(null, List.of("Core; drop")));

        assertEquals("migration module name 'Core; drop' must be lowercase letters, digits, '-'", e.getMessage());
    }
}
