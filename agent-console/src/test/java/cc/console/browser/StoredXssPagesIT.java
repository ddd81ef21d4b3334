package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallOffered;
import cc.core.contract.QueueStatsUpdated;
import cc.core.domain.customer.Customer;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored XSS in real headless Chromium against the real console and PostgreSQL: a customer whose name, an earlier
 * call's notes, a pause reason and a queue name carry markup ({@code <img src=x onerror=...>}, {@code <script>}).
 * Each payload, if run, would mark the page's body; each is shown as the very text that was stored on the pop, the
 * customer's timeline, the wallboard and the reports page, no element is made from it, and nothing runs. The chat
 * panel's case (a visitor's name and line with markup) is {@code ChatPagesIT}.
 */
class StoredXssPagesIT {
    private static final String IMG = "<img src=x onerror=\"document.body.dataset.xss='img'\">";
    private static final String SCRIPT = "<script>document.body.dataset.xss='script'</script>";
    private static final String NAME = IMG + "Nika" + SCRIPT;
    private static final String NOTES = "Asked for a refund " + IMG + " twice " + SCRIPT;
    private static final String QUEUE = "<b onmouseover=\"document.body.dataset.xss='queue'\">vip</b>";
    /** 2026-12-02 09:00 in Tehran, the reports' zone of the fixture. */
    private static final Instant DAY = Instant.parse("2026-12-02T05:30:00Z");
    private static ConsoleFixture fx;
    private static Customer customer;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        customer = Await.result(fx.customers.save(new Customer(0, NAME, List.of("09127770000"), "ACC-7", "en",
                "gold")));
        Instant lastWeek = DAY.minusSeconds(7 * 86_400);
        Await.result(fx.interactions.save(Interaction.newCall("old-" + UUID.randomUUID(), Direction.INBOUND, "pbx1",
                        "c0", "09127770000", "", "1500", lastWeek).answered(lastWeek)
                .withSegment(new Segment(SegmentKind.TALK, lastWeek, Optional.of(lastWeek.plusSeconds(60)), "a1", "",
                        "", Segment.CALLER_HUNG_UP, ""))
                .withCustomer(customer.id()).withQueue(QUEUE).withAgent("a1")
                .withDisposition("resolved", NOTES).ended(lastWeek.plusSeconds(60), "normal")));
        Instant answer = DAY.plusSeconds(10);
        Await.result(fx.interactions.save(Interaction.newCall("r1", Direction.INBOUND, "pbx1", "r1", "09127770000",
                        "", "1500", DAY)
                .withSegment(new Segment(SegmentKind.QUEUE, DAY, Optional.of(answer), "", QUEUE, "", Segment.ANSWERED,
                        ""))
                .withSegment(new Segment(SegmentKind.TALK, answer, Optional.of(answer.plusSeconds(30)), "a1", QUEUE,
                        "", Segment.CALLER_HUNG_UP, ""))
                .ended(answer.plusSeconds(30), "normal")));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @DisplayName("markup in a customer's name, notes, a pause reason and a queue name is shown as text on the pop, the"
            + " timeline, the wallboard and the reports, and nothing in it runs")
    void markupShownAsText() {
        WebDriver agent = chromium.start();
        ConsolePage.signIn(agent, fx, "ali");
        String call = offer("a1");
        waiting(agent).until(x -> call.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        assertEquals(NAME, agent.findElement(By.id("caller-name")).getText());
        waiting(agent).until(x -> x.findElement(By.id("timeline")).getText().contains("Asked for a refund"));
        assertTrue(agent.findElement(By.id("timeline")).getText().contains(NOTES),
                agent.findElement(By.id("timeline")).getText());
        assertNothingRan(agent, "the agent's pop and timeline");

        WebDriver supervisor = chromium.start();
        ConsolePage.signIn(supervisor, fx, "sara");
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged("a1", "paused", IMG + "lunch", Instant.now()));
        fx.vertx.eventBus().publish(Addresses.ACD_QUEUE_STATS_UPDATED, new QueueStatsUpdated(
                List.of(new QueueStatsUpdated.QueueFigures(QUEUE, 2, 30, 0.9, 1, 5, 0, 120)), List.of(),
                Instant.now()));
        waiting(supervisor).until(x -> x.findElement(By.id("queue-rows")).getText().contains(QUEUE));
        waiting(supervisor).until(x -> x.findElement(By.id("agent-rows")).getText().contains(IMG + "lunch"));
        assertNothingRan(supervisor, "the wallboard");

        supervisor.findElement(By.id("reports-link")).click();
        waiting(supervisor).until(x -> "ready".equals(x.findElement(By.tagName("body")).getAttribute("data-reports")));
        type(supervisor, "r-subject", "");
        type(supervisor, "r-from", "2026-12-02");
        type(supervisor, "r-to", "2026-12-02");
        new Select(supervisor.findElement(By.id("r-interval"))).selectByValue("day");
        supervisor.findElement(By.id("show-report")).click();
        waiting(supervisor).until(x -> "loaded".equals(x.findElement(By.tagName("body")).getAttribute("data-report")));
        List<String> queues = supervisor.findElements(By.cssSelector("#report-rows td[data-column='queue']")).stream()
                .map(WebElement::getText).toList();
        assertTrue(queues.contains(QUEUE), queues.toString());
        assertNothingRan(supervisor, "the reports page");
    }

    /** No payload ran (the body carries no mark) and none became an element (no img with src x, no bold, no script). */
    private static void assertNothingRan(WebDriver d, String where) {
        Object state = ((JavascriptExecutor) d).executeScript("return [document.body.dataset.xss || '',"
                + " document.querySelectorAll('img[src=\"x\"], b[onmouseover]').length,"
                + " [...document.scripts].filter(s => !s.src).length]");
        assertEquals(List.of("", 0L, 0L), state, where + ": [mark set by a payload, elements made of markup,"
                + " inline scripts]");
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** A call from the customer ringing {@code agentId} now, as the ACD offers it. */
    private static String offer(String agentId) {
        String id = "call-" + UUID.randomUUID();
        Instant now = Instant.now();
        Await.result(fx.interactions.save(Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09127770000", NAME,
                        "1500", now.minusSeconds(20)).answered(now.minusSeconds(20))
                .withSegment(Segment.begins(SegmentKind.QUEUE, now.minusSeconds(15), "", QUEUE, ""))
                .withSegment(Segment.begins(SegmentKind.OFFER, now, agentId, QUEUE, ""))
                .withQueue(QUEUE).withCustomer(customer.id())));
        fx.vertx.eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered(agentId, id, "u-" + id,
                "09127770000", QUEUE, Map.of("topic", SCRIPT), now));
        return id;
    }
}
