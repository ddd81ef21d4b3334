package cc.core.app.report;

import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report is asked for.
 *
 * @param from    the range's start (a local midnight in the report zone)
 * @param to      its end, exclusive
 * @param subject one queue or agent, or empty for all
 */
public record ReportQuery(Instant from, Instant to, ReportInterval interval, ReportCalendar calendar,
                          Optional<String> subject) {
    public ReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(subject, "subject");
    }
}
