package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.Scenario;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.ChangeAgentState;
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
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pop's opportunity form in real headless Chromium against the real console and PostgreSQL: an agent records an
 * opportunity on the call with a stage (its default probability filled in), a product and an expected close, then
 * marks it lost with a reason, the reasons offered only once the stage is lost.
 */
class OpportunityFormPagesIT {
    private static ConsoleFixture fx;
    private static Scenario scenario;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("john", Role.AGENT, "a2", "en");
        scenario = new Scenario(fx).seed("root");
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

    private static void save(WebDriver d) {
        ((JavascriptExecutor) d).executeScript("document.getElementById('opp-status').textContent = ''");
        d.findElement(By.cssSelector("#opportunity-form button[type='submit']")).click();
        waiting(d).until(x -> !x.findElement(By.id("opp-status")).getText().isEmpty());
        assertEquals("Saved", d.findElement(By.id("opp-status")).getText());
    }

    @Test
    @DisplayName("the agent records an opportunity at a stage with its default probability, product and expected close,"
            + " then loses it with a reason")
    void recordThenLose() {
        WebDriver d = chromium.start();
        ConsolePage.signIn(d, fx, "john");
        d.findElement(By.id("go-available")).click();
        waiting(d).until(x -> "available".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));
        String call = scenario.offer("a2");
        waiting(d).until(x -> call.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        waiting(d).until(x -> x.findElements(By.cssSelector("#opp-stage option")).size() == 5);
        assertEquals(List.of("Qualify", "Propose", "Negotiate", "Won", "Lost"),
                d.findElements(By.cssSelector("#opp-stage option")).stream().map(e -> e.getText()).toList());
        assertFalse(d.findElement(By.id("opp-lost-reason-label")).isDisplayed(), "no reason while not lost");

        d.findElement(By.id("opp-title")).sendKeys("Gold card upgrade");
        d.findElement(By.id("opp-amount")).sendKeys("25000000");
        new Select(d.findElement(By.id("opp-stage"))).selectByValue("propose");
        assertEquals("40", d.findElement(By.id("opp-probability")).getAttribute("value"), "the stage's default");
        d.findElement(By.id("opp-product")).sendKeys("gold-card");
        ((JavascriptExecutor) d).executeScript("document.getElementById('opp-expected-close').value = '2026-12-20'");
        save(d);

        List<Opportunity> open = Await.result(fx.console.opportunities().openFor(scenario.customer.id()));
        assertEquals(1, open.size());
        Opportunity o = open.get(0);
        assertEquals(List.of("Gold card upgrade", "propose", "40", "gold-card", "2026-12-20", call),
                List.of(o.title(), o.stage(), String.valueOf(o.probability()), o.product(),
                        o.expectedClose().map(LocalDate::toString).orElse(""), o.interactionId()));
        waiting(d).until(x -> x.findElement(By.id("opportunity-list")).getText().contains("Propose"));

        d.findElement(By.cssSelector("#opportunity-list li[data-opportunity='" + o.id() + "'] button")).click();
        new Select(d.findElement(By.id("opp-stage"))).selectByValue("lost");
        assertTrue(d.findElement(By.id("opp-lost-reason-label")).isDisplayed(), "the reasons are offered");
        new Select(d.findElement(By.id("opp-lost-reason"))).selectByValue("competitor");
        save(d);

        Opportunity lost = Await.result(fx.console.opportunities().find(o.id())).orElseThrow();
        assertEquals(List.of("lost", "competitor", "0"), List.of(lost.stage(), lost.lostReason(),
                String.valueOf(lost.probability())));
        assertTrue(lost.closedAt().isPresent());
        assertEquals(Optional.of(LocalDate.parse("2026-12-20")), lost.expectedClose(), "what was not changed stays");
        waiting(d).until(x -> !x.findElement(By.id("opportunity-list")).getText().contains("Gold card upgrade"));
    }
}
