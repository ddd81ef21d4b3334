package cc.core.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which days get stored totals, and when they are computed again.
 *
 * <p>A day is closed {@code settleAfter} past its end in the report zone: by then the calls offered that day have
 * ended and been written (a call longer than that is counted as it stood). A stored day is computed again on each
 * run while its first-contact resolution is not settled (its repeat window, plus {@code settleAfter}, had not passed
 * when it was computed) or when it was cut in another zone; so late changes within a day's repeat window reach its
 * totals at the next run. Reports never read such a day's resolution stale: they take its still-open answered calls
 * back and match them against the contacts written since ({@link QueueReport#addOpenFirstContact}).
 *
 * @param settleAfter how long after a day's end it is closed
 * @param catchUpDays how far back a run looks for days without totals (the first run after an upgrade fills them)
 * @param chunkDays   the most days one pass of the engine covers (memory: a tally per 15 minutes of them)
 */
public record TotalsPolicy(Duration settleAfter, int catchUpDays, int chunkDays) {
    public TotalsPolicy {
        Objects.requireNonNull(settleAfter, "settleAfter");
        if (settleAfter.isNegative() || catchUpDays < 1 || chunkDays < 1) {
            throw new IllegalArgumentException("settleAfter must not be negative, catchUpDays and chunkDays positive");
        }
    }

    /** The last day closed at {@code now} in {@code zone}. */
    public LocalDate lastClosedDay(ZoneId zone, Instant now) {
        LocalDate day = now.minus(settleAfter).atZone(zone).toLocalDate().minusDays(1);
        while (!day.plusDays(2).atStartOfDay(zone).toInstant().plus(settleAfter).isAfter(now)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * The days of {@code [first, last]} to compute, as runs of consecutive days of at most {@code chunkDays}: those
     * without totals, cut in another zone, or not settled.
     */
    public List<List<LocalDate>> toCompute(LocalDate first, LocalDate last, Map<LocalDate, StoredDay> stored,
                                           ZoneId zone) {
        List<List<LocalDate>> out = new ArrayList<>();
        List<LocalDate> run = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            StoredDay s = stored.get(d);
            boolean due = s == null || !s.zone().equals(zone) || !s.firstContactSettled();
            if (due && (run.isEmpty() || run.get(run.size() - 1).plusDays(1).equals(d)) && run.size() < chunkDays) {
                run.add(d);
                continue;
            }
            if (!run.isEmpty()) {
                out.add(run);
                run = new ArrayList<>();
            }
            if (due) {
                run.add(d);
            }
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }
}
