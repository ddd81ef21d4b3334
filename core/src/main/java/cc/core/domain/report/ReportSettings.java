package cc.core.domain.report;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How reports count.
 *
 * @param zone              the zone days, weeks and months are cut in ({@code reports.zone})
 * @param shortAbandon      callers who hung up sooner than this after entering a queue are short abandons: counted
 *                          apart and left out of the service level ({@code reports.shortAbandon})
 * @param repeatContactDays a call is resolved at first contact when the same customer (or, unidentified, the same
 *                          number) does not call again within this many days ({@code reports.repeatContactDays})
 * @param thresholds        each queue's service-level threshold (the ACD's {@code serviceLevelThreshold})
 * @param defaultThreshold  the threshold of a queue not in {@code thresholds} (one removed from the configuration)
 */
public record ReportSettings(ZoneId zone, Duration shortAbandon, int repeatContactDays,
                             Map<String, Duration> thresholds, Duration defaultThreshold) {
    public ReportSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        thresholds = Map.copyOf(thresholds);
        Objects.requireNonNull(defaultThreshold, "defaultThreshold");
        if (repeatContactDays < 0 || shortAbandon.isNegative()) {
            throw new IllegalArgumentException("repeatContactDays and shortAbandon must not be negative");
        }
    }

    public Duration thresholdOf(String queue) {
        return thresholds.getOrDefault(queue, defaultThreshold);
    }

    /** How far past a report's end calls must be read to know whether its last calls were repeated. */
    public Duration repeatWindow() {
        return Duration.ofDays(repeatContactDays);
    }
}
