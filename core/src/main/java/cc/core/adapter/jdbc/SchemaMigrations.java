package cc.core.adapter.jdbc;

import io.vertx.core.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Brings the schema up to date, one module at a time, with Flyway.
 *
 * <p>Each module keeps its scripts in {@code db/migration/<module>/} on the classpath, named
 * {@code V<version>__<description>.sql}, and its own history table {@code schema_history_<module>}, so feature
 * modules add scripts of their own and never edit core's. Modules are applied in the order given (core first). An
 * applied script whose text has changed, or a history that names a script this build does not have (the database is
 * newer than the server), is refused before anything runs; a script that fails is rolled back where the database
 * can (PostgreSQL: every statement of a script in one transaction) and not recorded. On PostgreSQL Flyway takes an
 * advisory lock, so two nodes starting at once apply each script once.
 *
 * <p>Scripts use the SQL that PostgreSQL 15 and H2 (PostgreSQL mode) share; {@code ${...}} is not a placeholder.
 *
 * <p>Databases migrated before Flyway kept their history in {@code schema_version (module, version, ...)}: a module
 * found there and not yet in its Flyway table is taken over at the last version it had (a baseline), and
 * {@code schema_version} is left as it was.
 */
public final class SchemaMigrations {

    public static final String ROOT = "db/migration/";
    /** Where a module's history lives: this plus the module's name ({@code -} as {@code _}). */
    public static final String HISTORY_TABLE_PREFIX = "schema_history_";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String LEGACY_TABLE = "schema_version";
    /** Passes of a module's migrate while another node's concurrent start holds the history table empty. */
    private static final int BASELINE_RACE_ATTEMPTS = 30;

    /** One script of a module, as applied now. */
    public record Script(String module, int version, String description, String path) {
        @Override
        public String toString() {
            return path;
        }
    }

    private final ClassLoader classLoader;

    /** Finds scripts through this class's class loader. */
    public SchemaMigrations() {
        this(SchemaMigrations.class.getClassLoader());
    }

    public SchemaMigrations(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Applies, module by module in the given order, every script not yet applied. Completes with the scripts applied
     * now (empty when the schema was up to date); fails with a {@link MigrationException} naming the script.
     */
    public Future<List<Script>> apply(Database db, List<String> modules) {
        modules.forEach(SchemaMigrations::checkName);
        return db.withDataSource(ds -> {
            List<Script> applied = new ArrayList<>();
            for (String module : modules) {
                applied.addAll(applyModule(ds, module));
            }
            return applied;
        });
    }

    private List<Script> applyModule(DataSource ds, String module) {
        Flyway flyway;
        try {
            flyway = flyway(ds, module, legacyVersion(ds, module));
        } catch (FlywayException e) {
            throw new MigrationException("schema module " + module + " (" + ROOT + module + "/): " + e.getMessage(), e);
        }
        MigrateResult result;
        for (int attempt = 1; ; attempt++) {
            try {
                // one pass on the usual start: migrate validates first and applies what is pending
                result = flyway.migrate();
                break;
            } catch (FlywayException e) {
                if (attempt < BASELINE_RACE_ATTEMPTS && String.valueOf(e.getMessage()).contains("Unable to baseline")) {
                    // another node starting at the same moment made the history table and is applying the first
                    // scripts: Flyway then takes the schema for one to baseline; once that node's scripts are
                    // recorded the next pass applies what is left (or nothing) under its lock
                    log.info("schema: {} is being migrated by another node; trying again in 1 s", module);
                    pause();
                    continue;
                }
                throw explained(module, flyway, e);
            }
        }
        List<Script> applied = new ArrayList<>();
        result.migrations.forEach(m -> {
            Script s = new Script(module, Integer.parseInt(m.version), m.description, ROOT + module + "/"
                    + fileName(m.filepath));
            log.info("schema: applied {} ({} ms)", s.path(), m.executionTime);
            applied.add(s);
        });
        return applied;
    }

    /** Why a module could not be migrated, in our words: refused before running, or the script that failed. */
    private static MigrationException explained(String module, Flyway flyway, FlywayException e) {
        ValidateResult validation;
        MigrationInfo[] all;
        try {
            validation = flyway.validateWithResult();
            all = flyway.info().all();
        } catch (FlywayException again) {
            return new MigrationException("schema module " + module + " (" + ROOT + module + "/): "
                    + e.getMessage(), e);
        }
        // the script that failed: recorded as failed (H2, whose DDL is not transactional), else refused before
        // anything ran, else the first pending (PostgreSQL rolled it back)
        Optional<MigrationInfo> failing = Arrays.stream(all).filter(i -> i.getState().isFailed()).findFirst();
        if (failing.isEmpty()) {
            refuseInvalid(module, validation);
            failing = Arrays.stream(all).filter(i -> !i.getState().isApplied() && i.getScript() != null).findFirst();
        }
        String what = failing.map(f -> ROOT + module + "/" + fileName(f.getScript()))
                .orElse("schema module " + module);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root instanceof SQLException ? root.getMessage() : e.getMessage();
        return new MigrationException(what + " failed: " + cause, e);
    }

    private Flyway flyway(DataSource ds, String module, Optional<Integer> legacyVersion) {
        return Flyway.configure(classLoader)
                .dataSource(ds)
                .locations("classpath:" + ROOT + module)
                .table(historyTable(module))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .placeholderReplacement(false)
                .cleanDisabled(true)
                // pending scripts are what migrate is for; scripts the build does not have are refused
                .ignoreMigrationPatterns("*:pending")
                // every module after the first finds the schema not empty: start its history below V1 (or at what
                // the pre-Flyway history applied) rather than refuse
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(legacyVersion.orElse(0)))
                .baselineDescription(legacyVersion.isPresent() ? "applied before Flyway (" + LEGACY_TABLE + ")"
                        : "module history starts")
                .load();
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("schema migration interrupted", e);
        }
    }

    /** The history table of a module. */
    public static String historyTable(String module) {
        return HISTORY_TABLE_PREFIX + module.replace('-', '_');
    }

    private static void checkName(String module) {
        if (!module.matches("[a-z0-9][a-z0-9\\-]*")) {
            throw new MigrationException("migration module name '" + module + "' must be lowercase letters, digits, '-'");
        }
    }

    /** An edited applied script or a script this build does not have, said in our words, before anything runs. */
    private static void refuseInvalid(String module, ValidateResult result) {
        if (result.validationSuccessful) {
            return;
        }
        for (ValidateOutput o : result.invalidMigrations) {
            if (o.errorDetails == null) {
                continue;
            }
            if (o.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH) {
                throw new MigrationException(ROOT + module + "/" + fileName(o.filepath)
                        + " was changed after it was applied (" + historyTable(module)
                        + "); restore it and put the change in a new script");
            }
            if (o.errorDetails.errorCode == CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED) {
                throw new MigrationException(historyTable(module) + " has " + module + " V" + o.version + " ("
                        + o.description + ") which " + ROOT + module
                        + "/ does not have: the database is newer than this build");
            }
        }
        throw new MigrationException("schema module " + module + ": " + result.getAllErrorMessages());
    }

    private static String fileName(String path) {
        if (path == null) {
            return "";
        }
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** The last version the pre-Flyway history applied for the module, when it has one and Flyway's has none. */
    private static Optional<Integer> legacyVersion(DataSource ds, String module) {
        try (Connection c = ds.getConnection()) {
            if (!tableExists(c, LEGACY_TABLE) || tableExists(c, historyTable(module))) {
                return Optional.empty();
            }
            try (PreparedStatement q = c.prepareStatement("select max(version) from " + LEGACY_TABLE
                    + " where module = ?")) {
                q.setString(1, module);
                try (ResultSet rs = q.executeQuery()) {
                    int v = rs.next() ? rs.getInt(1) : 0;
                    return v > 0 ? Optional.of(v) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot read " + LEGACY_TABLE + " for module " + module + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = meta.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
