package cc.console.adapter.http;

import cc.core.domain.report.CampaignFigures;
import cc.core.domain.report.CampaignRows;
import cc.core.domain.report.CampaignTerms;
import cc.core.domain.report.QualityBy;
import cc.core.domain.report.QualityFigures;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportRow;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The skill, campaign and quality reports as a {@link ReportTable} (the shape JSON and CSV are both written from),
 * with their columns' names in English and Persian for the CSV. Durations are seconds, ratios 0..1, money in the
 * row's own currency (each campaign's row is priced in its campaign's currency; no total adds two currencies).
 */
final class ReportKindTable {
    static final List<String> PERCENT = List.of("abandonRate", "abandonRateUk", "connectRate", "conversionRate",
            "roi", "criticalFailureRate");
    private static final Map<String, String[]> HEADERS = Map.ofEntries(
            Map.entry("skill", new String[]{"Skill", "مهارت"}),
            Map.entry("campaign", new String[]{"Campaign", "کمپین"}),
            Map.entry("campaignName", new String[]{"Campaign name", "نام کمپین"}),
            Map.entry("dials", new String[]{"Dials", "شماره‌گیری‌ها"}),
            Map.entry("contacts", new String[]{"Reached a person", "پاسخ فرد"}),
            Map.entry("connected", new String[]{"Answered by an agent", "وصل به کارشناس"}),
            Map.entry("machines", new String[]{"Machines", "پیغام‌گیر"}),
            Map.entry("amdFalsePositives", new String[]{"AMD false positives", "تشخیص نادرست پیغام‌گیر"}),
            Map.entry("noAnswer", new String[]{"No answer", "بی‌پاسخ"}),
            Map.entry("busy", new String[]{"Busy", "اشغال"}),
            Map.entry("failed", new String[]{"Failed", "ناموفق"}),
            Map.entry("skipped", new String[]{"Not dialled", "شماره‌گیری نشده"}),
            Map.entry("abandonRate", new String[]{"Abandon rate %", "نرخ رهاشدگی ٪"}),
            Map.entry("abandonRateUk", new String[]{"Abandon rate, Ofcom %", "نرخ رهاشدگی، آفکام ٪"}),
            Map.entry("connectRate", new String[]{"Connect rate %", "نرخ اتصال ٪"}),
            Map.entry("conversions", new String[]{"Conversions", "فروش‌ها"}),
            Map.entry("conversionRate", new String[]{"Conversion rate %", "نرخ فروش ٪"}),
            Map.entry("billedMinutes", new String[]{"Billed minutes", "دقیقه‌های صورت‌حساب"}),
            Map.entry("currency", new String[]{"Currency", "واحد پول"}),
            Map.entry("cost", new String[]{"Cost", "هزینه"}),
            Map.entry("revenue", new String[]{"Revenue", "درآمد"}),
            Map.entry("roi", new String[]{"ROI %", "بازگشت سرمایه ٪"}),
            Map.entry("surveys", new String[]{"Survey answers", "پاسخ‌های نظرسنجی"}),
            Map.entry("averageSatisfaction", new String[]{"Average satisfaction (1-5)", "میانگین رضایت (۱ تا ۵)"}),
            Map.entry("evaluations", new String[]{"QA evaluations", "ارزیابی‌های کیفیت"}),
            Map.entry("averageScore", new String[]{"Average QA score", "میانگین امتیاز کیفیت"}),
            Map.entry("criticalFailures", new String[]{"Critical failures", "خطاهای بحرانی"}),
            Map.entry("criticalFailureRate", new String[]{"Critical failure rate %", "نرخ خطای بحرانی ٪"}));

    private ReportKindTable() {}

    /** The column's name in the language, or null when it is not one of these reports' own columns. */
    static String header(String key, boolean fa) {
        String[] names = HEADERS.get(key);
        if (names != null) {
            return names[fa ? 1 : 0];
        }
        if (key.startsWith("skip:")) {
            return (fa ? "شماره‌گیری نشده: " : "Not dialled: ") + key.substring("skip:".length());
        }
        return null;
    }

    /** The queue report's columns with the skill in place of the queue. */
    static ReportTable skills(List<ReportRow<QueueFigures>> rows) {
        ReportTable queues = ReportTable.queues(rows);
        List<String> columns = queues.columns().stream().map(c -> c.equals("queue") ? "skill" : c).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : queues.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            row.forEach((k, v) -> m.put(k.equals("queue") ? "skill" : k, v));
            out.add(m);
        }
        return new ReportTable(columns, out);
    }

    /** Campaign rows; decisions not to dial per reason in columns {@code skip:<reason>} (each reason found). */
    static ReportTable campaigns(CampaignRows report) {
        List<String> columns = new ArrayList<>(List.of("bucket", "start", "end", "campaign", "campaignName",
                "dials", "contacts", "connected", "abandoned", "machines", "amdFalsePositives", "noAnswer", "busy",
                "failed", "abandonRate", "abandonRateUk", "connectRate", "conversions", "conversionRate",
                "talkSeconds", "averageTalk", "wrapUpSeconds", "averageWrapUp", "billedMinutes", "currency", "cost",
                "revenue", "roi", "skipped"));
        TreeSet<String> reasons = new TreeSet<>();
        report.rows().forEach(r -> reasons.addAll(r.figures().skipped().keySet()));
        reasons.forEach(r -> columns.add("skip:" + r));
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportRow<CampaignFigures> r : report.rows()) {
            CampaignFigures f = r.figures();
            Optional<CampaignTerms> terms = Optional.ofNullable(report.terms().get(r.subject()));
            Map<String, Object> m = ReportTable.head(r, "campaign");
            m.put("campaignName", terms.map(CampaignTerms::name).orElse(r.subject()));
            m.put("dials", f.dials());
            m.put("contacts", f.contacts());
            m.put("connected", f.connected());
            m.put("abandoned", f.abandoned());
            m.put("machines", f.machines());
            m.put("amdFalsePositives", f.amdFalsePositives());
            m.put("noAnswer", f.noAnswer());
            m.put("busy", f.busy());
            m.put("failed", f.failed());
            m.put("abandonRate", ReportTable.ratio(f.abandonRate()));
            m.put("abandonRateUk", ReportTable.ratio(f.abandonRateUk()));
            m.put("connectRate", ReportTable.ratio(f.connectRate()));
            m.put("conversions", f.conversions());
            m.put("conversionRate", ReportTable.ratio(f.conversionRate()));
            m.put("talkSeconds", ReportTable.seconds(f.talk()));
            m.put("averageTalk", ReportTable.seconds(f.averageTalk()));
            m.put("wrapUpSeconds", ReportTable.seconds(f.wrapUp()));
            m.put("averageWrapUp", ReportTable.seconds(f.averageWrapUp()));
            m.put("billedMinutes", f.billedMinutes());
            m.put("currency", terms.map(CampaignTerms::currency).orElse(null));
            m.put("cost", terms.map(t -> t.cost(f)).orElse(null));
            m.put("revenue", terms.map(t -> t.revenue(f)).orElse(null));
            m.put("roi", terms.flatMap(t -> t.roi(f)).map(v -> v.setScale(4, RoundingMode.HALF_EVEN).doubleValue())
                    .orElse(null));
            m.put("skipped", f.skippedTotal());
            reasons.forEach(s -> m.put("skip:" + s, f.skipped().getOrDefault(s, 0L)));
            out.add(m);
        }
        return new ReportTable(columns, out);
    }

    static ReportTable quality(List<ReportRow<QualityFigures>> rows, QualityBy by) {
        String subject = by == QualityBy.QUEUE ? "queue" : "agent";
        List<String> columns = List.of("bucket", "start", "end", subject, "surveys", "averageSatisfaction",
                "evaluations", "averageScore", "criticalFailures", "criticalFailureRate");
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReportRow<QualityFigures> r : rows) {
            QualityFigures f = r.figures();
            Map<String, Object> m = ReportTable.head(r, subject);
            m.put("surveys", f.surveys());
            m.put("averageSatisfaction", f.averageSatisfaction().map(v -> round(v, 100)).orElse(null));
            m.put("evaluations", f.evaluations());
            m.put("averageScore", f.averageScore().map(v -> round(v, 100)).orElse(null));
            m.put("criticalFailures", f.criticalFailures());
            m.put("criticalFailureRate", ReportTable.ratio(f.criticalFailureRate()));
            out.add(m);
        }
        return new ReportTable(columns, out);
    }

    private static double round(double v, int per) {
        return Math.round(v * per) / (double) per;
    }
}
