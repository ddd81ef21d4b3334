package cc.console.browser;

import cc.console.adapter.jdbc.JdbcChatStore;
import cc.console.app.ChatDesk;
import cc.console.app.KnowledgeStore;
import cc.console.domain.chat.Chat;
import cc.console.domain.chat.ChatMessage;
import cc.console.domain.chat.ChatOutput;
import cc.core.contract.ChatRelease;
import cc.core.contract.ConsoleAddresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.openqa.selenium.JavascriptExecutor;
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

import java.time.Instant;
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

    /**
     * The other nodes as this desk sees them: "n9" has chats this test wrote to the store as n9's desk would; asked to
     * let one go, it does not answer in time the first time ({@code try-again}), then lets it go.
     */
    private static final java.util.concurrent.atomic.AtomicInteger releaseAsks =
            new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    static void start() {
        fx = new ChatFixture(java.util.Optional.of(new ChatDesk.PeerDesks() {
            @Override
            public String nodeId() {
                return "n1";
            }

            @Override
            public Future<Object> ask(String nodeId, String address, Object body, long timeoutMillis) {
                if (ConsoleAddresses.CHAT_RELEASE.equals(address) && releaseAsks.incrementAndGet() == 1) {
                    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 504,
                            "n9 did not answer in time"));
                }
                return Future.succeededFuture(body);
            }
        }));
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

    @Test
    @DisplayName("the visitor's page follows its chat between servers: told to try again while the chat moves, it "
            + "comes back by itself to the lines kept on the other server; told the chat moved to another window, it "
            + "stops without ending the chat")
    void visitorPageFollowsItsChat() {
        String token = "a token the page kept";
        Instant t = Instant.now();
        Await.result(new JdbcChatStore(fx.db, "n9").write(List.of(
                new ChatOutput.Opened("moving-1", "Sara", "refund", "en", "", "support", t, Chat.hashToken(token),
                        "10.0.0.9"),
                new ChatOutput.Held("moving-1", "a7", "support"),
                new ChatOutput.Store(new ChatMessage("moving-1", 1, ChatMessage.Sender.VISITOR, "", "hello", t)),
                new ChatOutput.Store(new ChatMessage("moving-1", 2, ChatMessage.Sender.AGENT, "a7",
                        "said on the other server", t)))));

        WebDriver visitor = chromium.start();
        visitor.get(fx.base() + "/help/chat.html?lang=en");
        ((JavascriptExecutor) visitor).executeScript("sessionStorage.setItem('cc-chat-token', arguments[0]);", token);
        visitor.navigate().refresh();
        // n9 does not let the chat go at once: the page is told to try again, and does, on a new socket
        waiting(visitor).until(x -> x.findElement(By.id("chat-lines")).getText()
                .contains("said on the other server"));
        assertEquals(2, releaseAsks.get(), "asked twice: the page came back by itself");
        assertEquals("open", visitor.findElement(By.tagName("body")).getAttribute("data-chat"));

        // another window of the chat reached another server, which took it: this page stops, the chat goes on there
        Await.result(fx.vertx.eventBus().request(ConsoleAddresses.CHAT_RELEASE, new ChatRelease("moving-1")));
        waiting(visitor).until(x -> x.findElement(By.id("chat-status")).getText()
                .equals("This chat goes on in another window."));
        waiting(visitor).until(x -> "closed".equals(x.findElement(By.tagName("body")).getAttribute("data-chat")));
        assertTrue(!visitor.findElement(By.id("chat-send")).isDisplayed());
        try {
            Thread.sleep(2_500);  // past the page's 2 s reconnect delay: it does not take the chat back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals("closed", visitor.findElement(By.tagName("body")).getAttribute("data-chat"));
        assertTrue(Await.result(fx.desk.read(b -> b.find("moving-1"))).isEmpty(), "let go, not taken back");
        assertTrue(Await.result(fx.desk.store().transcript("moving-1")).orElseThrow().endedAt().isEmpty(),
                "the chat is not over");
    }
}
