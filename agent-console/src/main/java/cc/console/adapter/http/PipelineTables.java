package cc.console.adapter.http;

import cc.core.domain.sales.PipelineReport;
import cc.core.domain.sales.SalesSettings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline report as named tables ({@link ReportTable}), the one shape its JSON and its CSV downloads are written
 * from: {@code open} (by stage, owner, product and currency), {@code stages} (by stage and currency), {@code closed}
 * (won and lost by owner and currency), {@code reasons} (lost by reason and currency), {@code effort} (per
 * opportunity) and {@code owners} (per sales agent). Amounts are exact decimals, always beside their currency;
 * ratios 0..1, times in seconds.
 */
final class PipelineTables {
    static final List<String> PARTS = List.of("open", "stages", "closed", "reasons", "effort", "owners");
    private static final Map<String, String[]> HEADERS = Map.ofEntries(
            Map.entry("stage", new String[]{"Stage", "مرحله"}),
            Map.entry("owner", new String[]{"Owner", "مسئول"}),
            Map.entry("product", new String[]{"Product", "محصول"}),
            Map.entry("currency", new String[]{"Currency", "ارز"}),
            Map.entry("count", new String[]{"Opportunities", "فرصت‌ها"}),
            Map.entry("amount", new String[]{"Amount", "مبلغ"}),
            Map.entry("weighted", new String[]{"Weighted amount", "مبلغ وزن‌دار"}),
            Map.entry("won", new String[]{"Won", "برده"}),
            Map.entry("wonAmount", new String[]{"Won amount", "مبلغ برده"}),
            Map.entry("lost", new String[]{"Lost", "باخته"}),
            Map.entry("lostAmount", new String[]{"Lost amount", "مبلغ باخته"}),
            Map.entry("reason", new String[]{"Lost reason", "دلیل از دست رفتن"}),
            Map.entry("id", new String[]{"Id", "شناسه"}),
            Map.entry("title", new String[]{"Title", "عنوان"}),
            Map.entry("customerId", new String[]{"Customer", "مشتری"}),
            Map.entry("contacts", new String[]{"Contacts", "تماس‌ها"}),
            Map.entry("talkSeconds", new String[]{"Talk (s)", "مکالمه (ثانیه)"}),
            Map.entry("open", new String[]{"Open", "باز"}),
            Map.entry("winRate", new String[]{"Win rate %", "نرخ برد ٪"}));

    private PipelineTables() {}

    /**
     * @param language {@code fa} or {@code en}: stages and reasons by their names in it (the CSV); null: by their
     *                 codes (the JSON, whose reader names them)
     */
    static ReportTable table(String part, PipelineReport r, SalesSettings s, String language) {
        return switch (part) {
            case "open" -> table(List.of("stage", "owner", "product", "currency", "count", "amount", "weighted"),
                    r.open().stream().map(o -> row("stage", stage(s, o.stage(), language), "owner", o.owner(), "product",
                            o.product(), "currency", o.currency(), "count", o.money().count(), "amount",
                            o.money().amount(), "weighted", o.money().weighted())).toList());
            case "stages" -> table(List.of("stage", "currency", "count", "amount", "weighted"),
                    r.openByStage().stream().map(o -> row("stage", stage(s, o.stage(), language), "currency", o.currency(),
                            "count", o.money().count(), "amount", o.money().amount(), "weighted",
                            o.money().weighted())).toList());
            case "closed" -> table(List.of("owner", "currency", "won", "wonAmount", "lost", "lostAmount"),
                    r.closed().stream().map(c -> row("owner", c.owner(), "currency", c.currency(), "won", c.won(),
                            "wonAmount", c.wonAmount(), "lost", c.lost(), "lostAmount", c.lostAmount())).toList());
            case "reasons" -> table(List.of("reason", "currency", "count", "amount"),
                    r.lostReasons().stream().map(c -> row("reason", reason(s, c.reason(), language), "currency",
                            c.currency(), "count", c.count(), "amount", c.amount())).toList());
            case "effort" -> table(List.of("id", "title", "owner", "customerId", "stage", "currency", "amount",
                            "contacts", "talkSeconds"),
                    r.effort().stream().map(e -> row("id", e.id(), "title", e.title(), "owner", e.owner(),
                            "customerId", e.customerId(), "stage", stage(s, e.stage(), language), "currency", e.currency(),
                            "amount", e.amount(), "contacts", e.contacts(), "talkSeconds", seconds(e.talk()))).toList());
            case "owners" -> table(List.of("owner", "open", "won", "lost", "winRate", "contacts", "talkSeconds"),
                    r.owners().stream().map(o -> row("owner", o.owner(), "open", o.open(), "won", o.won(), "lost",
                            o.lost(), "winRate", ratio(o.winRate()), "contacts", o.contacts(), "talkSeconds",
                            seconds(o.talk()))).toList());
            default -> throw new IllegalArgumentException("part must be one of " + PARTS + ", was '" + part + "'");
        };
    }

    /** A stage's name in the reader's language (won and lost too); a stage no longer configured as its code. */
    static String stage(SalesSettings s, String code, String language) {
        if (language == null) {
            return code;
        }
        boolean fa = language.equals("fa");
        if (code.equals("won")) {
            return fa ? "برده" : "Won";
        }
        if (code.equals("lost")) {
            return fa ? "باخته" : "Lost";
        }
        return s.stage(code).map(st -> fa ? st.fa() : st.en()).orElse(code);
    }

    static String reason(SalesSettings s, String code, String language) {
        return language == null ? code : s.lostReason(code).map(r -> language.equals("fa") ? r.fa() : r.en())
                .orElse(code);
    }

    /** UTF-8 with a byte-order mark, CRLF, headers in the reader's language: as {@link ReportCsv}, for Excel. */
    static byte[] csv(ReportTable t, boolean fa) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.columns().size(); i++) {
            String[] h = HEADERS.get(t.columns().get(i));
            out.append(i == 0 ? "" : ",").append(ReportCsv.cell(h == null ? t.columns().get(i) : h[fa ? 1 : 0]));
        }
        out.append("\r\n");
        for (Map<String, Object> row : t.rows()) {
            for (int i = 0; i < t.columns().size(); i++) {
                out.append(i == 0 ? "" : ",").append(value(t.columns().get(i), row.get(t.columns().get(i))));
            }
            out.append("\r\n");
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[ReportCsv.BOM.length + body.length];
        System.arraycopy(ReportCsv.BOM, 0, all, 0, ReportCsv.BOM.length);
        System.arraycopy(body, 0, all, ReportCsv.BOM.length, body.length);
        return all;
    }

    private static String value(String key, Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Double d) {
            double shown = key.equals("winRate") ? Math.round(d * 1000) / 10.0 : d;
            return shown == Math.rint(shown) ? String.valueOf((long) shown) : String.format(Locale.ROOT, "%s", shown);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        String s = v.toString();
        // a title or product a spreadsheet would take for a formula is written as text
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return ReportCsv.cell(s);
    }

    private static ReportTable table(List<String> columns, List<Map<String, Object>> rows) {
        return new ReportTable(columns, rows);
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            m.put((String) keysAndValues[i], v instanceof BigDecimal d ? d.stripTrailingZeros() : v);
        }
        return m;
    }

    private static Double ratio(Optional<Double> value) {
        return value.map(v -> Math.round(v * 10_000) / 10_000.0).orElse(null);
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
