package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports page in real headless Chromium against the real console and PostgreSQL: a supervisor asks a day's
 * queue report and sees it charted (ECharts, served by the console itself) and tabled, in English and in Persian,
 * and downloads the CSV Excel opens; an agent is not offered the page.
 */
class ReportPagesIT {
    /** 2026-12-02 (1405-09-11) 09:00 in Tehran, the reports' zone in the fixture. */
    private static final Instant DAY = Instant.parse("2026-12-02T05:30:00Z");
    private static ConsoleFixture fx;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mina", Role.SUPERVISOR, "", "fa");
        fx.user("ali", Role.AGENT, "a1", "fa");
        // sales: two answered, one within the default 30 s threshold and one beyond; support: one caller gave up
        save(answered("c1", DAY, "sales", 10, 100));
        save(answered("c2", DAY.plusSeconds(60), "sales", 40, 50));
        save(Interaction.newCall("c3", Direction.INBOUND, "pbx", "c3", "0912003", "", "100", DAY.plusSeconds(120))
                .withSegment(new Segment(SegmentKind.QUEUE, DAY.plusSeconds(120), Optional.of(DAY.plusSeconds(150)),
                        "", "پشتیبانی", "", Segment.ABANDONED, "")).ended(DAY.plusSeconds(150), "normal"));
    }

    private static Interaction answered(String id, Instant at, String queue, int wait, int talk) {
        Instant answer = at.plusSeconds(wait);
        return Interaction.newCall(id, Direction.INBOUND, "pbx", id, "0912" + id, "", "100", at)
                .withSegment(new Segment(SegmentKind.QUEUE, at, Optional.of(answer), "", queue, "", Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.TALK, answer, Optional.of(answer.plusSeconds(talk)), "a1", queue,
                        "", Segment.CALLER_HUNG_UP, ""))
                .ended(answer.plusSeconds(talk), "normal");
    }

    private static void save(Interaction i) {
        Await.result(fx.interactions.save(i));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Signs in on the console page and follows its Reports link. */
    private static void openReports(WebDriver d, String user) {
        ConsolePage.submitSignIn(d, fx, user);
        waiting(d).until(x -> x.findElement(By.id("reports-link")).isDisplayed());
        d.findElement(By.id("reports-link")).click();
        waiting(d).until(x -> "ready".equals(x.findElement(By.tagName("body")).getAttribute("data-reports")));
    }

    private static void ask(WebDriver d, String queue, String day) {
        type(d, "r-subject", queue);
        type(d, "r-from", day);
        type(d, "r-to", day);
        new Select(d.findElement(By.id("r-interval"))).selectByValue("day");
        ((JavascriptExecutor) d).executeScript("delete document.body.dataset.report");
        d.findElement(By.id("show-report")).click();
        waiting(d).until(x -> "loaded".equals(x.findElement(By.tagName("body")).getAttribute("data-report")));
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Each chart series as {@code id=[values]}, read from the ECharts instance drawn in the page. */
    @SuppressWarnings("unchecked")
    private static List<String> series(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeScript("const c = echarts.getInstanceByDom("
                + "document.getElementById('chart')); return c.getOption().series.map(s => s.id + '=' + JSON.stringify(s.data));");
    }

    /** The table cells of one column, top to bottom. */
    private static List<String> column(WebDriver d, String key) {
        return d.findElements(By.cssSelector("#report-rows td[data-column='" + key + "']")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    @DisplayName("in English: a day's report for one queue is charted (calls as bars, service level as a line) and"
            + " tabled; for all queues the bars add the queues up and the table has a row each")
    void english() {
        WebDriver d = chromium.start();
        openReports(d, "sara");
        assertEquals("gregorian", new Select(d.findElement(By.id("r-calendar"))).getFirstSelectedOption()
                .getAttribute("value"), "an English reader's days are Gregorian");
        ask(d, "sales", "2026-12-02");
        assertFalse(d.findElements(By.cssSelector("#chart canvas")).isEmpty(), "ECharts drew its canvas");
        assertEquals(List.of("offered=[2]", "answered=[2]", "abandoned=[0]", "serviceLevel=[50]"), series(d));
        assertEquals(List.of("2026-12-02"), column(d, "bucket"));
        assertEquals(List.of("sales"), column(d, "queue"));
        assertEquals(List.of("2"), column(d, "offered"));
        assertEquals(List.of("50"), column(d, "serviceLevel"));
        assertEquals(List.of("25"), column(d, "averageSpeedOfAnswer"));
        assertEquals("Offered", d.findElement(By.cssSelector("#report-head th[data-column='offered']")).getText());
        assertTrue(d.findElement(By.id("csv-link")).getAttribute("href").endsWith("&format=csv"));

        ask(d, "", "2026-12-02");
        assertEquals(List.of("offered=[3]", "answered=[2]", "abandoned=[1]"), series(d),
                "two queues: counts summed, no service level line (a ratio cannot be summed)");
        assertEquals(List.of("sales", "پشتیبانی"), column(d, "queue"));
        assertEquals(List.of("2", "1"), column(d, "offered"));
    }

    @Test
    @DisplayName("in Persian: right to left, Jalali day, Persian digits in the table, and the CSV link downloads"
            + " UTF-8 with a byte-order mark and Persian headers")
    void persianAndCsv() {
        WebDriver d = chromium.start();
        openReports(d, "mina");
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("jalali", new Select(d.findElement(By.id("r-calendar"))).getFirstSelectedOption()
                .getAttribute("value"), "a Persian reader's days are Jalali");
        ask(d, "sales", "۱۴۰۵-۰۹-۱۱");
        assertEquals(List.of("offered=[2]", "answered=[2]", "abandoned=[0]", "serviceLevel=[50]"), series(d));
        assertEquals(List.of("۱۴۰۵-۰۹-۱۱"), column(d, "bucket"));
        assertEquals(List.of("۲"), column(d, "offered"));
        assertEquals(List.of("۵۰"), column(d, "serviceLevel"));
        assertEquals(List.of("۲۵"), column(d, "averageSpeedOfAnswer"));
        assertEquals("تماس‌های ورودی", d.findElement(By.cssSelector("#report-head th[data-column='offered']")).getText());

        // the link as the browser would follow it, with the page's own session cookie
        @SuppressWarnings("unchecked")
        List<Long> bytes = (List<Long>) ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[0];"
                + " fetch(document.getElementById('csv-link').href, { credentials: 'same-origin' })"
                + ".then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))))"
                + ".catch(e => done([]));");
        byte[] csv = new byte[bytes.size()];
        for (int i = 0; i < csv.length; i++) {
            csv[i] = bytes.get(i).byteValue();
        }
        assertTrue(csv.length > 3, "the CSV came back");
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(csv[0] & 0xFF, csv[1] & 0xFF, csv[2] & 0xFF), "UTF-8 BOM for Excel");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("بازه,شروع,پایان,صف,تماس‌های ورودی,"), text);
        assertTrue(text.contains("\r\n1405-09-11,") && text.contains(",sales,2,2,"), text);
    }

    @Test
    @DisplayName("an agent is not offered the Reports link, and the API refuses them")
    void agentsAreNotOffered() {
        WebDriver d = chromium.start();
        ConsolePage.signIn(d, fx, "ali");
        assertFalse(d.findElement(By.id("reports-link")).isDisplayed());
        assertEquals(403, fx.signIn("ali").get("/api/reports/queues?from=2026-12-02").statusCode());
    }
}
