package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.CampaignForms;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.DialerStandIn;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.ImportContactList;
import cc.core.contract.SaveCampaign;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign manager's work in real headless Chromium against the real console and PostgreSQL, with
 * {@link DialerStandIn} answering the dialer's contract.
 */
class CampaignPagesIT {
    private static ConsoleFixture fx;
    private static DialerStandIn dialer;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("parisa", Role.SUPERVISOR, "", "fa");
        dialer = DialerStandIn.register(fx.vertx);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Signs in on the console page and follows its Campaigns link. */
    private static void openCampaigns(WebDriver d, String user) {
        d.get(fx.base() + "/console/");
        waiting(d).until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        d.findElement(By.id("signin-button")).click();
        waiting(d).until(x -> x.findElement(By.id("campaigns-link")).isDisplayed());
        d.findElement(By.id("campaigns-link")).click();
        waiting(d).until(x -> "loaded".equals(x.findElement(By.tagName("body")).getAttribute("data-campaigns")));
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    private static void condition(WebElement row, String field, String operator, String value) {
        new Select(row.findElement(By.className("field"))).selectByValue(field);
        new Select(row.findElement(By.className("operator"))).selectByValue(operator);
        row.findElement(By.className("value")).sendKeys(value);
    }

    private static By campaignCell(String id, String css) {
        return By.cssSelector("#campaign-rows tr[data-campaign='" + id + "'] " + css);
    }

    @Test
    @DisplayName("a supervisor previews and saves a segment list, uploads a CSV and sees its bad rows named, creates,"
            + " starts and watches a campaign, and opens its report")
    void campaignManagersDay() throws IOException {
        WebDriver d = chromium.start();
        openCampaigns(d, "sara");

        type(d, "s-list-id", "gold-nov");
        type(d, "s-list-name", "Gold customers");
        condition(d.findElement(By.cssSelector("#conditions .condition")), "segment", "=", "gold");
        d.findElement(By.id("add-condition")).click();
        condition(d.findElements(By.cssSelector("#conditions .condition")).get(1), "score.value", ">=", "0.5");
        d.findElement(By.id("preview-segment")).click();
        waiting(d).until(x -> text(x, "segment-count").equals("3"));
        assertTrue(text(d, "segment-sample").contains("مریم کریمی <09121112233>"), text(d, "segment-sample"));
        assertTrue(d.findElements(By.cssSelector("#list-rows tr[data-list='gold-nov']")).isEmpty(), "a preview saves nothing");
        d.findElement(By.id("save-segment")).click();
        waiting(d).until(x -> !x.findElements(By.cssSelector("#list-rows tr[data-list='gold-nov']")).isEmpty());

        Path csv = Files.createTempFile("call-list-", ".csv");
        Files.writeString(csv, "name,phone\nمریم کریمی,09121112233\nReza Ahmadi,09122223344\nNo Number,call me\n"
                + "Reza again,09122223344\nBroken,row,with extra fields\nSara,09123334455\n", StandardCharsets.UTF_8);
        try {
            type(d, "u-list-id", "azar-import");
            type(d, "u-list-name", "فهرست آذر");
            d.findElement(By.id("u-file")).sendKeys(csv.toAbsolutePath().toString());
            d.findElement(By.id("upload-csv")).click();
            waiting(d).until(x -> x.findElement(By.id("csv-report")).isDisplayed());
        } finally {
            Files.delete(csv);
        }
        assertEquals("6", text(d, "csv-rows"));
        assertEquals("3", text(d, "csv-accepted"));
        assertEquals("1", text(d, "csv-duplicates"));
        assertEquals("2", text(d, "csv-refused"));
        List<WebElement> problems = d.findElements(By.cssSelector("#csv-problems tr"));
        assertEquals(List.of("4", "6"), problems.stream().map(p -> p.getAttribute("data-line")).toList());
        assertEquals("phone: 'call me' is not a phone number", problems.get(0).findElement(By.className("reason")).getText());
        assertTrue(problems.get(1).findElement(By.className("reason")).getText().contains("fields"));
        assertEquals("فهرست آذر", dialer.last(ImportContactList.class).name());
        assertTrue(dialer.last(ImportContactList.class).csv().contains("مریم کریمی"), "UTF-8 all the way");

        d.findElement(By.id("new-campaign")).click();
        waiting(d).until(x -> x.findElement(By.id("campaign-editor")).isDisplayed());
        assertTrue(d.findElement(By.cssSelector("#c-days-off input[value='SUNDAY']")).isSelected(), "Sunday off in English");
        assertEquals("10", d.findElement(By.id("c-retry-BUSY")).getAttribute("value"));
        type(d, "c-id", "gold-renewal");
        type(d, "c-name", "Gold card renewal");
        waiting(d).until(x -> !x.findElements(By.cssSelector("#c-lists input[value='gold-nov']")).isEmpty());
        d.findElement(By.cssSelector("#c-lists input[value='gold-nov']")).click();
        new Select(d.findElement(By.id("c-currency"))).selectByValue("IRR");
        type(d, "c-cost-dial", "1500");
        type(d, "c-cost-minute", "2500.50");
        type(d, "c-revenue", "4000000");
        type(d, "c-queue", "sales");
        Select recording = new Select(d.findElement(By.id("c-recording")));
        assertEquals("inherit", recording.getFirstSelectedOption().getAttribute("value"), "the queue decides by default");
        assertEquals("As the queue says", recording.getFirstSelectedOption().getText());
        recording.selectByValue("always");
        d.findElement(By.id("save-campaign")).click();
        waiting(d).until(x -> !x.findElements(campaignCell("gold-renewal", "td.status[data-status='DRAFT']")).isEmpty());
        SaveCampaign saved = dialer.last(SaveCampaign.class);
        assertEquals("sara", saved.byUser());
        CampaignDefinition def = saved.definition();
        assertEquals(List.of("gold-nov"), def.listIds());
        assertEquals("PREDICTIVE", def.mode());
        assertEquals(Set.of(DayOfWeek.SUNDAY), def.daysOff());
        assertEquals(Map.of("BUSY", Duration.ofMinutes(10), "NO_ANSWER", Duration.ofHours(2), "MACHINE",
                Duration.ofHours(4), "ABANDONED", Duration.ofHours(1)), def.retryDelays());
        assertEquals(5, def.maxAttempts());
        assertEquals("US-TSR", def.regulator());
        assertEquals(new BigDecimal("2500.50"), def.costPerMinute());
        assertEquals("09:00", def.opens().toString());
        assertEquals("20:00", def.closes().toString());
        assertEquals("always", def.recording(), "the manager's recording choice reaches the dialer");

        d.findElement(campaignCell("gold-renewal", "button[data-action='start']")).click();
        waiting(d).until(x -> !x.findElements(campaignCell("gold-renewal", "td.status[data-status='RUNNING']")).isEmpty());
        assertEquals("running", d.findElement(campaignCell("gold-renewal", "td.status")).getText());

        dialer.progress("gold-renewal", 40, 3, 1, 0.028);
        waiting(d).until(x -> x.findElement(campaignCell("gold-renewal", "td.abandon")).getText().equals("2.80 %"));
        assertTrue(d.findElement(campaignCell("gold-renewal", "td.abandon")).getAttribute("class").contains("near-limit"));
        assertEquals("rgba(198, 40, 40, 1)", d.findElement(campaignCell("gold-renewal", "td.abandon")).getCssValue("color"));

        d.findElement(campaignCell("gold-renewal", "button[data-action='report']")).click();
        // date inputs take keys in the browser's locale order; the value itself is ISO whatever the locale
        ((JavascriptExecutor) d).executeScript("document.getElementById('report-from').value = '2026-11-23';"
                + "document.getElementById('report-to').value = '2026-11-24';");
        d.findElement(By.cssSelector("#report-form button[type='submit']")).click();
        waiting(d).until(x -> x.findElements(By.cssSelector("#report-rows tr")).size() == 2);
        WebElement day = d.findElement(By.cssSelector("#report-rows tr[data-day='2026-11-23']"));
        assertEquals("120", day.findElement(By.className("dials")).getText());
        assertEquals("325,029.00 IRR", day.findElement(By.className("cost")).getText());
        assertEquals("16,000,000 IRR", day.findElement(By.className("revenue")).getText());
        assertEquals("2.10 %", day.findElement(By.className("us-30")).getText());
        assertEquals("3.33 %", day.findElement(By.className("us-day")).getText());
        assertTrue(day.findElement(By.className("us-day")).getAttribute("class").contains("near-limit"));
        WebElement total = d.findElement(By.cssSelector("#report-totals tr.totals"));
        assertEquals("240", total.findElement(By.className("dials")).getText());
        assertEquals("650,058.00 IRR", total.findElement(By.className("cost")).getText());
        assertEquals("32,000,000 IRR", total.findElement(By.className("revenue")).getText());
    }

    @Test
    @DisplayName("in Persian the campaigns page is right-to-left, in Persian digits, and a new campaign has Friday off")
    void persian() {
        WebDriver d = chromium.start();
        openCampaigns(d, "parisa");
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("fa", d.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("rtl", (String) ((JavascriptExecutor) d)
                .executeScript("return getComputedStyle(document.getElementById('campaigns')).direction"));
        assertEquals("کارزارها", d.findElement(By.cssSelector("#campaigns h2")).getText());
        d.findElement(By.id("new-campaign")).click();
        waiting(d).until(x -> x.findElement(By.id("campaign-editor")).isDisplayed());
        assertTrue(d.findElement(By.cssSelector("#c-days-off input[value='FRIDAY']")).isSelected(), "Friday off in Persian");
        assertEquals(false, d.findElement(By.cssSelector("#c-days-off input[value='SUNDAY']")).isSelected());
        assertEquals("۱۰", d.findElement(By.id("c-retry-BUSY")).getAttribute("value"));
        assertEquals("IRR", new Select(d.findElement(By.id("c-currency"))).getFirstSelectedOption().getText());
        assertEquals("مطابق صف", new Select(d.findElement(By.id("c-recording"))).getFirstSelectedOption().getText());
        assertEquals("ضبط تماس", d.findElement(By.cssSelector("span[data-t='campaignRecording']")).getText());

        // a campaign saved over the API: its report's days are Jalali dates in Persian digits
        ConsoleClient api = fx.signIn("parisa");
        api.change("POST", "/api/call-lists/segment", new JsonObject().put("listId", "silver").put("name", "نقره‌ای")
                .put("conditions", new JsonArray().add(new JsonObject().put("field", "segment").put("operator", "=")
                        .put("value", "silver"))));
        assertEquals(200, api.change("PUT", "/api/campaigns/silver-winback", CampaignForms.campaign("silver")).statusCode());
        d.navigate().refresh();
        waiting(d).until(x -> !x.findElements(campaignCell("silver-winback", "button[data-action='report']")).isEmpty());
        d.findElement(campaignCell("silver-winback", "button[data-action='report']")).click();
        ((JavascriptExecutor) d).executeScript("document.getElementById('report-from').value = '2026-11-23';"
                + "document.getElementById('report-to').value = '2026-11-23';");
        d.findElement(By.cssSelector("#report-form button[type='submit']")).click();
        waiting(d).until(x -> x.findElements(By.cssSelector("#report-rows tr")).size() == 1
                && x.findElement(By.cssSelector("#report-rows td.day")).getText().equals("۱۴۰۵/۰۹/۰۲"));
        assertEquals("۳۲۵٬۰۲۹٫۰۰ IRR", d.findElement(By.cssSelector("#report-rows td.cost")).getText());
    }
}
