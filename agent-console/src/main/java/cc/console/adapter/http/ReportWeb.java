package cc.console.adapter.http;

import cc.console.domain.auth.AccessRules;
import cc.console.domain.i18n.PersianDigits;
import cc.core.app.report.ReportKinds;
import cc.core.app.report.ReportQuery;
import cc.core.app.report.Reports;
import cc.core.domain.calendar.JalaliDate;
import cc.core.domain.report.IvrFigures;
import cc.core.domain.report.QualityBy;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Historical reports for supervisors and admins: {@code GET /api/reports/queues} and {@code GET /api/reports/agents}
 * (see the OpenAPI document), as JSON made to be charted (one row per bucket and queue or agent, every bucket of the
 * range present) or, with {@code format=csv}, as a CSV download in the user's language.
 *
 * <p>{@code from} and {@code to} are days in the chosen calendar (Jalali dates for {@code calendar=jalali}), both
 * included, cut at midnight in the report zone ({@code reports.zone}).
 *
 * <p>Threading: handlers run on the HTTP server's event loops; the reports are read on the database's worker pool.
 */
public final class ReportWeb {
    private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})$");
    private static final int SUBJECT_LIMIT = 128;

    private final Reports reports;
    private final int maxDays;
    private Optional<PipelineWeb> pipeline = Optional.empty();

    /** @param maxDays the longest range one request may ask for ({@code reports.maxDays}) */
    public ReportWeb(Reports reports, int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1, was " + maxDays);
        }
        this.reports = reports;
        this.maxDays = maxDays;
    }

    /** Adds the sales pipeline report, {@code GET /api/reports/pipeline}. */
    public ReportWeb withPipeline(PipelineWeb web) {
        this.pipeline = Optional.of(web);
        return this;
    }

    void mount(Router router) {
        router.get("/api/reports/queues").handler(this::queues);
        router.get("/api/reports/agents").handler(this::agents);
        if (kinds != null) {
            router.get("/api/reports/skills").handler(this::skills);
            router.get("/api/reports/campaigns").handler(this::campaigns);
            router.get("/api/reports/quality").handler(this::quality);
        }
        pipeline.ifPresent(p -> p.mount(router));
    }

    /** The skill, campaign and quality reports; set before {@link #mount}. */
    private ReportKinds kinds;

    /** Serves the skill, campaign and quality reports too, with the same parameters, rights and shape. */
    public ReportWeb withKinds(ReportKinds kinds) {
        this.kinds = kinds;
        return this;
    }

    private void skills(RoutingContext rc) {
        ask(rc, "skill").ifPresent(asked -> kinds.skills(asked.query)
                .onSuccess(rows -> answer(rc, asked, "skills", ReportKindTable.skills(rows), new JsonObject()))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    private void campaigns(RoutingContext rc) {
        ask(rc, "campaign").ifPresent(asked -> kinds.campaigns(asked.query)
                .onSuccess(r -> answer(rc, asked, "campaigns", ReportKindTable.campaigns(r), new JsonObject()))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    /** {@code by=queue} (the default) or {@code by=agent}; one of them with {@code queue=} or {@code agent=}. */
    private void quality(RoutingContext rc) {
        String byText = param(rc, "by").orElse("queue");
        Optional<QualityBy> by = QualityBy.fromWireName(byText);
        ask(rc, by.orElse(QualityBy.QUEUE).wireName()).ifPresent(asked -> {
            if (by.isEmpty()) {
                ApiReplies.fail(rc, 400, "by must be queue or agent, was '" + byText + "'");
                return;
            }
            kinds.quality(asked.query, by.get()).onSuccess(rows -> answer(rc, asked, "quality-" + byText,
                    ReportKindTable.quality(rows, by.get()), new JsonObject().put("by", byText)))
                    .onFailure(e -> ApiReplies.error(rc, e));
        });
    }

    private void queues(RoutingContext rc) {
        // ?channel=voice|chat|email narrows the report to one channel's contacts; all (the default) is every channel
        String channelText = param(rc, "channel").orElse("all").toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("all", "voice", "chat", "email").contains(channelText)) {
            ApiReplies.fail(rc, 400, "channel must be voice, chat, email or all, was '" + channelText + "'");
            return;
        }
        Optional<cc.core.domain.interaction.InteractionChannel> channel = channelText.equals("all") ? Optional.empty()
                : Optional.of(cc.core.domain.interaction.InteractionChannel.valueOf(
                        channelText.toUpperCase(java.util.Locale.ROOT)));
        ask(rc, "queue").ifPresent(asked -> reports.queues(asked.query, channel).onSuccess(r -> {
            JsonArray ivr = new JsonArray();
            for (IvrFigures f : r.ivr()) {
                ivr.add(new JsonObject().put("bucket", f.bucket().label()).put("start", f.bucket().start().toString())
                        .put("end", f.bucket().end().toString()).put("flow", f.flow()).put("exitNode", f.exitNode())
                        .put("contained", f.contained()).put("hungUp", f.hungUp()));
            }
            answer(rc, asked, "queues", ReportTable.queues(r.rows()), new JsonObject().put("ivr", ivr));
        }).onFailure(e -> ApiReplies.error(rc, e)));
    }

    private void agents(RoutingContext rc) {
        ask(rc, "agent").ifPresent(asked -> reports.agents(asked.query)
                .onSuccess(r -> answer(rc, asked, "agents", ReportTable.agents(r.rows()), new JsonObject()))
                .onFailure(e -> ApiReplies.error(rc, e)));
    }

    /** The request, when the user may read reports and its parameters are good; otherwise it is answered here. */
    private Optional<Asked> ask(RoutingContext rc, String subjectParam) {
        if (!AccessRules.mayReadReports(SignInWeb.principal(rc))) {
            ApiReplies.fail(rc, 403, "reports are for supervisors and admins");
            return Optional.empty();
        }
        try {
            return Optional.of(parse(rc, subjectParam));
        } catch (BadParameter e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return Optional.empty();
        }
    }

    private void answer(RoutingContext rc, Asked asked, String kind, ReportTable t, JsonObject extra) {
        if (asked.csv) {
            String name = kind + "-" + asked.fromText + "-" + asked.toText + "-" + asked.query.interval().wireName()
                    + ".csv";
            rc.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .end(Buffer.buffer(ReportCsv.write(t, SignInWeb.principal(rc).language())));
            return;
        }
        JsonObject out = new JsonObject().put("from", asked.fromText).put("to", asked.toText)
                .put("interval", asked.query.interval().wireName()).put("calendar", asked.query.calendar().wireName())
                .put("zone", reports.settings().zone().getId()).put("columns", new JsonArray(t.columns()))
                .put("rows", new JsonArray(t.rows().stream().map(JsonObject::new).toList()));
        ApiReplies.json(rc, 200, out.mergeIn(extra));
    }

    private record Asked(ReportQuery query, String fromText, String toText, boolean csv) {}

    private static final class BadParameter extends Exception {
        BadParameter(String message) {
            super(message, null, false, false);
        }
    }

    private Asked parse(RoutingContext rc, String subjectParam) throws BadParameter {
        String intervalText = param(rc, "interval").orElse("day");
        ReportInterval interval = ReportInterval.fromWireName(intervalText).orElseThrow(() -> new BadParameter(
                "interval must be 15m, hour, day, week or month, was '" + intervalText + "'"));
        String calendarText = param(rc, "calendar").orElse("gregorian");
        ReportCalendar calendar = ReportCalendar.fromWireName(calendarText).orElseThrow(() -> new BadParameter(
                "calendar must be gregorian or jalali, was '" + calendarText + "'"));
        String format = param(rc, "format").orElse("json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw new BadParameter("format must be json or csv, was '" + format + "'");
        }
        String fromText = param(rc, "from").orElseThrow(() -> new BadParameter("from is required (YYYY-MM-DD)"));
        String toText = param(rc, "to").orElse(fromText);
        LocalDate from = day("from", fromText, calendar);
        LocalDate to = day("to", toText, calendar);
        if (to.isBefore(from)) {
            throw new BadParameter("to (" + toText + ") is before from (" + fromText + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > maxDays) {
            throw new BadParameter("to: the range is " + days + " days; at most " + maxDays + " (reports.maxDays)");
        }
        Optional<String> subject = param(rc, subjectParam);
        if (subject.isPresent() && subject.get().length() > SUBJECT_LIMIT) {
            throw new BadParameter(subjectParam + " is longer than " + SUBJECT_LIMIT + " characters");
        }
        ZoneId zone = reports.settings().zone();
        ReportQuery q = new ReportQuery(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone)
                .toInstant(), interval, calendar, subject);
        return new Asked(q, PersianDigits.toAscii(fromText), PersianDigits.toAscii(toText), format.equals("csv"));
    }

    private static Optional<String> param(RoutingContext rc, String name) {
        String v = rc.request().getParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** A day written in the calendar (Persian digits accepted), as a Gregorian date. */
    private static LocalDate day(String name, String text, ReportCalendar calendar) throws BadParameter {
        Matcher m = DATE.matcher(PersianDigits.toAscii(text));
        if (!m.matches()) {
            throw new BadParameter(name + " must be a date YYYY-MM-DD, was '" + text + "'");
        }
        int y = Integer.parseInt(m.group(1));
        int mo = Integer.parseInt(m.group(2));
        int d = Integer.parseInt(m.group(3));
        try {
            return calendar == ReportCalendar.JALALI ? JalaliDate.of(y, mo, d).toGregorian() : LocalDate.of(y, mo, d);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new BadParameter(name + " is not a " + calendar.wireName() + " date: '" + text + "'");
        }
    }
}
