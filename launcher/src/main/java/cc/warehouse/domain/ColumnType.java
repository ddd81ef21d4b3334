package cc.warehouse.domain;

/**
 * The value types the warehouse views use, as the export writes them: each maps one JDBC type (read the same way on
 * PostgreSQL and H2) to one Java type and one file type.
 */
public enum ColumnType {
    /** {@code String}. */
    TEXT,
    /** {@code Integer}. */
    INTEGER,
    /** {@code Long}. */
    BIGINT,
    /** {@code Double}. */
    DOUBLE,
    /** {@code Boolean}. */
    BOOLEAN,
    /** {@code java.time.LocalDate}. */
    DATE,
    /** {@code java.time.Instant}: a timestamp with time zone, written in UTC. */
    TIMESTAMP,
    /** {@code java.math.BigDecimal} with the column's precision and scale. */
    DECIMAL
}
