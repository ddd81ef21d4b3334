package cc.core.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What is stored of one closed day in the report zone: its queue, agent and IVR figures per 15 minutes (only the
 * slots where something happened), and, while its first-contact resolution is not settled, the answered calls a
 * later contact may still make repeats.
 *
 * @param start                 the day's local midnight
 * @param end                   the next one (23 or 25 hours later across a daylight-saving change)
 * @param computedAt            when the figures were computed
 * @param firstContactSettled   the repeat window of the day's last call had passed when they were computed, so its
 *                              first-contact resolution is final
 * @param openFirstContacts     empty once {@code firstContactSettled}
 */
public record DayTotals(LocalDate day, Instant start, Instant end, Instant computedAt, boolean firstContactSettled,
                        List<ReportRow<QueueFigures>> queues, List<ReportRow<AgentFigures>> agents,
                        List<IvrFigures> ivr, List<OpenFirstContact> openFirstContacts) {
    public DayTotals {
        Objects.requireNonNull(day, "day");
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        ivr = List.copyOf(ivr);
        openFirstContacts = List.copyOf(openFirstContacts);
    }

    /** The whole day in one bucket: the 15-minute rows summed per queue (what day, week and month reports read). */
    public List<ReportRow<QueueFigures>> queuesOfDay() {
        Map<String, QueueFigures> sums = new LinkedHashMap<>();
        queues.forEach(r -> sums.merge(r.subject(), r.figures(), QueueFigures::plus));
        List<ReportRow<QueueFigures>> out = new ArrayList<>();
        sums.forEach((q, f) -> out.add(new ReportRow<>(wholeDay(), q, f)));
        return out;
    }

    /** The whole day in one bucket: the 15-minute rows summed per agent. */
    public List<ReportRow<AgentFigures>> agentsOfDay() {
        Map<String, AgentFigures> sums = new LinkedHashMap<>();
        agents.forEach(r -> sums.merge(r.subject(), r.figures(), AgentFigures::plus));
        List<ReportRow<AgentFigures>> out = new ArrayList<>();
        sums.forEach((a, f) -> out.add(new ReportRow<>(wholeDay(), a, f)));
        return out;
    }

    /** The whole day in one bucket: IVR containment summed per flow and exit node. */
    public List<IvrFigures> ivrOfDay() {
        Map<List<String>, IvrFigures> sums = new LinkedHashMap<>();
        Bucket day = wholeDay();
        ivr.forEach(f -> sums.merge(List.of(f.flow(), f.exitNode()),
                new IvrFigures(day, f.flow(), f.exitNode(), f.contained(), f.hungUp()), IvrFigures::plus));
        return new ArrayList<>(sums.values());
    }

    private Bucket wholeDay() {
        return new Bucket(day.toString(), start, end);
    }
}
