package cc.core.adapter.jdbc;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema up to date, one module at a time, from scripts on the classpath.
 *
 * <p>Each module has {@code db/migration/<module>/index}: the module's script names in order, one per line
 * ({@code V1__interactions.sql}; blank lines and lines starting with {@code #} are ignored), with the scripts beside
 * it. Modules are applied in the order given (core first); feature modules add their own directory and never edit
 * core's. Table {@code schema_version} records what was applied; each script runs in its own transaction together
 * with its {@code schema_version} row. An applied script whose text has changed is refused: add a new script instead.
 *
 * <p>Scripts use the SQL that PostgreSQL 15 and H2 (PostgreSQL mode) share. Statements end with {@code ;}; quotes
 * and {@code --} or block comments are understood, dollar quoting is not. On H2, DDL commits by itself, so a
 * script that fails half-way is not rolled back there; on PostgreSQL it is, and an advisory lock keeps two nodes
 * starting at once from applying the same script twice.
 */
public final class SchemaMigrations {

    public static final String ROOT = "db/migration/";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern SCRIPT_NAME = Pattern.compile("V([0-9]+)__([A-Za-z0-9_\\-]+)\\.sql");
    /** Arbitrary constant naming our advisory lock in PostgreSQL ("ccschema" in ASCII). */
    private static final long LOCK_KEY = 0x6363736368656d61L;

    /** One script of a module, as found on the classpath. */
    public record Script(String module, int version, String description, String path, String sql, String checksum) {
        @Override
        public String toString() {
            return path;
        }
    }

    private final ClassLoader classLoader;

    /** Reads scripts through this class's class loader. */
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
        return db.withConnection(c -> apply(c, modules));
    }

    /** Blocking form, on a connection the caller holds (worker threads only). */
    public List<Script> apply(Connection c, List<String> modules) throws SQLException {
        Map<String, List<Script>> plan = new LinkedHashMap<>();
        for (String module : modules) {
            plan.put(module, scripts(module));
        }
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        if (postgres) {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
        }
        try {
            createVersionTable(c);
            List<Script> applied = new ArrayList<>();
            for (Map.Entry<String, List<Script>> module : plan.entrySet()) {
                applied.addAll(applyModule(c, module.getKey(), module.getValue()));
            }
            return applied;
        } finally {
            if (postgres) {
                try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK_KEY);
                    unlock.execute();
                }
            }
        }
    }

    /** The module's scripts in index order, checked for names, order and presence. */
    public List<Script> scripts(String module) {
        if (!module.matches("[a-z0-9][a-z0-9\\-]*")) {
            throw new MigrationException("migration module name '" + module + "' must be lowercase letters, digits, '-'");
        }
        String indexPath = ROOT + module + "/index";
        String index = read(indexPath)
                .orElseThrow(() -> new MigrationException("no migration index " + indexPath + " on the classpath"));
        List<Script> scripts = new ArrayList<>();
        String[] lines = index.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String name = lines[i].strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = SCRIPT_NAME.matcher(name);
            if (!m.matches()) {
                throw new MigrationException(indexPath + " line " + (i + 1) + ": '" + name
                        + "' is not named V<version>__<description>.sql");
            }
            int version = Integer.parseInt(m.group(1));
            if (!scripts.isEmpty() && version <= scripts.get(scripts.size() - 1).version()) {
                throw new MigrationException(indexPath + " line " + (i + 1) + ": " + name + " comes after "
                        + scripts.get(scripts.size() - 1).path() + "; versions must increase down the index");
            }
            String path = ROOT + module + "/" + name;
            String sql = read(path).orElseThrow(() -> new MigrationException(indexPath + " lists " + name
                    + " but " + path + " is not on the classpath"));
            scripts.add(new Script(module, version, m.group(2).replace('_', ' '), path, sql, checksum(sql)));
        }
        return scripts;
    }

    private List<Script> applyModule(Connection c, String module, List<Script> scripts) throws SQLException {
        Map<Integer, String[]> done = appliedVersions(c, module);
        Map<Integer, Script> known = new LinkedHashMap<>();
        scripts.forEach(s -> known.put(s.version(), s));
        for (Map.Entry<Integer, String[]> row : done.entrySet()) {
            Script script = known.get(row.getKey());
            if (script == null) {
                throw new MigrationException("schema_version has " + module + " V" + row.getKey() + " ("
                        + row.getValue()[0] + ") which " + ROOT + module
                        + "/index does not list: the database is newer than this build");
            }
            if (!script.checksum().equals(row.getValue()[1])) {
                throw new MigrationException(script.path() + " was changed after it was applied (checksum "
                        + row.getValue()[1] + " in schema_version, " + script.checksum()
                        + " now); restore it and put the change in a new script");
            }
        }
        List<Script> applied = new ArrayList<>();
        for (Script script : scripts) {
            if (done.containsKey(script.version())) {
                continue;
            }
            run(c, script);
            applied.add(script);
        }
        return applied;
    }

    private static void run(Connection c, Script script) throws SQLException {
        List<String> statements = statements(script.sql());
        long started = System.nanoTime();
        Database.transaction(c, conn -> {
            for (int i = 0; i < statements.size(); i++) {
                try (Statement st = conn.createStatement()) {
                    st.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new MigrationException(script.path() + " statement " + (i + 1) + " of "
                            + statements.size() + " failed: " + e.getMessage(), e);
                }
            }
            try (PreparedStatement ins = conn.prepareStatement("insert into schema_version"
                    + " (module, version, description, checksum, applied_at) values (?, ?, ?, ?, current_timestamp)")) {
                ins.setString(1, script.module());
                ins.setInt(2, script.version());
                ins.setString(3, script.description());
                ins.setString(4, script.checksum());
                ins.executeUpdate();
            }
            return null;
        });
        log.info("schema: applied {} ({} statements, {} ms)", script.path(), statements.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void createVersionTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create table if not exists schema_version ("
                    + " module varchar(64) not null,"
                    + " version integer not null,"
                    + " description varchar(200) not null,"
                    + " checksum varchar(64) not null,"
                    + " applied_at timestamp with time zone not null,"
                    + " primary key (module, version))");
        }
    }

    /** version to {description, checksum} of the module's applied scripts. */
    private static Map<Integer, String[]> appliedVersions(Connection c, String module) throws SQLException {
        Map<Integer, String[]> done = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "select version, description, checksum from schema_version where module = ? order by version")) {
            q.setString(1, module);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    done.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return done;
    }

    private java.util.Optional<String> read(String path) {
        try (InputStream in = classLoader.getResourceAsStream(path)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            // line endings normalised so a checkout with CRLF has the same checksum
            return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new MigrationException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static String checksum(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Splits a script at {@code ;} outside quotes and comments; comments are dropped, empty statements skipped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (ch == '\'' || ch == '"') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == ch) {
                        if (end + 1 < n && sql.charAt(end + 1) == ch) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                int stop = Math.min(end + 1, n);
                current.append(sql, i, stop);
                i = stop;
            } else if (ch == ';') {
                add(out, current);
                i++;
            } else {
                current.append(ch);
                i++;
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }
}
