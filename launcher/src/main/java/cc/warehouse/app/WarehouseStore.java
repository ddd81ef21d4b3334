package cc.warehouse.app;

import cc.warehouse.domain.ExportStep;
import cc.warehouse.domain.ExportedDay;
import io.vertx.core.Future;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** The warehouse's database side: the views' zone, the export log, and writing one view-day to its file. */
public interface WarehouseStore {

    /** Makes the views cut local dates in {@code zone} (the report zone). */
    Future<Void> useZone(ZoneId zone);

    /** What was exported, by {@link cc.warehouse.domain.ExportPlan#key}. */
    Future<Map<String, ExportedDay>> exported();

    /**
     * Reads the step's rows through a cursor; when the step has a previous export whose rows' checksum is the same,
     * writes nothing; else writes the file, publishes it and logs it.
     */
    Future<StepResult> export(ExportStep step, ZoneId zone, Instant now);

    /** What one step did. */
    record StepResult(ExportStep step, Outcome outcome, long rows) {
        public enum Outcome { WRITTEN, REWRITTEN, UNCHANGED }
    }
}
