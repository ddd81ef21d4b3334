package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.Scenario;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.recording.RecordingChange;
import cc.core.testkit.Await;
import cc.core.testkit.Wavs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listening to a call's recordings in real headless Chromium: the WAV loads in the page's audio player. */
class RecordingPlaybackIT {
    private static final Instant T0 = Instant.parse("2026-11-16T07:01:52Z");
    private static ConsoleFixture fx;
    private static String earlier;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture(Optional.empty(), true);
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("parisa", Role.SUPERVISOR, "", "fa");
        fx.user("john", Role.AGENT, "a2", "en");
        Scenario scenario = new Scenario(fx).seed("root");
        // last week's call a2 answered: recorded, paused while the customer read her card number, resumed
        List<Interaction> calls = Await.result(fx.interactions.forCustomer(scenario.customer.id(), 10));
        earlier = calls.stream().filter(i -> i.agentId().equals(Optional.of("a2"))).findFirst().orElseThrow().id();
        record("2026/11/16/" + earlier + "-1.wav", "started", "policy", 0);
        record("2026/11/16/" + earlier + "-1.wav", "paused", "john", 60);
        record("2026/11/16/" + earlier + "-2.wav", "resumed", "john", 90);
        record("2026/11/16/" + earlier + "-2.wav", "ended", "system", 188);
        Wavs.write(fx.recordingsDir.resolve("2026/11/16/" + earlier + "-1.wav"), 2_000);
        Wavs.write(fx.recordingsDir.resolve("2026/11/16/" + earlier + "-2.wav"), 1_500);
    }

    private static void record(String file, String change, String by, int second) {
        Await.result(fx.recordings.record(RecordingChange.of(earlier, "pbx1", file, change, by, "",
                T0.plusSeconds(second))));
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

    /** Waits until every player in {@code scope} has loaded its file's metadata: a real WAV with a length. */
    private static List<WebElement> loadedPlayers(WebDriver d, By scope, int expected) {
        waiting(d).until(x -> x.findElements(scope).size() == expected);
        JavascriptExecutor js = (JavascriptExecutor) d;
        waiting(d).until(x -> Boolean.TRUE.equals(js.executeScript(
                "const a = Array.from(document.querySelectorAll(arguments[0]));"
                        + " return a.length > 0 && a.every(p => p.readyState >= 1 && p.duration > 0);",
                cssOf(scope))));
        List<WebElement> players = d.findElements(scope);
        for (WebElement p : players) {
            double seconds = ((Number) js.executeScript("return arguments[0].duration;", p)).doubleValue();
            assertTrue(seconds > 1.0 && seconds < 2.5, "the player read the WAV's length, " + seconds + " s");
        }
        return players;
    }

    private static String cssOf(By by) {
        String s = by.toString();
        return s.substring(s.indexOf(':') + 1).trim();
    }

    @Test
    @DisplayName("a supervisor opens a call and plays its two recordings (English)")
    void supervisorEnglish() {
        WebDriver d = chromium.start();
        signIn(d, "sara");
        waiting(d).until(x -> x.findElement(By.id("call-view-link")).isDisplayed());
        d.findElement(By.id("call-view-link")).click();
        waiting(d).until(x -> x.findElement(By.id("call-id")).isDisplayed());
        d.findElement(By.id("call-id")).sendKeys(earlier);
        d.findElement(By.cssSelector("#call-form button")).click();
        List<WebElement> players = loadedPlayers(d, By.cssSelector("#call-recordings audio"), 2);
        assertEquals("metadata", players.get(0).getAttribute("preload"));
        String text = d.findElement(By.id("call-recordings")).getText();
        assertTrue(text.contains("paused") && text.contains("call ended"), text);
        assertTrue(d.findElement(By.id("call-line")).getText().contains("a2"), "the call's story is told too");
        List<WebElement> downloads = d.findElements(By.cssSelector("#call-recordings a[download]"));
        assertEquals(2, downloads.size());
        assertTrue(downloads.get(0).getAttribute("href").endsWith(earlier + "-1.wav?download=1"));
    }

    @Test
    @DisplayName("a Persian-speaking supervisor gets the same players with the reasons in Persian")
    void supervisorPersian() {
        WebDriver d = chromium.start();
        signIn(d, "parisa");
        d.get(fx.base() + "/console/call.html?id=" + earlier);
        loadedPlayers(d, By.cssSelector("#call-recordings audio"), 2);
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        String text = d.findElement(By.id("call-recordings")).getText();
        assertTrue(text.contains("مکث شد") && text.contains("تماس پایان یافت"), text);
        assertTrue(text.matches("(?s).*[\u06F0-\u06F9].*"), "times in Persian digits: " + text);
    }

    @Test
    @DisplayName("the agent who took last week's call hears it from the timeline of the customer's new call")
    void agentTimeline() {
        WebDriver d = chromium.start();
        signIn(d, "john");
        Scenario again = new Scenario(fx);
        again.customer = Await.result(fx.customers.findByPhone("09121112233")).orElseThrow();
        String call = again.offer("a2");
        waiting(d).until(x -> call.equals(x.findElement(By.tagName("body")).getAttribute("data-pop")));
        assertTrue(!d.findElement(By.id("call-view-link")).isDisplayed(), "the call view link is for supervisors");
        loadedPlayers(d, By.cssSelector("#timeline tr[data-recordings-of] audio"), 2);
        assertEquals(earlier, d.findElement(By.cssSelector("#timeline tr[data-recordings-of]"))
                .getAttribute("data-recordings-of"));
    }
}
