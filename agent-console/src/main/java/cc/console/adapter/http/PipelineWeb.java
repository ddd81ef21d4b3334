package cc.console.adapter.http;

import cc.console.domain.auth.AccessRules;
import cc.console.domain.i18n.PersianDigits;
import cc.core.app.sales.PipelineReports;
import cc.core.domain.calendar.JalaliDate;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.sales.PipelineReport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sales pipeline report for supervisors and admins: {@code GET /api/reports/pipeline?from=&to=&calendar=}, the
 * open pipeline as of now and what was won and lost in the days {@code from} to {@code to} (both included, in the
 * chosen calendar, cut at midnight in {@code reports.zone}), as JSON (amounts as exact decimal strings) or, with {@code format=csv&part=<table>}, one of
 * its tables as a CSV download in the user's language.
 *
 * <p>Threading: handlers on the HTTP server's event loops; the facts are read on the database's worker pool.
 */
public final class PipelineWeb {
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");

    private final PipelineReports reports;
    private final ZoneId zone;
    private final int maxDays;

    /**
     * @param zone    where days are cut ({@code reports.zone})
     * @param maxDays the longest range one request may ask for ({@code reports.maxDays})
     */
    public PipelineWeb(PipelineReports reports, ZoneId zone, int maxDays) {
        this.reports = reports;
        this.zone = zone;
        this.maxDays = maxDays;
    }

    void mount(Router router) {
        router.get("/api/reports/pipeline").handler(this::pipeline);
    }

    private void pipeline(RoutingContext rc) {
        if (!AccessRules.mayReadReports(SignInWeb.principal(rc))) {
            ApiReplies.fail(rc, 403, "reports are for supervisors and admins");
            return;
        }
        String calendarText = param(rc, "calendar").orElse("gregorian");
        Optional<ReportCalendar> calendar = ReportCalendar.fromWireName(calendarText);
        String format = param(rc, "format").orElse("json");
        String part = param(rc, "part").orElse("open");
        Optional<String> fromText = param(rc, "from").map(PersianDigits::toAscii);
        String problem = calendar.isEmpty() ? "calendar must be gregorian or jalali, was '" + calendarText + "'"
                : !format.equals("json") && !format.equals("csv") ? "format must be json or csv, was '" + format + "'"
                : !PipelineTables.PARTS.contains(part) ? "part must be one of " + PipelineTables.PARTS + ", was '"
                        + part + "'"
                : fromText.isEmpty() ? "from is required (YYYY-MM-DD)" : null;
        if (problem != null) {
            ApiReplies.fail(rc, 400, problem);
            return;
        }
        String toText = param(rc, "to").map(PersianDigits::toAscii).orElse(fromText.get());
        Optional<LocalDate> from = day(fromText.get(), calendar.get());
        Optional<LocalDate> to = day(toText, calendar.get());
        if (from.isEmpty() || to.isEmpty()) {
            ApiReplies.fail(rc, 400, (from.isEmpty() ? "from" : "to") + " must be a " + calendarText
                    + " date YYYY-MM-DD, was '" + (from.isEmpty() ? fromText.get() : toText) + "'");
            return;
        }
        if (to.get().isBefore(from.get())) {
            ApiReplies.fail(rc, 400, "to (" + toText + ") is before from (" + fromText.get() + ")");
            return;
        }
        long days = ChronoUnit.DAYS.between(from.get(), to.get()) + 1;
        if (days > maxDays) {
            ApiReplies.fail(rc, 400, "to: the range is " + days + " days; at most " + maxDays + " (reports.maxDays)");
            return;
        }
        boolean csv = format.equals("csv");
        reports.report(from.get().atStartOfDay(zone).toInstant(), to.get().plusDays(1).atStartOfDay(zone).toInstant())
                .onSuccess(r -> {
                    if (csv) {
                        String language = SignInWeb.principal(rc).language();
                        String name = "pipeline-" + part + "-" + fromText.get() + "-" + toText + ".csv";
                        rc.response().setStatusCode(200)
                                .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                                .end(Buffer.buffer(PipelineTables.csv(PipelineTables.table(part, r,
                                        reports.settings(), language), "fa".equals(language))));
                    } else {
                        ApiReplies.json(rc, 200, json(r).put("from", fromText.get()).put("to", toText)
                                .put("calendar", calendar.get().wireName()).put("zone", zone.getId()));
                    }
                }).onFailure(e -> ApiReplies.error(rc, e));
    }

    private JsonObject json(PipelineReport r) {
        JsonObject out = new JsonObject().put("asOf", r.asOf().toString())
                .put("settings", OpportunityWeb.settings(reports.settings()));
        for (String part : PipelineTables.PARTS) {
            ReportTable t = PipelineTables.table(part, r, reports.settings(), null);
            out.put(part, new JsonObject().put("columns", new JsonArray(t.columns()))
                    .put("rows", new JsonArray(t.rows().stream().map(PipelineWeb::exact).toList())));
        }
        PipelineReport.Outcome o = r.outcome();
        return out.put("outcome", new JsonObject().put("won", o.won()).put("lost", o.lost())
                .put("winRate", o.winRate().map(v -> Math.round(v * 10_000) / 10_000.0).orElse(null))
                .put("averageCycleDays", o.averageCycle().map(PipelineWeb::days).orElse(null))
                .put("averageWonCycleDays", o.averageWonCycle().map(PipelineWeb::days).orElse(null)));
    }

    /** A row with its amounts as exact decimal strings (as the pop's opportunities have them): no binary rounding. */
    private static JsonObject exact(java.util.Map<String, Object> row) {
        JsonObject o = new JsonObject();
        row.forEach((k, v) -> o.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : v));
        return o;
    }

    private static double days(Duration d) {
        return Math.round(d.toMinutes() / 144.0) / 10.0;
    }

    private static Optional<String> param(RoutingContext rc, String name) {
        String v = rc.request().getParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static Optional<LocalDate> day(String text, ReportCalendar calendar) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        try {
            return Optional.of(calendar == ReportCalendar.JALALI ? JalaliDate.of(y, mo, d).toGregorian()
                    : LocalDate.of(y, mo, d));
        } catch (DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
