package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.ReportKindsSeed;
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
import java.util.List;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quality and campaign reports on the reports page in real headless Chromium against the real console and
 * PostgreSQL, over a day of known figures ({@link ReportKindsSeed}): charted and tabled in English and in Persian,
 * and the CSV link's bytes.
 */
class ReportKindPagesIT {
    private static ConsoleFixture fx;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mina", Role.SUPERVISOR, "", "fa");
        ReportKindsSeed.seed(fx);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static void openReports(WebDriver d, String user) {
        ConsolePage.submitSignIn(d, fx, user);
        waiting(d).until(x -> x.findElement(By.id("reports-link")).isDisplayed());
        d.findElement(By.id("reports-link")).click();
        waiting(d).until(x -> "ready".equals(x.findElement(By.tagName("body")).getAttribute("data-reports")));
    }

    private static void ask(WebDriver d, String kind, String subject, String day) {
        new Select(d.findElement(By.id("r-kind"))).selectByValue(kind);
        type(d, "r-subject", subject);
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

    @SuppressWarnings("unchecked")
    private static List<String> series(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeScript("const c = echarts.getInstanceByDom("
                + "document.getElementById('chart')); return c.getOption().series.map(s => s.id + '=' + JSON.stringify(s.data));");
    }

    private static List<String> column(WebDriver d, String key) {
        return d.findElements(By.cssSelector("#report-rows td[data-column='" + key + "']")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
    }

    /** A column's header as written (also when the wide table has it scrolled out of sight). */
    private static String header(WebDriver d, String key) {
        return d.findElement(By.cssSelector("#report-head th[data-column='" + key + "']")).getAttribute("textContent");
    }

    @Test
    @DisplayName("in English: a queue's day of quality charted (answers, evaluations and failures as bars, satisfaction"
            + " as a line) and tabled; the campaign's day with its abandon rate, money and reasons not dialled")
    void english() {
        WebDriver d = chromium.start();
        openReports(d, "sara");
        ask(d, "quality", "sales", "2026-12-02");
        assertFalse(d.findElements(By.cssSelector("#chart canvas")).isEmpty(), "ECharts drew its canvas");
        assertEquals(List.of("surveys=[2]", "evaluations=[2]", "criticalFailures=[1]", "averageSatisfaction=[4]"),
                series(d));
        assertTrue(d.findElement(By.id("report-title")).getText().startsWith("Quality by queue: 2026-12-02"));
        assertEquals(List.of("sales"), column(d, "queue"));
        assertEquals(List.of("4"), column(d, "averageSatisfaction"));
        assertEquals(List.of("45"), column(d, "averageScore"));
        assertEquals(List.of("50"), column(d, "criticalFailureRate"), "a ratio shown as a percentage");
        assertEquals("Average satisfaction (1-5)", header(d, "averageSatisfaction"));

        ask(d, "quality-agents", "", "2026-12-02");
        assertEquals(List.of("a1", "a2"), column(d, "agent"));
        assertEquals(List.of("4.5", "3"), column(d, "averageSatisfaction"));

        ask(d, "campaigns", "", "2026-12-02");
        assertEquals(List.of("renewals"), column(d, "campaign"));
        assertEquals(List.of("4"), column(d, "dials"));
        assertEquals(List.of("50"), column(d, "abandonRate"));
        assertEquals(List.of("IRR"), column(d, "currency"));
        assertEquals(List.of("6500"), column(d, "cost"));
        assertEquals("Not dialled: do-not-call", header(d, "skip:do-not-call"));
        assertEquals(List.of("2"), column(d, "skip:do-not-call"));
        assertEquals(List.of("dials=[4]", "contacts=[2]", "connected=[1]", "abandoned=[1]", "conversions=[1]",
                "skipped=[2]", "abandonRate=[50]"), series(d));
    }

    @Test
    @DisplayName("in Persian: right to left, the Jalali day in Persian digits, Persian headers, and the CSV link's"
            + " bytes: byte-order mark, Persian headers, the day's figures")
    void persianAndCsv() {
        WebDriver d = chromium.start();
        openReports(d, "mina");
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        ask(d, "quality", "sales", "۱۴۰۵-۰۹-۱۱");
        assertEquals(List.of("۱۴۰۵-۰۹-۱۱"), column(d, "bucket"));
        assertEquals(List.of("۴"), column(d, "averageSatisfaction"));
        assertEquals(List.of("۴۵"), column(d, "averageScore"));
        assertEquals("میانگین رضایت (۱ تا ۵)", header(d, "averageSatisfaction"));
        assertEquals("کیفیت به تفکیک صف: ۱۴۰۵-۰۹-۱۱", d.findElement(By.id("report-title")).getText());

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
        assertTrue(text.startsWith("بازه,شروع,پایان,صف,پاسخ‌های نظرسنجی,"), text);
        assertTrue(text.contains("\r\n1405-09-11,") && text.contains(",sales,2,4,2,45,1,50\r\n"), text);

        ask(d, "campaigns", "renewals", "۱۴۰۵-۰۹-۱۱");
        assertEquals(List.of("تمدید"), column(d, "campaignName"));
        assertEquals(List.of("۴"), column(d, "dials"));
        assertEquals("شماره‌گیری نشده: do-not-call", header(d, "skip:do-not-call"));
    }
}
