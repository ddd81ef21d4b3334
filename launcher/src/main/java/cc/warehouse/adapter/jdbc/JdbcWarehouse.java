package cc.warehouse.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.warehouse.adapter.file.DayDirectory;
import cc.warehouse.app.DayFileWriter;
import cc.warehouse.app.WarehouseStore;
import cc.warehouse.domain.Column;
import cc.warehouse.domain.ColumnType;
import cc.warehouse.domain.ExportFormat;
import cc.warehouse.domain.ExportPlan;
import cc.warehouse.domain.ExportStep;
import cc.warehouse.domain.ExportedDay;
import cc.warehouse.domain.RowDigest;
import cc.warehouse.domain.WarehouseView;
import io.vertx.core.Future;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warehouse on PostgreSQL or the embedded H2: reads a view's day through a cursor ({@value #FETCH} rows a fetch,
 * inside a read transaction so PostgreSQL streams rather than loading the result), passes each row to the file writer
 * and to the day's {@link RowDigest}, and keeps {@code dw_export_log}. One row is held at a time, never the day.
 * The view names and columns come from {@link WarehouseView#ALL}, never from a request; values are bound.
 */
public final class JdbcWarehouse implements WarehouseStore {
    static final int FETCH = 1_000;

    private final Database db;
    private final DayDirectory directory;
    private final DayFileWriter writer;

    public JdbcWarehouse(Database db, DayDirectory directory, DayFileWriter writer) {
        this.db = db;
        this.directory = directory;
        this.writer = writer;
    }

    @Override
    public Future<Void> useZone(ZoneId zone) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update dw_report_zone set zone = ? where id = 1")) {
                ps.setString(1, zone.getId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Future<Map<String, ExportedDay>> exported() {
        return db.withConnection(c -> {
            Map<String, ExportedDay> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select view_name, export_day, format, path, row_count, bytes, "
                    + "file_sha256, rows_sha256, exported_at from dw_export_log");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ExportedDay d = new ExportedDay(rs.getString(1), rs.getObject(2, LocalDate.class),
                            ExportFormat.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4),
                            rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant());
                    out.put(ExportPlan.key(d.view(), d.day()), d);
                }
            }
            return out;
        });
    }

    @Override
    public Future<StepResult> export(ExportStep step, ZoneId zone, Instant now) {
        return db.inTransaction(c -> {
            try {
                return exportBlocking(c, step, zone, now);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private StepResult exportBlocking(Connection c, ExportStep step, ZoneId zone, Instant now)
            throws SQLException, IOException {
        WarehouseView view = step.view();
        if (step.previous().isPresent()) {
            RowDigest digest = new RowDigest();
            read(c, step, zone, (columns, row) -> digest.add(row));
            if (digest.hex().equals(step.previous().get().rowsSha256())) {
                return new StepResult(step, StepResult.Outcome.UNCHANGED, digest.rows());
            }
        }
        ExportFormat format = writer.format();
        Path tmp = directory.temporary(view.name(), step.day(), format);
        RowDigest digest = new RowDigest();
        DayFileWriter.RowWriter[] out = new DayFileWriter.RowWriter[1];
        try {
            read(c, step, zone, (columns, row) -> {
                if (out[0] == null) {
                    out[0] = writer.open(tmp, columns);
                }
                out[0].write(row);
                digest.add(row);
            });
            if (out[0] == null) {   // no rows: an empty file with the view's columns still says "nothing that day"
                out[0] = writer.open(tmp, columns(c, view));
            }
            out[0].finish();
        } finally {
            if (out[0] != null) {
                out[0].close();
            }
        }
        DayDirectory.Published published = directory.publish(tmp, view.name(), step.day(), format);
        ExportedDay done = new ExportedDay(view.name(), step.day(), format,
                DayDirectory.relativeFile(view.name(), step.day(), format), digest.rows(), published.bytes(),
                published.sha256(), digest.hex(), now);
        directory.writeManifest(done, zone);
        log(c, done);
        return new StepResult(step, step.previous().isPresent() ? StepResult.Outcome.REWRITTEN
                : StepResult.Outcome.WRITTEN, digest.rows());
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(List<Column> columns, Object[] row) throws IOException;
    }

    private static void read(Connection c, ExportStep step, ZoneId zone, RowHandler handler)
            throws SQLException, IOException {
        WarehouseView view = step.view();
        String sql = "select * from " + view.name()
                + view.dayColumn().map(col -> " where " + col + " >= ? and " + col + " < ?").orElse("")
                + " order by " + view.orderBy();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH);
            if (view.dayColumn().isPresent()) {
                ps.setObject(1, OffsetDateTime.ofInstant(step.from(zone), ZoneOffset.UTC));
                ps.setObject(2, OffsetDateTime.ofInstant(step.to(zone), ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Column> columns = columns(rs.getMetaData(), view.name());
                Object[] row = new Object[columns.size()];
                while (rs.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = value(rs, i + 1, columns.get(i).type());
                    }
                    handler.row(columns, row);
                }
            }
        }
    }

    /** The view's columns as the export types them. */
    public static List<Column> columns(Connection c, WarehouseView view) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from " + view.name() + " where 1 = 0");
             ResultSet rs = ps.executeQuery()) {
            return columns(rs.getMetaData(), view.name());
        }
    }

    static List<Column> columns(ResultSetMetaData md, String view) throws SQLException {
        List<Column> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            out.add(new Column(name, type(md.getColumnType(i), md.getColumnTypeName(i), view, name),
                    md.getPrecision(i), md.getScale(i)));
        }
        return out;
    }

    private static ColumnType type(int jdbc, String typeName, String view, String column) {
        switch (jdbc) {
            case Types.VARCHAR:
            case Types.CHAR:
            case Types.LONGVARCHAR:
            case Types.NVARCHAR:
            case Types.CLOB:
                return ColumnType.TEXT;
            case Types.INTEGER:
            case Types.SMALLINT:
            case Types.TINYINT:
                return ColumnType.INTEGER;
            case Types.BIGINT:
                return ColumnType.BIGINT;
            case Types.DOUBLE:
            case Types.FLOAT:
            case Types.REAL:
                return ColumnType.DOUBLE;
            case Types.BOOLEAN:
            case Types.BIT:
                return ColumnType.BOOLEAN;
            case Types.DATE:
                return ColumnType.DATE;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return ColumnType.TIMESTAMP;
            case Types.TIMESTAMP:
                // PostgreSQL's driver reports timestamptz as TIMESTAMP with this type name
                if (typeName.equalsIgnoreCase("timestamptz")) {
                    return ColumnType.TIMESTAMP;
                }
                break;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return ColumnType.DECIMAL;
            default:
                break;
        }
        throw new IllegalStateException(view + "." + column + " has type " + typeName
                + ", which the warehouse export does not write (times must be timestamp with time zone)");
    }

    private static Object value(ResultSet rs, int i, ColumnType type) throws SQLException {
        Object v;
        switch (type) {
            case TEXT:
                return rs.getString(i);
            case INTEGER:
                v = rs.getInt(i);
                break;
            case BIGINT:
                v = rs.getLong(i);
                break;
            case DOUBLE:
                v = rs.getDouble(i);
                break;
            case BOOLEAN:
                v = rs.getBoolean(i);
                break;
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIMESTAMP:
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            case DECIMAL:
                return rs.getBigDecimal(i);
            default:
                throw new IllegalStateException("no reader for " + type);
        }
        return rs.wasNull() ? null : v;
    }

    private static void log(Connection c, ExportedDay d) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from dw_export_log where view_name = ? and export_day = ?")) {
            del.setString(1, d.view());
            del.setObject(2, d.day());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into dw_export_log (view_name, export_day, format, path, "
                + "row_count, bytes, file_sha256, rows_sha256, exported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.view());
            ps.setObject(2, d.day());
            ps.setString(3, d.format().configName());
            ps.setString(4, d.path());
            ps.setLong(5, d.rows());
            ps.setLong(6, d.bytes());
            ps.setString(7, d.fileSha256());
            ps.setString(8, d.rowsSha256());
            ps.setObject(9, OffsetDateTime.ofInstant(d.exportedAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
