package cc.console.browser;

import cc.console.testing.ConsoleFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** What every browser test of the console does: wait through re-renders, and sign in at the console's page. */
final class ConsolePage {
    private ConsolePage() {}

    /** Waits through re-renders too: pages redraw their rows on every update, leaving found elements stale. */
    static WebDriverWait waiting(WebDriver d) {
        WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(15), Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Fills the sign-in form of {@code /console/} with the fixture's password and submits it. */
    static void submitSignIn(WebDriver d, ConsoleFixture fx, String user) {
        d.get(fx.base() + "/console/");
        waiting(d).until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        d.findElement(By.id("signin-button")).click();
    }

    /** Signs in and waits until the live channel is open. */
    static void signIn(WebDriver d, ConsoleFixture fx, String user) {
        submitSignIn(d, fx, user);
        waiting(d).until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
    }
}
