package cc.warehouse.domain;

import java.util.Objects;

/** One column of a warehouse view: its name, its type, and for {@link ColumnType#DECIMAL} precision and scale. */
public record Column(String name, ColumnType type, int precision, int scale) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, 0, 0);
    }
}
