package cc.console.browser;

import cc.console.app.KnowledgeStore;
import cc.console.domain.auth.Role;
import cc.console.testing.ChatFixture;
import cc.core.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web chat in two real headless Chromiums against the real server and PostgreSQL: a visitor on the public Persian
 * page and an agent in the console, the ACD's side answered by {@link cc.console.testing.AcdMediaStandIn}.
 */
class ChatPagesIT {
    private static ChatFixture fx;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ChatFixture();
        fx.user("amir", Role.AGENT, "a7", "en");
        Await.result(fx.console.knowledge().save(new KnowledgeStore.Article(0, "Refund policy",
                "Refunds are paid back to your card within 7 days.", "refund money back", "en")));
        Await.result(fx.console.refreshAnswers());
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    @DisplayName("a visitor on the Persian page chats with an agent: messages both ways as text, the agent typing,"
            + " a scripted answer sent in one click, the visitor leaving closes the agent's panel")
    void visitorAndAgent() {
        WebDriver agent = chromium.start();
        agent.get(fx.base() + "/console/");
        waiting(agent).until(x -> x.findElement(By.id("username")).isDisplayed());
        agent.findElement(By.id("username")).sendKeys("amir");
        agent.findElement(By.id("password")).sendKeys(ChatFixture.PASSWORD);
        agent.findElement(By.id("signin-button")).click();
        waiting(agent).until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));

        WebDriver visitor = chromium.start();
        visitor.get(fx.base() + "/help/chat.html");
        waiting(visitor).until(x -> x.findElement(By.id("chat-name")).isDisplayed());
        assertEquals("rtl", visitor.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("شروع گفتگو", visitor.findElement(By.id("chat-begin")).getText());
        visitor.findElement(By.id("chat-name")).sendKeys("<img src=x onerror=alert(1)>");
        visitor.findElement(By.id("chat-topic")).sendKeys("refund");
        visitor.findElement(By.id("chat-begin")).click();
        waiting(visitor).until(x -> x.findElement(By.id("chat-box")).isDisplayed());

        WebElement panel = waiting(agent).until(x -> x.findElement(By.cssSelector(".chat-panel")));
        assertEquals("<img src=x onerror=alert(1)>", panel.findElement(By.tagName("bdi")).getText());
        assertTrue(panel.findElements(By.tagName("img")).isEmpty(), "the name is text, not markup");

        visitor.findElement(By.id("chat-text")).sendKeys("I want a refund <b>now</b>");
        visitor.findElement(By.id("chat-send-button")).click();
        waiting(agent).until(x -> x.findElement(By.cssSelector(".chat-panel .chat-lines")).getText()
                .contains("I want a refund <b>now</b>"));
        assertTrue(agent.findElements(By.cssSelector(".chat-panel .chat-lines b")).isEmpty());

        WebElement reply = waiting(agent).until(x -> {
            List<WebElement> r = x.findElements(By.cssSelector(".chat-panel .chat-reply"));
            return r.isEmpty() ? null : r.get(0);
        });
        assertEquals("Refund policy", reply.getText());
        agent.findElement(By.cssSelector(".chat-panel .chat-text")).sendKeys("Let me check");
        waiting(visitor).until(x -> x.findElement(By.id("chat-typing")).isDisplayed());
        // the replies are drawn again after each visitor line: click the one on the page now
        waiting(agent).until(x -> {
            x.findElement(By.cssSelector(".chat-panel .chat-reply")).click();
            return true;
        });
        waiting(visitor).until(x -> x.findElement(By.id("chat-lines")).getText()
                .contains("Refunds are paid back to your card within 7 days."));

        visitor.findElement(By.id("chat-leave")).click();
        waiting(agent).until(x -> "customer-left".equals(
                x.findElement(By.cssSelector(".chat-panel")).getAttribute("data-ended")));
        waiting(visitor).until(x -> !x.findElement(By.id("chat-send")).isDisplayed());
    }
}
