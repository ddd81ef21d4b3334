package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.CallControlStandIn;
import cc.console.testing.ConsoleFixture;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallControlRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's call-control bar and transfer dialog, and the supervisor's take-over and recording buttons, in real
 * headless Chromium against the real server and PostgreSQL, with a stand-in for core's call-control service.
 */
class CallControlPagesIT {
    private static ConsoleFixture fx;
    private static CallControlStandIn service;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    /** What each language shows for the same steps. */
    record Words(String hold, String resume, String held, String paused, String refused, String transferredBy) {}

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("john", Role.AGENT, "a2", "en");
        fx.user("reza", Role.AGENT, "a3", "fa");
        fx.user("nima", Role.AGENT, "a4", "en");
        fx.user("omid", Role.AGENT, "a5", "fa");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        service = CallControlStandIn.register(fx.vertx);
        service.availableAgents.add("a3");
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a3", "available", "", Instant.now()));
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a4", "paused", "lunch", Instant.now()));
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
    @DisplayName("English: Hold turns into Resume when the call is held, Alt+H resumes, the dialog lists agents by availability and says why a number is refused")
    void english() {
        controlACall("john", "a2", new Words("Hold", "Resume", "On hold", "paused", "Number refused", "Transferred by"));
    }

    @Test
    @DisplayName("Persian: the same bar, dialog and refusal in Persian")
    void persian() {
        controlACall("ali", "a1", new Words("نگه‌داشتن", "ادامه", "در انتظار", "توقف", "شماره پذیرفته نشد", "انتقال از"));
    }

    private void controlACall(String user, String agentId, Words w) {
        WebDriver d = chromium.start();
        signIn(d, user);
        String call = CallControlStandIn.offer(fx, agentId, Map.of("transferredBy", "a9",
                "transferNotes", "<b>VIP</b> asks about a car loan"));
        waiting(d).until(x -> call.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        waiting(d).until(x -> w.hold().equals(text(x, "cc-hold")));
        assertFalse(d.findElement(By.id("cc-hold")).isEnabled(), "nothing to control while the phone rings");
        service.publish(call, agentId, "talking", "", "off");
        waiting(d).until(x -> x.findElement(By.id("cc-hold")).isEnabled());
        assertEquals(w.transferredBy() + " a9: <b>VIP</b> asks about a car loan", text(d, "transferred-by"),
                "the notes are shown as typed, not as markup");
        assertTrue(d.findElement(By.id("cc-hold")).getAttribute("title").endsWith("(Alt+H)"));
        assertFalse(d.findElement(By.id("cc-complete")).isEnabled(), "nothing to complete while talking");

        service.publish(call, agentId, "held", "", "off");
        waiting(d).until(x -> w.resume().equals(text(x, "cc-hold")));
        assertTrue(text(d, "cc-state").startsWith(w.held()), text(d, "cc-state"));

        // Alt+H with the focus outside any text field resumes the call
        d.findElement(By.id("caller-name")).click();
        int before = service.requests.size();
        new Actions(d).keyDown(Keys.ALT).sendKeys("h").keyUp(Keys.ALT).perform();
        waiting(d).until(x -> service.requests.size() == before + 1);
        assertEquals(new CallControlRequest(call, agentId, user, false, "resume", "", "", ""), service.last());
        waiting(d).until(x -> w.hold().equals(text(x, "cc-hold")));

        // typed in a text field, Alt+H is the field's, not the call's
        d.findElement(By.id("dial-number")).click();
        new Actions(d).keyDown(Keys.ALT).sendKeys("h").keyUp(Keys.ALT).perform();
        d.findElement(By.id("notes")).sendKeys("Verified her account");

        d.findElement(By.id("cc-transfer")).click();
        waiting(d).until(x -> x.findElement(By.id("transfer-dialog")).isDisplayed());
        assertEquals(before + 1, service.requests.size(), "Alt+H in the notes did nothing to the call");
        waiting(d).until(x -> x.findElements(By.cssSelector("#td-agent option")).size() >= 2);
        WebElement available = d.findElement(By.cssSelector("#td-agent option[value='a3']"));
        WebElement paused = d.findElement(By.cssSelector("#td-agent option[value='a4']"));
        assertTrue(available.isEnabled());
        assertFalse(paused.isEnabled());
        assertTrue(paused.getText().contains(w.paused()), paused.getText());
        assertEquals("a3", d.findElement(By.id("td-agent")).getAttribute("value"), "the available agent is chosen");
        assertEquals("Verified her account", d.findElement(By.id("td-notes")).getAttribute("value"));

        d.findElement(By.id("td-kind-number")).click();
        d.findElement(By.id("td-number")).sendKeys("0044207123456");
        d.findElement(By.id("td-go")).click();
        waiting(d).until(x -> !text(x, "td-error").isEmpty());
        assertEquals(w.refused() + ": " + CallControlStandIn.REFUSED_NUMBER_MESSAGE, text(d, "td-error"));
        assertEquals(new CallControlRequest(call, agentId, user, false, "transfer", "number", "0044207123456",
                "Verified her account"), service.last());
        assertTrue(d.findElement(By.id("transfer-dialog")).isDisplayed(), "the dialog stays open to pick another target");

        d.findElement(By.id("td-number")).sendKeys(Keys.ESCAPE);
        waiting(d).until(x -> !x.findElement(By.id("transfer-dialog")).isDisplayed());
        assertEquals("cc-transfer", d.switchTo().activeElement().getAttribute("id"), "focus returns to the button");
    }

    @Test
    @DisplayName("the supervisor pauses the recording of an agent's call from the agent grid, and takes it over")
    void supervisorGrid() {
        WebDriver d = chromium.start();
        signIn(d, "sara");
        String call = CallControlStandIn.offer(fx, "a5", Map.of());
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED, new AgentStateChanged("a5", "on-call", "", Instant.now()));
        service.publish(call, "a5", "talking", "", "on");
        By pause = By.cssSelector("#agent-rows tr[data-agent='a5'] .cc-rec");
        waiting(d).until(x -> !x.findElements(pause).isEmpty() && "Pause recording".equals(x.findElement(pause).getText()));
        assertTrue(d.findElements(By.cssSelector("#agent-rows tr[data-agent='a4'] .cc-rec")).isEmpty(),
                "a paused agent has no call to control");
        d.findElement(pause).click();
        waiting(d).until(x -> "Resume recording".equals(x.findElement(pause).getText()));
        assertEquals(new CallControlRequest(call, "a5", "sara", true, "record-pause", "", "", ""), service.last());

        d.findElement(By.cssSelector("#agent-rows tr[data-agent='a5'] .cc-takeover")).click();
        waiting(d).until(x -> !text(x, "supervisor-status").isEmpty());
        assertTrue(text(d, "supervisor-status").startsWith("The agent is not available"), text(d, "supervisor-status"));
        assertEquals(List.of("record-pause"), service.requests.stream().filter(r -> r.interactionId().equals(call))
                .map(CallControlRequest::intent).toList(), "sara takes no calls: the take-over is refused before it is sent");
    }
}
