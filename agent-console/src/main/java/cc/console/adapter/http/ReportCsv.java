package cc.console.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as CSV that Excel opens as it is, Persian text included: UTF-8 with a byte-order mark (without it Excel
 * reads the file in the machine's ANSI code page and Persian turns to mojibake), CRLF line ends and RFC 4180
 * quoting, header names in the user's language, ratios as percentages. Text cells that a spreadsheet would take for
 * a formula get a leading apostrophe, so a queue or reason named {@code =cmd|...} cannot run anything.
 */
final class ReportCsv {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Map<String, String[]> HEADERS = Map.ofEntries(
            Map.entry("bucket", new String[]{"Period", "بازه"}),
            Map.entry("start", new String[]{"Start", "شروع"}),
            Map.entry("end", new String[]{"End", "پایان"}),
            Map.entry("queue", new String[]{"Queue", "صف"}),
            Map.entry("agent", new String[]{"Agent", "کارشناس"}),
            Map.entry("offered", new String[]{"Offered", "تماس‌های ورودی"}),
            Map.entry("answered", new String[]{"Answered", "پاسخ داده شده"}),
            Map.entry("answeredInThreshold", new String[]{"Answered in threshold", "پاسخ در آستانه"}),
            Map.entry("abandoned", new String[]{"Abandoned", "رها شده"}),
            Map.entry("shortAbandoned", new String[]{"Short abandons", "رهاشده‌های کوتاه"}),
            Map.entry("overflowed", new String[]{"Overflowed", "سرریز"}),
            Map.entry("serviceLevel", new String[]{"Service level %", "سطح خدمت ٪"}),
            Map.entry("averageSpeedOfAnswer", new String[]{"Average speed of answer (s)", "میانگین زمان پاسخ (ثانیه)"}),
            Map.entry("averageHandleTime", new String[]{"Average handle time (s)", "میانگین زمان رسیدگی (ثانیه)"}),
            Map.entry("averageTalk", new String[]{"Average talk (s)", "میانگین مکالمه (ثانیه)"}),
            Map.entry("averageHold", new String[]{"Average hold (s)", "میانگین انتظار روی خط (ثانیه)"}),
            Map.entry("averageWrapUp", new String[]{"Average wrap-up (s)", "میانگین جمع‌بندی (ثانیه)"}),
            Map.entry("talkSeconds", new String[]{"Talk (s)", "مکالمه (ثانیه)"}),
            Map.entry("holdSeconds", new String[]{"Hold (s)", "انتظار روی خط (ثانیه)"}),
            Map.entry("wrapUpSeconds", new String[]{"Wrap-up (s)", "جمع‌بندی (ثانیه)"}),
            Map.entry("transfersOut", new String[]{"Transfers out", "انتقال‌ها"}),
            Map.entry("transfers", new String[]{"Transfers", "انتقال‌ها"}),
            Map.entry("firstContactResolution", new String[]{"First-contact resolution %", "حل در اولین تماس ٪"}),
            Map.entry("callsHandled", new String[]{"Calls handled", "تماس‌های رسیدگی شده"}),
            Map.entry("loggedInSeconds", new String[]{"Logged in (s)", "حضور در سامانه (ثانیه)"}),
            Map.entry("staffedSeconds", new String[]{"Staffed (s)", "آماده به کار (ثانیه)"}),
            Map.entry("occupancy", new String[]{"Occupancy %", "اشغال ٪"}),
            Map.entry("utilisation", new String[]{"Utilisation %", "بهره‌وری ٪"}),
            Map.entry("state:available", new String[]{"Available (s)", "آزاد (ثانیه)"}),
            Map.entry("state:reserved", new String[]{"Reserved (s)", "رزرو شده (ثانیه)"}),
            Map.entry("state:ringing", new String[]{"Ringing (s)", "در حال زنگ (ثانیه)"}),
            Map.entry("state:on-call", new String[]{"On a call (s)", "در مکالمه (ثانیه)"}),
            Map.entry("state:wrap-up", new String[]{"In wrap-up (s)", "در جمع‌بندی (ثانیه)"}),
            Map.entry("state:paused", new String[]{"Paused (s)", "مکث (ثانیه)"}),
            Map.entry("state:logged-out", new String[]{"Logged out (s)", "خارج از سامانه (ثانیه)"}));
    private static final List<String> PERCENT = List.of("serviceLevel", "firstContactResolution", "occupancy",
            "utilisation");

    private ReportCsv() {}

    static byte[] write(ReportTable table, String language) {
        boolean fa = "fa".equals(language);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            out.append(i == 0 ? "" : ",").append(cell(header(table.columns().get(i), fa)));
        }
        out.append("\r\n");
        for (Map<String, Object> row : table.rows()) {
            for (int i = 0; i < table.columns().size(); i++) {
                String key = table.columns().get(i);
                out.append(i == 0 ? "" : ",").append(value(key, row.get(key)));
            }
            out.append("\r\n");
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    static String header(String key, boolean fa) {
        String[] names = HEADERS.get(key);
        if (names != null) {
            return names[fa ? 1 : 0];
        }
        String kinds = ReportKindTable.header(key, fa);
        if (kinds != null) {
            return kinds;
        }
        if (key.startsWith("pause:")) {
            return (fa ? "مکث: " : "Paused: ") + key.substring("pause:".length()) + (fa ? " (ثانیه)" : " (s)");
        }
        return key;
    }

    private static String value(String key, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            boolean percent = PERCENT.contains(key) || ReportKindTable.PERCENT.contains(key);
            double shown = percent ? Math.round(d * 1000) / 10.0 : d;
            return shown == Math.rint(shown) ? String.valueOf((long) shown) : String.format(Locale.ROOT, "%s", shown);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return cell(s);
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
