package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.core.domain.customer.Customer;
import cc.core.domain.sales.Opportunity;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sales pipeline on the reports page in real headless Chromium against the real console and PostgreSQL: a
 * supervisor shows today's pipeline and sees one chart per currency (never one sum of rials and dollars) and the
 * tables, in English and in Persian, and downloads a table as the CSV Excel opens.
 */
class PipelinePagesIT {
    private static ConsoleFixture fx;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("mina", Role.SUPERVISOR, "", "fa");
        long customer = Await.result(fx.customers.save(new Customer(0, "Reza Karimi", List.of("09125556677"), null,
                "fa", ""))).id();
        save(customer, "Gold card", "25000000", "IRR", 40, "propose", "gold-card", "");
        save(customer, "Cloud plan", "1000", "USD", 10, "qualify", "cloud", "");
        save(customer, "Old plan", "3000000", "IRR", 0, "lost", "", "price");
    }

    private static void save(long customer, String title, String amount, String currency, int probability,
                             String stage, String product, String reason) {
        Await.result(fx.console.opportunities().save(Opportunity.recorded(customer, "", title, new BigDecimal(amount),
                currency, probability, "ali", stage, product, reason, Optional.empty())));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static void showToday(WebDriver d, String user) {
        ConsolePage.submitSignIn(d, fx, user);
        waiting(d).until(x -> x.findElement(By.id("reports-link")).isDisplayed());
        d.findElement(By.id("reports-link")).click();
        waiting(d).until(x -> "ready".equals(x.findElement(By.tagName("body")).getAttribute("data-pipeline-ready")));
        d.findElement(By.id("show-pipeline")).click();
        waiting(d).until(x -> "loaded".equals(x.findElement(By.tagName("body")).getAttribute("data-pipeline")));
    }

    /** Each chart as {@code currency: series=[values]...}, read from the ECharts instances drawn in the page. */
    @SuppressWarnings("unchecked")
    private static List<String> charts(WebDriver d) {
        return (List<String>) ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
                + "'.pipeline-chart')).map(div => div.dataset.currency + ': ' + echarts.getInstanceByDom(div)"
                + ".getOption().series.map(s => s.id + '=' + JSON.stringify(s.data)).join(' '));");
    }

    private static List<String> column(WebDriver d, String part, String key) {
        return d.findElements(By.cssSelector("#pipeline-" + part + " td[data-column='" + key + "']")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    @DisplayName("in English: one chart per currency along the configured stages, amounts and weighted amounts as"
            + " bars; the tables name stages and reasons, and the loss is counted with its reason")
    void english() {
        WebDriver d = chromium.start();
        showToday(d, "sara");
        assertEquals(List.of("IRR: amount=[0,25000000,0] weighted=[0,10000000,0]",
                "USD: amount=[1000,0,0] weighted=[100,0,0]"), charts(d), "rials and dollars are charted apart");
        assertEquals(List.of("Qualify", "Propose"), column(d, "stages", "stage"));
        assertEquals(List.of("USD", "IRR"), column(d, "stages", "currency"));
        assertEquals(List.of("100", "10000000"), column(d, "stages", "weighted"), "weighted: amount x probability");
        assertEquals(List.of("Price"), column(d, "reasons", "reason"));
        assertEquals(List.of("3000000"), column(d, "reasons", "amount"));
        assertEquals("1", d.findElement(By.cssSelector("[data-figure='pipelineLost']")).getText());
        assertEquals("Weighted amount", d.findElement(By.cssSelector("#pipeline-stages th[data-column='weighted']"))
                .getText());
    }

    @Test
    @DisplayName("in Persian: right to left, Jalali days, Persian digits and stage names, and a table's CSV downloads"
            + " as UTF-8 with a byte-order mark and Persian headers")
    void persianAndCsv() {
        WebDriver d = chromium.start();
        showToday(d, "mina");
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("jalali", new Select(d.findElement(By.id("p-calendar"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(List.of("ارزیابی", "پیشنهاد"), column(d, "stages", "stage"));
        assertEquals(List.of("۱۰۰۰", "۲۵۰۰۰۰۰۰"), column(d, "stages", "amount"));
        assertEquals(List.of("قیمت"), column(d, "reasons", "reason"));
        assertEquals("مبلغ وزن‌دار", d.findElement(By.cssSelector("#pipeline-stages th[data-column='weighted']"))
                .getText());

        @SuppressWarnings("unchecked")
        List<Long> bytes = (List<Long>) ((JavascriptExecutor) d).executeAsyncScript("const done = arguments[0];"
                + " fetch(document.getElementById('pipeline-csv-stages').href, { credentials: 'same-origin' })"
                + ".then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))))"
                + ".catch(e => done([]));");
        byte[] csv = new byte[bytes.size()];
        for (int i = 0; i < csv.length; i++) {
            csv[i] = bytes.get(i).byteValue();
        }
        assertTrue(csv.length > 3, "the CSV came back");
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(csv[0] & 0xFF, csv[1] & 0xFF, csv[2] & 0xFF), "UTF-8 BOM");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertEquals("مرحله,ارز,فرصت‌ها,مبلغ,مبلغ وزن‌دار\r\nارزیابی,USD,1,1000,100\r\nپیشنهاد,IRR,1,25000000,10000000\r\n",
                text);
    }
}
