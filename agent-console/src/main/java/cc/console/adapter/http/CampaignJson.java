package cc.console.adapter.http;

import cc.console.domain.i18n.PersianDigits;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignView;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ContactListIndex;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JSON shape of the dialer's contract records on the console's REST API. Only the shape is checked here (a
 * date is a date, money is a decimal string): what the values may be is the dialer's to decide, so the two cannot
 * disagree. A bad shape is an {@link IllegalArgumentException} naming the field. Money travels as a decimal string
 * beside its currency, never as a JSON number, so no amount passes through a float.
 */
final class CampaignJson {
    private CampaignJson() {}

    /** A campaign definition from a request body; {@code id} comes from the path. */
    static CampaignDefinition definition(String id, JsonObject b) {
        Map<String, Duration> retries = new TreeMap<>();
        JsonObject minutes = object(b, "retryDelayMinutes");
        for (String outcome : minutes.fieldNames()) {
            long m = wholeNumber(minutes, outcome, "retryDelayMinutes." + outcome);
            retries.put(outcome, Duration.ofMinutes(m));
        }
        Set<DayOfWeek> daysOff = new LinkedHashSet<>();
        for (String day : strings(b, "daysOff")) {
            try {
                daysOff.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("daysOff: '" + day + "' is not a day of the week such as FRIDAY");
            }
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        for (String day : strings(b, "holidays")) {
            holidays.add(date(day, "holidays"));
        }
        return new CampaignDefinition(id, text(b, "name"), strings(b, "listIds"), text(b, "mode"),
                date(text(b, "firstDay"), "firstDay"), date(text(b, "lastDay"), "lastDay"),
                time(text(b, "opens"), "opens"), time(text(b, "closes"), "closes"), daysOff, holidays, retries,
                (int) wholeNumber(b, "maxAttempts", "maxAttempts"), text(b, "currency"),
                money(b, "costPerDial"), money(b, "costPerMinute"), money(b, "revenuePerConversion"),
                text(b, "regulator"), (int) wholeNumber(b, "maxLines", "maxLines"), text(b, "queue"),
                text(b, "machineAction"), optionalText(b, "recording", CampaignDefinition.RECORDING_INHERIT));
    }

    static JsonObject definition(CampaignDefinition d) {
        JsonObject retries = new JsonObject();
        new TreeMap<>(d.retryDelays()).forEach((outcome, delay) -> retries.put(outcome, delay.toMinutes()));
        return new JsonObject().put("id", d.id()).put("name", d.name()).put("listIds", new JsonArray(d.listIds()))
                .put("mode", d.mode()).put("firstDay", String.valueOf(d.firstDay()))
                .put("lastDay", String.valueOf(d.lastDay())).put("opens", String.valueOf(d.opens()))
                .put("closes", String.valueOf(d.closes()))
                .put("daysOff", new JsonArray(d.daysOff().stream().sorted().map(DayOfWeek::name).toList()))
                .put("holidays", new JsonArray(d.holidays().stream().sorted().map(LocalDate::toString).toList()))
                .put("retryDelayMinutes", retries).put("maxAttempts", d.maxAttempts()).put("currency", d.currency())
                .put("costPerDial", plain(d.costPerDial())).put("costPerMinute", plain(d.costPerMinute()))
                .put("revenuePerConversion", plain(d.revenuePerConversion())).put("regulator", d.regulator())
                .put("maxLines", d.maxLines()).put("queue", d.queue()).put("machineAction", d.machineAction())
                .put("recording", d.recording());
    }

    static JsonObject view(CampaignView v) {
        return new JsonObject().put("id", v.definition().id()).put("definition", definition(v.definition()))
                .put("status", v.status()).put("contacts", v.contacts()).put("dialled", v.dialled())
                .put("inFlight", v.inFlight()).put("remaining", v.remaining())
                .put("abandonRateWindow", v.abandonRateWindow()).put("changedAt", v.changedAt().toString());
    }

    static JsonObject report(CampaignReport r) {
        return new JsonObject().put("campaignId", r.campaignId())
                .put("days", new JsonArray(r.days().stream().map(CampaignJson::day).toList()))
                .put("totals", totals(r.days()));
    }

    /**
     * The range as a whole: counts, talk per agent hour and money summed, ROI of the sums. No abandon rate: each
     * regulator defines its own window, and the days carry those. Money is summed only in one currency; a range
     * whose days differ (the campaign's currency was changed) has no money totals.
     */
    static JsonObject totals(List<CampaignReport.Day> days) {
        long dials = 0;
        long contacts = 0;
        long connected = 0;
        long abandoned = 0;
        long conversions = 0;
        double talkMinutes = 0;
        double agentHours = 0;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        Set<String> currencies = new LinkedHashSet<>();
        for (CampaignReport.Day d : days) {
            dials += d.dials();
            contacts += d.contacts();
            connected += d.connected();
            abandoned += d.abandoned();
            conversions += d.conversions();
            talkMinutes += d.talkMinutes();
            agentHours += d.agentHours();
            cost = cost.add(d.cost());
            revenue = revenue.add(d.revenue());
            currencies.add(d.currency());
        }
        JsonObject t = new JsonObject().put("days", days.size()).put("dials", dials).put("contacts", contacts)
                .put("connected", connected).put("abandoned", abandoned).put("conversions", conversions)
                .put("talkMinutes", talkMinutes).put("agentHours", agentHours)
                .put("talkMinutesPerAgentHour", agentHours > 0 ? talkMinutes / agentHours : 0.0);
        if (currencies.size() == 1) {
            t.put("currency", currencies.iterator().next()).put("cost", plain(cost)).put("revenue", plain(revenue))
                    .put("roi", cost.signum() == 0 ? null
                            : plain(revenue.subtract(cost).divide(cost, 4, RoundingMode.HALF_EVEN)));
        } else {
            t.put("currency", null).put("cost", null).put("revenue", null).put("roi", null);
        }
        return t;
    }

    private static JsonObject day(CampaignReport.Day d) {
        return new JsonObject().put("day", d.day().toString()).put("dials", d.dials()).put("contacts", d.contacts())
                .put("connected", d.connected()).put("abandoned", d.abandoned())
                .put("amdFalsePositives", d.amdFalsePositives()).put("abandonRateUsDay", d.abandonRateUsDay())
                .put("abandonRateUs30Days", d.abandonRateUs30Days()).put("abandonRateUkDay", d.abandonRateUkDay())
                .put("talkMinutes", d.talkMinutes()).put("agentHours", d.agentHours())
                .put("talkMinutesPerAgentHour", d.talkMinutesPerAgentHour()).put("conversions", d.conversions())
                .put("currency", d.currency()).put("cost", plain(d.cost())).put("revenue", plain(d.revenue()))
                .put("roi", d.roi().map(CampaignJson::plain).orElse(null));
    }

    static BuildSegmentList segment(JsonObject b, String byUser) {
        List<BuildSegmentList.Condition> conditions = new ArrayList<>();
        JsonArray rows = array(b, "conditions");
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.getValue(i) instanceof JsonObject c)) {
                throw new IllegalArgumentException("conditions[" + i + "]: must be an object with field, operator, value");
            }
            String where = "conditions[" + i + "].";
            conditions.add(new BuildSegmentList.Condition(text(c, "field", where + "field"),
                    text(c, "operator", where + "operator"),
                    PersianDigits.toAscii(text(c, "value", where + "value"))));
        }
        long limit = b.containsKey("limit") ? wholeNumber(b, "limit", "limit") : 0;
        Object preview = b.getValue("preview", false);
        if (!(preview instanceof Boolean p)) {
            throw new IllegalArgumentException("preview: must be true or false");
        }
        return new BuildSegmentList(text(b, "listId"), text(b, "name"), conditions, (int) limit, p, byUser);
    }

    static JsonObject built(ContactListBuilt c) {
        return new JsonObject().put("listId", c.listId()).put("name", c.name()).put("saved", c.saved())
                .put("rows", c.rows()).put("accepted", c.accepted()).put("duplicates", c.duplicates())
                .put("problems", new JsonArray(c.problems().stream().map(p -> new JsonObject().put("line", p.line())
                        .put("reason", p.reason()).put("row", p.row())).toList()))
                .put("sample", new JsonArray(c.sample()));
    }

    static JsonObject index(ContactListIndex i) {
        return new JsonObject().put("lists", new JsonArray(i.lists().stream().map(e -> new JsonObject()
                .put("listId", e.listId()).put("name", e.name()).put("source", e.source())
                .put("contacts", e.contacts()).put("createdAt", e.createdAt().toString())
                .put("createdBy", e.createdBy())).toList()));
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(PersianDigits.toAscii(value.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a date such as 2026-11-23");
        }
    }

    private static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(PersianDigits.toAscii(value.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a time such as 09:00");
        }
    }

    private static BigDecimal money(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(field + ": send money as a decimal string such as \"1500.50\"");
        }
        try {
            return new BigDecimal(PersianDigits.toAscii(s.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + s + "' is not a decimal amount");
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String text(JsonObject b, String field) {
        return text(b, field, field);
    }

    private static String text(JsonObject b, String key, String field) {
        Object v = b.getValue(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(field + ": required, as text");
        }
        return s.strip();
    }

    /** A text field a client may leave out (written before the field existed): then {@code absent}. */
    private static String optionalText(JsonObject b, String field, String absent) {
        return b.getValue(field) == null ? absent : text(b, field);
    }

    private static long wholeNumber(JsonObject b, String key, String field) {
        Object v = b.getValue(key);
        if (v instanceof String s) {
            try {
                return Long.parseLong(PersianDigits.toAscii(s.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + s + "' is not a whole number");
            }
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.longValue();
        }
        throw new IllegalArgumentException(field + ": required, as a whole number");
    }

    private static JsonObject object(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v == null) {
            return new JsonObject();
        }
        if (!(v instanceof JsonObject o)) {
            throw new IllegalArgumentException(field + ": must be an object");
        }
        return o;
    }

    private static JsonArray array(JsonObject b, String field) {
        Object v = b.getValue(field);
        if (v == null) {
            return new JsonArray();
        }
        if (!(v instanceof JsonArray a)) {
            throw new IllegalArgumentException(field + ": must be a list");
        }
        return a;
    }

    private static List<String> strings(JsonObject b, String field) {
        JsonArray a = array(b, field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof String s)) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be text");
            }
            out.add(s.strip());
        }
        return out;
    }
}
