package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.ReportKindsSeed;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The skill, campaign and quality reports over HTTP against the real console and PostgreSQL, over a day of known
 * figures ({@link ReportKindsSeed}): who may read them, their JSON and CSV, and parameters refused by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportKindApiIT {
    private static final String DAY = "?from=1405-09-11&calendar=jalali";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConsoleFixture fx;

    @BeforeAll
    void start() {
        fx = new ConsoleFixture();
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mina", Role.SUPERVISOR, "", "fa");
        fx.user("ali", Role.AGENT, "a1", "fa");
        ReportKindsSeed.seed(fx);
    }

    @AfterAll
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private JsonArray rows(String path) {
        HttpResponse<String> r = fx.signIn("sara").get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return new JsonObject(r.body()).getJsonArray("rows");
    }

    @Test
    @DisplayName("agents are refused the skill, campaign and quality reports; supervisors get them")
    void rights() {
        ConsoleClient agent = fx.signIn("ali");
        for (String kind : new String[]{"skills", "campaigns", "quality"}) {
            assertEquals(403, agent.get("/api/reports/" + kind + DAY).statusCode(), kind);
            assertEquals(403, agent.get("/api/reports/" + kind + DAY + "&format=csv").statusCode(), kind);
            assertEquals(200, fx.signIn("sara").get("/api/reports/" + kind + DAY).statusCode(), kind);
        }
    }

    @Test
    @DisplayName("quality per queue and per agent: survey answers and average satisfaction, QA evaluations, average score and critical failures")
    void quality() {
        JsonArray queues = rows("/api/reports/quality" + DAY);
        assertEquals(2, queues.size(), queues.encodePrettily());
        JsonObject sales = queues.getJsonObject(0);
        assertEquals("sales", sales.getString("queue"));
        assertEquals("1405-09-11", sales.getString("bucket"));
        assertEquals(2, sales.getLong("surveys"), "the fourth call's caller gave no answer");
        assertEquals(4.0, sales.getDouble("averageSatisfaction"), 1e-9);
        assertEquals(2, sales.getLong("evaluations"));
        assertEquals(45.0, sales.getDouble("averageScore"), 1e-9);
        assertEquals(1, sales.getLong("criticalFailures"));
        assertEquals(0.5, sales.getDouble("criticalFailureRate"), 1e-9);

        JsonArray agents = rows("/api/reports/quality" + DAY + "&by=agent");
        JsonObject a1 = agents.getJsonObject(0);
        assertEquals("a1", a1.getString("agent"));
        assertEquals(4.5, a1.getDouble("averageSatisfaction"), 1e-9);
        assertEquals(80.0, a1.getDouble("averageScore"), 1e-9);
        JsonObject a2 = rows("/api/reports/quality" + DAY + "&by=agent&agent=a2").getJsonObject(0);
        assertEquals(3.0, a2.getDouble("averageSatisfaction"), 1e-9);
        assertEquals(0.0, a2.getDouble("averageScore"), 1e-9);
        assertEquals(1, a2.getLong("criticalFailures"));
        JsonArray hours = rows("/api/reports/quality" + DAY + "&interval=hour&queue=support");
        assertEquals(24, hours.size());
        assertEquals(1, hours.getJsonObject(9).getLong("surveys"), "the support call at 09:20");
        assertEquals(1, hours.getJsonObject(11).getLong("evaluations"), "its evaluation at 11:50");
        assertNull(hours.getJsonObject(10).getValue("averageSatisfaction"), "no answers: no average, not zero");
    }

    @Test
    @DisplayName("skills add up the queues that need them: fa is sales and support, sales is sales alone")
    void skills() {
        JsonArray rows = rows("/api/reports/skills" + DAY);
        assertEquals(2, rows.size(), rows.encodePrettily());
        assertEquals("fa", rows.getJsonObject(0).getString("skill"));
        assertEquals(4, rows.getJsonObject(0).getLong("offered"));
        assertEquals("sales", rows.getJsonObject(1).getString("skill"));
        assertEquals(3, rows.getJsonObject(1).getLong("offered"));
        assertEquals(60.0, rows.getJsonObject(1).getDouble("averageTalk"), 1e-9, "(100 + 50 + 30) / 3");
    }

    @Test
    @DisplayName("the campaign's day: dials and outcomes, not dialled by reason, abandon rate, cost, revenue and ROI in its own currency")
    void campaigns() {
        JsonObject r = rows("/api/reports/campaigns" + DAY).getJsonObject(0);
        assertEquals("renewals", r.getString("campaign"));
        assertEquals("تمدید", r.getString("campaignName"));
        assertEquals(4, r.getLong("dials"));
        assertEquals(2, r.getLong("contacts"));
        assertEquals(1, r.getLong("connected"));
        assertEquals(1, r.getLong("abandoned"));
        assertEquals(1, r.getLong("machines"));
        assertEquals(1, r.getLong("noAnswer"));
        assertEquals(0.5, r.getDouble("abandonRate"), 1e-9);
        assertEquals(2, r.getLong("skipped"));
        assertEquals(2, r.getLong("skip:do-not-call"));
        assertEquals(1, r.getLong("conversions"));
        assertEquals(120.0, r.getDouble("talkSeconds"), 1e-9);
        // billed: 130 s -> 3 minutes, 20 s -> 1, 10 s -> 1; cost 4 x 1000 + 5 x 500
        assertEquals(5, r.getLong("billedMinutes"));
        assertEquals("IRR", r.getString("currency"));
        assertEquals(6500.0, r.getDouble("cost"), 1e-9);
        assertEquals(2_000_000.0, r.getDouble("revenue"), 1e-9);
        assertEquals((2_000_000 - 6500) / 6500.0, r.getDouble("roi"), 1e-4);
    }

    @Test
    @DisplayName("CSV in Persian: byte-order mark, Persian headers, rates as percentages")
    void csv() throws Exception {
        String quality = csv("mina", "/api/reports/quality" + DAY + "&format=csv");
        assertTrue(quality.startsWith("\uFEFFبازه,شروع,پایان,صف,پاسخ‌های نظرسنجی,میانگین رضایت (۱ تا ۵),"), quality);
        assertTrue(quality.contains(",sales,2,4,2,45,1,50\r\n"), quality);
        String campaigns = csv("mina", "/api/reports/campaigns" + DAY + "&format=csv");
        assertTrue(campaigns.contains("شماره‌گیری نشده: do-not-call"), campaigns);
        assertTrue(campaigns.contains(",renewals,تمدید,4,2,1,1,1,0,1,0,0,50,"), campaigns);
        String english = csv("sara", "/api/reports/quality" + DAY + "&by=agent&format=csv");
        assertTrue(english.startsWith("\uFEFFPeriod,Start,End,Agent,Survey answers,Average satisfaction (1-5),"),
                english);
    }

    private String csv(String user, String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(fx.base() + path))
                .header("Cookie", fx.signIn(user).cookie).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("bad parameters are refused with 400 naming the parameter")
    void badParameters() {
        ConsoleClient sara = fx.signIn("sara");
        HttpResponse<String> by = sara.get("/api/reports/quality" + DAY + "&by=team");
        assertEquals(400, by.statusCode());
        assertTrue(by.body().contains("by must be queue or agent"), by.body());
        HttpResponse<String> interval = sara.get("/api/reports/campaigns" + DAY + "&interval=year");
        assertEquals(400, interval.statusCode());
        assertTrue(interval.body().contains("interval"), interval.body());
        assertEquals(400, sara.get("/api/reports/skills?from=2026-11-01&to=2026-12-02").statusCode(), "over maxDays");
    }
}
