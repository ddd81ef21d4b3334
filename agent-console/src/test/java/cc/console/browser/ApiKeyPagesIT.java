package cc.console.browser;

import cc.console.adapter.http.BackOfficeWeb;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.jdbc.JdbcBackOffice;
import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.core.testkit.Await;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admins' API key panel in headless Chromium, in Persian: a key made with two scopes is shown once and works
 * against the back-office API over HTTP; revoked in the panel, the same key is refused.
 */
class ApiKeyPagesIT {
    private static ConsoleFixture fx;
    private static HttpServer server;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("adi", Role.ADMIN, "", "fa");
        Router router = Router.router(fx.vertx);
        new ConsoleWeb(fx.vertx, fx.console).withBackOffice(JdbcBackOffice.web(fx.vertx, fx.db, fx.console))
                .mount(router);
        server = Await.result(fx.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            Await.result(server.close());
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private static int status(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + BackOfficeWeb.PREFIX
                        + "/interactions")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @DisplayName("an admin makes a key in Persian, copies it from the one time it is shown, and revokes it")
    void makeAndRevoke() throws Exception {
        WebDriver d = chromium.start();
        d.get(base() + "/console/");
        ConsolePage.waiting(d).until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys("adi");
        d.findElement(By.id("password")).sendKeys(ConsoleFixture.PASSWORD);
        d.findElement(By.id("signin-button")).click();
        WebElement panel = ConsolePage.waiting(d).until(x -> x.findElement(By.id("api-key-panel")));
        ConsolePage.waiting(d).until(x -> x.findElement(By.cssSelector("#api-key-panel h2")).getText()
                .equals("کلیدهای API سامانه‌های پشتیبان"));
        assertTrue(panel.getText().contains("هنوز کلیدی نیست"), panel.getText());

        d.findElement(By.id("api-key-name")).sendKeys("ERP");
        for (WebElement box : d.findElements(By.cssSelector("#api-key-form .api-key-scope"))) {
            String v = box.getAttribute("value");
            if (v.equals("interactions:read") || v.equals("customers:read")) {
                box.click();
            }
        }
        d.findElement(By.cssSelector("#api-key-form button[type=submit]")).click();
        String key = ConsolePage.waiting(d).until(x -> {
            String v = x.findElement(By.id("api-key-secret")).getAttribute("value");
            return v != null && v.startsWith("cck_") ? v : null;
        });
        WebElement row = d.findElement(By.cssSelector("#api-key-list li[data-key]"));
        assertTrue(row.getText().contains("خواندن تعامل‌ها") && row.getText().contains("فعال"), row.getText());
        assertEquals(200, status(key));

        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.confirm = () => true;");
        d.findElement(By.cssSelector("#api-key-list .api-key-revoke")).click();
        ConsolePage.waiting(d).until(x -> x.findElement(By.cssSelector("#api-key-list li[data-key]")).getText()
                .contains("باطل‌شده"));
        assertTrue(d.findElements(By.id("api-key-secret")).isEmpty(), "the key is not shown again");
        assertEquals(401, status(key));
    }
}
