package cc.warehouse.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A view BI tools read ({@code db/migration/warehouse}), and how the daily export cuts it: a {@link Kind#DAILY} view
 * by the report-zone day of its {@code dayColumn} (a UTC timestamp), one file per closed day, exported again when the
 * day's rows change; a {@link Kind#SNAPSHOT} view whole, as it is at the export, under the last closed day.
 *
 * @param orderBy the view's key columns: rows are read, written and checksummed in this order
 */
public record WarehouseView(String name, Kind kind, Optional<String> dayColumn, String orderBy) {
    public enum Kind { DAILY, SNAPSHOT }

    public WarehouseView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dayColumn, "dayColumn");
        Objects.requireNonNull(orderBy, "orderBy");
        if ((kind == Kind.DAILY) != dayColumn.isPresent()) {
            throw new IllegalArgumentException(name + ": a daily view needs a day column, a snapshot none");
        }
    }

    static WarehouseView daily(String name, String dayColumn, String orderBy) {
        return new WarehouseView(name, Kind.DAILY, Optional.of(dayColumn), orderBy);
    }

    static WarehouseView snapshot(String name, String orderBy) {
        return new WarehouseView(name, Kind.SNAPSHOT, Optional.empty(), orderBy);
    }

    /** Every view the export writes, in the order it writes them (docs/warehouse.md describes each column). */
    public static final List<WarehouseView> ALL = List.of(
            daily("dw_interactions", "offered_at", "offered_at, interaction_id"),
            daily("dw_interaction_segments", "interaction_offered_at", "interaction_offered_at, interaction_id, seq"),
            daily("dw_ivr_steps", "interaction_offered_at", "interaction_offered_at, interaction_id, seq"),
            daily("dw_agent_states", "started_at", "started_at, spell_id"),
            daily("dw_campaign_attempts", "placed_at", "placed_at, campaign_id, attempt_id"),
            daily("dw_quality_evaluations", "created_at", "created_at, evaluation_id"),
            snapshot("dw_campaigns", "campaign_id"),
            snapshot("dw_customer_scores", "customer_id, score_name"));

    public static WarehouseView named(String name) {
        return ALL.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no warehouse view " + name));
    }
}
