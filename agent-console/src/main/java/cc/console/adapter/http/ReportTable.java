package cc.console.adapter.http;

import cc.core.domain.report.AgentFigures;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A report as named columns of values, the one shape both the JSON and the CSV answers are written from, so they
 * cannot disagree. Durations are seconds, ratios 0..1; a figure with no base (a service level with no calls) is null.
 *
 * @param columns the column keys in order (the JSON field names)
 * @param rows    each row's values by column key
 */
record ReportTable(List<String> columns, List<Map<String, Object>> rows) {
    static final List<String> AGENT_STATES = List.of("available", "reserved", "ringing", "on-call", "wrap-up",
            "paused", "logged-out");

    static ReportTable queues(List<ReportRow<QueueFigures>> rows) {
        List<String> columns = List.of("bucket", "start", "end", "queue", "offered", "answered",
                "answeredInThreshold", "abandoned", "shortAbandoned", "overflowed", "serviceLevel",
                "averageSpeedOfAnswer", "averageHandleTime", "averageTalk", "averageHold", "averageWrapUp",
                "talkSeconds", "holdSeconds", "wrapUpSeconds", "transfersOut", "firstContactResolution");
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportRow<QueueFigures> r : rows) {
            QueueFigures f = r.figures();
            Map<String, Object> m = head(r, "queue");
            m.put("offered", f.offered());
            m.put("answered", f.answered());
            m.put("answeredInThreshold", f.answeredInThreshold());
            m.put("abandoned", f.abandoned());
            m.put("shortAbandoned", f.shortAbandoned());
            m.put("overflowed", f.overflowed());
            m.put("serviceLevel", ratio(f.serviceLevel()));
            m.put("averageSpeedOfAnswer", seconds(f.averageSpeedOfAnswer()));
            m.put("averageHandleTime", seconds(f.averageHandleTime()));
            m.put("averageTalk", seconds(f.averageTalk()));
            m.put("averageHold", seconds(f.averageHold()));
            m.put("averageWrapUp", seconds(f.averageWrapUp()));
            m.put("talkSeconds", seconds(f.talk()));
            m.put("holdSeconds", seconds(f.hold()));
            m.put("wrapUpSeconds", seconds(f.wrapUp()));
            m.put("transfersOut", f.transfersOut());
            m.put("firstContactResolution", ratio(f.firstContactResolution()));
            out.add(m);
        }
        return new ReportTable(columns, out);
    }

    /**
     * Agent rows; time per state in columns {@code state:<state>} and per pause reason in {@code pause:<reason>}
     * (one for each reason found in the range), so a table or CSV has the same columns on every row.
     */
    static ReportTable agents(List<ReportRow<AgentFigures>> rows) {
        List<String> columns = new ArrayList<>(List.of("bucket", "start", "end", "agent", "callsHandled",
                "talkSeconds", "holdSeconds", "wrapUpSeconds", "transfers", "loggedInSeconds", "staffedSeconds",
                "occupancy", "utilisation"));
        TreeSet<String> reasons = new TreeSet<>();
        rows.forEach(r -> reasons.addAll(r.figures().pauseReasons().keySet()));
        AGENT_STATES.forEach(s -> columns.add("state:" + s));
        reasons.forEach(s -> columns.add("pause:" + s));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportRow<AgentFigures> r : rows) {
            AgentFigures f = r.figures();
            Map<String, Object> m = head(r, "agent");
            m.put("callsHandled", f.callsHandled());
            m.put("talkSeconds", seconds(f.talk()));
            m.put("holdSeconds", seconds(f.hold()));
            m.put("wrapUpSeconds", seconds(f.wrapUp()));
            m.put("transfers", f.transfers());
            m.put("loggedInSeconds", seconds(f.loggedIn()));
            m.put("staffedSeconds", seconds(f.staffed()));
            m.put("occupancy", ratio(f.occupancy()));
            m.put("utilisation", ratio(f.utilisation()));
            AGENT_STATES.forEach(s -> m.put("state:" + s, seconds(f.timeInState().getOrDefault(s, Duration.ZERO))));
            reasons.forEach(s -> m.put("pause:" + s, seconds(f.pauseReasons().getOrDefault(s, Duration.ZERO))));
            out.add(m);
        }
        return new ReportTable(columns, out);
    }

    /** A row's bucket (label, start, end) and subject, the first columns of every report kind. */
    static Map<String, Object> head(ReportRow<?> r, String subjectKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", r.bucket().label());
        m.put("start", r.bucket().start().toString());
        m.put("end", r.bucket().end().toString());
        m.put(subjectKey, r.subject());
        return m;
    }

    /** A ratio to four places; null where it has no base. */
    static Double ratio(Optional<Double> value) {
        return value.map(v -> Math.round(v * 10_000) / 10_000.0).orElse(null);
    }

    static Double seconds(Optional<Duration> value) {
        return value.map(ReportTable::seconds).orElse(null);
    }

    /** Seconds to a tenth. */
    static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
