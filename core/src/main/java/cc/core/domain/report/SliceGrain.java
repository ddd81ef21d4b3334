package cc.core.domain.report;

/**
 * How finely an aggregate query cuts time before a report adds its slices into buckets. Days (local midnight to
 * local midnight in the report zone) serve day, week and month buckets, which are whole days; 15-minute slices
 * serve 15-minute and hour buckets (every zone's offset is a whole number of quarter hours, so a slice never
 * straddles two buckets).
 */
public enum SliceGrain {
    QUARTER_HOUR, DAY;

    /** The coarsest grain that still fits inside every bucket of the interval. */
    public static SliceGrain of(ReportInterval interval) {
        return interval == ReportInterval.QUARTER_HOUR || interval == ReportInterval.HOUR ? QUARTER_HOUR : DAY;
    }
}
