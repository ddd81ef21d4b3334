package cc.core.contract;

import java.time.Duration;
import java.time.Instant;

/** What a totals run did: the days it stored (new or recomputed), the interactions it read, and how long it took. */
public record ReportTotalsComputed(Instant computedAt, int days, long interactions, Duration took) {}
