package cc.warehouse.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which view-days a run writes or checks, from what was exported before. Only closed days count (before today in the
 * report zone), and only the last {@code catchUpDays} of them: a day written once is read again while it is in that
 * window, so a late disposition or survey answer reaches the files; older days are left as they are.
 */
public final class ExportPlan {
    private ExportPlan() {
    }

    /** The key of {@code done}: {@code view + "/" + day}. */
    public static String key(String view, LocalDate day) {
        return view + "/" + day;
    }

    /**
     * @param done what was exported, by {@link #key}
     * @return daily views oldest day first, then the snapshot views on the last closed day when not yet written
     */
    public static List<ExportStep> steps(List<WarehouseView> views, Instant now, ZoneId zone, int catchUpDays,
                                         ExportFormat format, Map<String, ExportedDay> done) {
        if (catchUpDays < 1) {
            throw new IllegalArgumentException("catchUpDays must be at least 1, was " + catchUpDays);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate yesterday = today.minusDays(1);
        List<ExportStep> steps = new ArrayList<>();
        for (WarehouseView view : views) {
            if (view.kind() == WarehouseView.Kind.DAILY) {
                for (LocalDate day = today.minusDays(catchUpDays); day.isBefore(today); day = day.plusDays(1)) {
                    steps.add(new ExportStep(view, day, previous(done, view, day, format)));
                }
            } else if (previous(done, view, yesterday, format).isEmpty()) {
                steps.add(new ExportStep(view, yesterday, Optional.empty()));
            }
        }
        return steps;
    }

    private static Optional<ExportedDay> previous(Map<String, ExportedDay> done, WarehouseView view, LocalDate day,
                                                  ExportFormat format) {
        return Optional.ofNullable(done.get(key(view.name(), day))).filter(d -> d.format() == format);
    }

    /** The first run time strictly after {@code now}: {@code hour}:00 in the zone, today or tomorrow. */
    public static Instant nextRun(Instant now, ZoneId zone, int hour) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant candidate = today.atTime(hour, 0).atZone(zone).toInstant();
        return candidate.isAfter(now) ? candidate : today.plusDays(1).atTime(hour, 0).atZone(zone).toInstant();
    }
}
