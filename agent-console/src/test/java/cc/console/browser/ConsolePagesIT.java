package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.Scenario;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.ChangeAgentState;
import cc.core.contract.QueueStatsUpdated;
import cc.core.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.util.List;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's and a supervisor's day in real headless Chromium against the real server and PostgreSQL. */
class ConsolePagesIT {
    private static ConsoleFixture fx;
    private static Scenario scenario;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("john", Role.AGENT, "a2", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        scenario = new Scenario(fx).seed("root");
        // the ACD: accept a state change and announce it, as the acd module does
        fx.vertx.eventBus().<ChangeAgentState>consumer(Addresses.ACD_AGENT_CHANGE_STATE, m -> {
            ChangeAgentState c = m.body();
            m.reply(null);
            fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                    new AgentStateChanged(c.agentId(), c.state(), c.reason(), Instant.now()));
        });
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }


    private static void signIn(WebDriver d, String user) {
        ConsolePage.signIn(d, fx, user);
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    @Test
    @DisplayName("an agent goes available, the call pops the right customer with history and answers, and the outcome is saved")
    void agentTakesACall() {
        WebDriver d = chromium.start();
        signIn(d, "john");
        d.findElement(By.id("go-available")).click();
        waiting(d).until(x -> "available".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));

        String call = scenario.offer("a2");
        waiting(d).until(x -> call.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        assertEquals("Maryam Karimi", text(d, "caller-name"));
        assertEquals("gold", text(d, "caller-segment"));
        assertTrue(text(d, "timeline").contains("Card blocked after wrong PIN"), text(d, "timeline"));
        assertTrue(text(d, "timeline").contains("October statement"));
        assertEquals("25 s in IVR (account, then card-menu), waited 15 s in cards, rang a9 (no answer), ringing you",
                story(d.findElement(By.id("call-story"))));
        assertEquals("42 s in IVR (balance, then agent), waited 1:10 in cards, rang a1 (no answer), answered by you",
                timelineStory(d, "Card blocked after wrong PIN"));
        assertEquals("", timelineStory(d, "Asked about the loan rate"), "a record from before segments tells no story");
        assertTrue(text(d, "ivr-path").contains("card-menu"));
        assertTrue(text(d, "answer-list").startsWith("Unblocking a card"), text(d, "answer-list"));
        assertTrue(text(d, "question-list").contains("Ask for the account number"));

        new Select(d.findElement(By.id("disposition"))).selectByValue("resolved");
        d.findElement(By.id("notes")).sendKeys("Unblocked the card after checking her account number");
        d.findElement(By.id("save-disposition")).click();
        waiting(d).until(x -> !x.findElement(By.id("dispose-status")).getText().isEmpty());
        assertEquals("Saved", text(d, "dispose-status"));
        var stored = Await.result(fx.interactions.find(call)).orElseThrow();
        assertEquals("resolved", stored.disposition().orElseThrow());
        assertEquals("Unblocked the card after checking her account number", stored.notes());
    }

    @Test
    @DisplayName("the supervisor's wallboard counts change as the ACD's figures arrive, and the agent grid follows states")
    void wallboardFollowsTheAcd() {
        WebDriver d = chromium.start();
        signIn(d, "sara");
        publishStats(3, 40);
        waiting(d).until(x -> waitingCell(x).equals("3"));
        publishStats(5, 41);
        waiting(d).until(x -> waitingCell(x).equals("5"));
        WebElement row = d.findElement(By.cssSelector("#queue-rows tr[data-queue='cards']"));
        assertEquals("41", row.findElement(By.className("answered")).getText());
        assertEquals("1:35", row.findElement(By.className("longest")).getText());
        assertEquals(1, d.findElements(By.cssSelector("#charts svg polyline")).size());

        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged("a9", "paused", "lunch", Instant.now()));
        waiting(d).until(x -> !x.findElements(By.cssSelector("#agent-rows tr[data-agent='a9'] td[data-state='paused']")).isEmpty());
    }

    @Test
    @DisplayName("a Persian agent's page is right-to-left with Jalali dates in Persian digits")
    void persian() {
        WebDriver d = chromium.start();
        signIn(d, "ali");
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("fa", d.findElement(By.tagName("html")).getAttribute("lang"));
        String call = scenario.offer("a1");
        waiting(d).until(x -> call.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        List<String> dates = d.findElements(By.cssSelector("#timeline td.date")).stream().map(WebElement::getText).toList();
        assertTrue(dates.contains("۱۴۰۵/۰۸/۲۵ ۱۰:۳۰"), dates.toString());
        assertEquals("۰۹۱۲۱۱۱۲۲۳۳", text(d, "caller-number"));
        assertEquals("۲۵ ثانیه در منوی صوتی (account، سپس card-menu)، ۱۵ ثانیه در صف cards منتظر ماند، "
                + "تلفن a9 زنگ خورد (بی‌پاسخ)، تلفن شما در حال زنگ خوردن", story(d.findElement(By.id("call-story"))));
        assertEquals("۴۲ ثانیه در منوی صوتی (balance، سپس agent)، ۱:۱۰ در صف cards منتظر ماند، "
                + "تلفن شما زنگ خورد (بی‌پاسخ)، a2 پاسخ داد", timelineStory(d, "Card blocked after wrong PIN"));
        assertEquals("", timelineStory(d, "Asked about the loan rate"));
        assertEquals("پاسخ‌های آماده", d.findElement(By.cssSelector("#answers h3")).getText());
        assertEquals("rtl", (String) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return getComputedStyle(document.getElementById('card')).direction"));
    }

    /** The story line as read, without the isolates that keep Latin ids in order inside Persian text. */
    private static String story(WebElement e) {
        return e.getText().replaceAll("[\u2066-\u2069]", "");
    }

    private static String timelineStory(WebDriver d, String notes) {
        return d.findElements(By.cssSelector("#timeline tr")).stream().filter(r -> r.getText().contains(notes))
                .findFirst().map(r -> story(r.findElement(By.className("story"))))
                .orElseThrow(() -> new AssertionError("no timeline entry with " + notes));
    }

    private static String waitingCell(WebDriver d) {
        List<WebElement> cells = d.findElements(By.cssSelector("#queue-rows tr[data-queue='cards'] td.waiting"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    private static void publishStats(int waiting, long answered) {
        Instant now = Instant.now();
        fx.vertx.eventBus().publish(Addresses.ACD_QUEUE_STATS_UPDATED, new QueueStatsUpdated(
                List.of(new QueueStatsUpdated.QueueFigures("cards", waiting, 95, 0.8, 2, answered, 11, 190)),
                List.of(new QueueStatsUpdated.AgentFigures("a2", "on-call", "", now.minusSeconds(30), 4)), now));
    }

}
