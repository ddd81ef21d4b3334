package cc.warehouse.adapter.file;

import cc.warehouse.app.DayFileWriter;
import cc.warehouse.domain.Column;
import cc.warehouse.domain.ExportFormat;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Parquet through DuckDB in this process (no network, no server): rows go through DuckDB's appender into a table of
 * an in-memory DuckDB limited to {@value #MEMORY_LIMIT}, which spills to a scratch directory beside the target past
 * that (so a big day goes to disk, never to the Java heap), then one {@code COPY ... TO ... (FORMAT parquet)} writes
 * the file, zstd-compressed, and the scratch directory is deleted.
 * Timestamps are Parquet timestamps adjusted to UTC (microseconds), dates Parquet dates, decimals Parquet decimals.
 */
public final class ParquetDayWriter implements DayFileWriter {
    /** DuckDB's own memory for one day being written; past it, it spills to the scratch directory. */
    private static final String MEMORY_LIMIT = "256MB";

    @Override
    public ExportFormat format() {
        return ExportFormat.PARQUET;
    }

    @Override
    public RowWriter open(Path file, List<Column> columns) throws IOException {
        Path scratch = file.resolveSibling(file.getFileName() + ".spill");
        deleteScratch(scratch);
        Files.deleteIfExists(file);
        Properties p = new Properties();
        // the parquet writer is built into the driver: never fetch an extension
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("memory_limit", MEMORY_LIMIT);
        p.setProperty("threads", "1");
        try {
            p.setProperty("temp_directory", scratch.toString());
            DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", p);
            try (Statement s = c.createStatement()) {
                s.execute("create table day_rows (" + columns.stream()
                        .map(col -> quote(col.name()) + " " + duckType(col)).collect(Collectors.joining(", ")) + ")");
            }
            DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "day_rows");
            return new Rows(c, appender, columns, file, scratch);
        } catch (SQLException e) {
            deleteScratch(scratch);
            throw new IOException("DuckDB could not start writing " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Rows implements RowWriter {
        private final Connection connection;
        private final DuckDBAppender appender;
        private final List<Column> columns;
        private final Path file;
        private final Path scratch;
        private boolean finished;

        Rows(Connection connection, DuckDBAppender appender, List<Column> columns, Path file, Path scratch) {
            this.connection = connection;
            this.appender = appender;
            this.columns = columns;
            this.file = file;
            this.scratch = scratch;
        }

        @Override
        public void write(Object[] row) throws IOException {
            try {
                appender.beginRow();
                for (int i = 0; i < row.length; i++) {
                    append(columns.get(i), row[i]);
                }
                appender.endRow();
            } catch (SQLException e) {
                throw new IOException("DuckDB refused a row for " + file + ": " + e.getMessage(), e);
            }
        }

        private void append(Column column, Object v) throws SQLException {
            if (v == null) {
                appender.appendNull();
                return;
            }
            switch (column.type()) {
                case TEXT:
                    appender.append((String) v);
                    break;
                case INTEGER:
                    appender.append(((Integer) v).intValue());
                    break;
                case BIGINT:
                    appender.append(((Long) v).longValue());
                    break;
                case DOUBLE:
                    appender.append(((Double) v).doubleValue());
                    break;
                case BOOLEAN:
                    appender.append(((Boolean) v).booleanValue());
                    break;
                case DATE:
                    appender.append((LocalDate) v);
                    break;
                case TIMESTAMP:
                    appender.append(((Instant) v).atOffset(ZoneOffset.UTC));
                    break;
                case DECIMAL:
                    appender.append(((BigDecimal) v).setScale(column.scale(), java.math.RoundingMode.HALF_EVEN));
                    break;
                default:
                    throw new IllegalStateException("no DuckDB mapping for " + column);
            }
        }

        @Override
        public void finish() throws IOException {
            try {
                appender.close();
                try (Statement s = connection.createStatement()) {
                    s.execute("copy day_rows to '" + file.toAbsolutePath().toString().replace("'", "''")
                            + "' (format parquet, compression zstd)");
                }
                connection.close();
                finished = true;
            } catch (SQLException e) {
                throw new IOException("DuckDB could not write " + file + ": " + e.getMessage(), e);
            } finally {
                deleteScratch(scratch);
            }
        }

        @Override
        public void close() throws IOException {
            if (finished) {
                return;
            }
            try {
                appender.close();
            } catch (SQLException ignored) {
                // abandoning the day: the connection goes next
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the scratch files are deleted below either way
            }
            deleteScratch(scratch);
            Files.deleteIfExists(file);
        }
    }

    /** The spill directory and whatever DuckDB left in it. */
    private static void deleteScratch(Path scratch) throws IOException {
        if (Files.isDirectory(scratch)) {
            try (java.util.stream.Stream<Path> files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        Files.deleteIfExists(scratch);
    }

    static String duckType(Column c) {
        switch (c.type()) {
            case TEXT:
                return "VARCHAR";
            case INTEGER:
                return "INTEGER";
            case BIGINT:
                return "BIGINT";
            case DOUBLE:
                return "DOUBLE";
            case BOOLEAN:
                return "BOOLEAN";
            case DATE:
                return "DATE";
            case TIMESTAMP:
                return "TIMESTAMPTZ";
            case DECIMAL:
                int precision = c.precision() < 1 || c.precision() > 38 ? 38 : c.precision();
                return "DECIMAL(" + precision + ", " + Math.min(c.scale(), precision) + ")";
            default:
                throw new IllegalStateException("no DuckDB type for " + c);
        }
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
