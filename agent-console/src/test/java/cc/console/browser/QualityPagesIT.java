package cc.console.browser;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.QualityData;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingChange;
import cc.core.testkit.Await;
import cc.core.testkit.Wavs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quality review in real headless Chromium against the real console and PostgreSQL: an admin defines a form, a
 * supervisor scores a call of agent a1 on it while the score follows the answers, the score reaches the wallboard's
 * agent grid, and a1 reads the evaluation; in English and in Persian.
 */
class QualityPagesIT {
    private ConsoleFixture fx;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }


    /** Signs in on the console page and, when asked, follows its Quality link. */
    private void signIn(WebDriver d, String user, boolean toQuality) {
        ConsolePage.submitSignIn(d, fx, user);
        waiting(d).until(x -> x.findElement(By.id("quality-link")).isDisplayed());
        if (toQuality) {
            d.findElement(By.id("quality-link")).click();
            waiting(d).until(x -> "ready".equals(x.findElement(By.tagName("body")).getAttribute("data-quality")));
        }
    }

    private static void type(WebElement e, String text) {
        e.clear();
        e.sendKeys(text);
    }

    private static void criterion(WebElement row, String text, String weight, String scale, boolean critical) {
        type(row.findElement(By.className("c-text")), text);
        type(row.findElement(By.className("c-weight")), weight);
        new Select(row.findElement(By.className("c-scale"))).selectByValue(scale);
        if (critical) {
            row.findElement(By.className("c-critical")).click();
        }
    }

    private static void answer(WebDriver d, String criterionText, String value) {
        d.findElements(By.cssSelector("#s-criteria .criterion")).stream()
                .filter(c -> c.findElement(By.className("text")).getText().equals(criterionText)).findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + criterionText))
                .findElement(By.cssSelector("input[value='" + value + "']")).click();
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "fa"})
    @DisplayName("an admin creates a form, a supervisor scores a1's call with the score shown live, the wallboard"
            + " shows a1's average and a1 reads the evaluation")
    void formScoreWallboardAndAgent(String lang) {
        boolean fa = lang.equals("fa");
        fx = new ConsoleFixture();
        fx.user("mina", Role.ADMIN, "", lang);
        fx.user("sara", Role.SUPERVISOR, "", lang);
        fx.user("ali", Role.AGENT, "a1", lang);
        String call = "qa-call-" + lang;
        Await.result(fx.interactions.save(QualityData.handled(call, "a1", "cards", Instant.now().minusSeconds(3600))));
        Await.result(fx.interactions.save(QualityData.handled("other-" + lang, "a2", "cards", Instant.now().minusSeconds(600))));
        fx.vertx.eventBus().publish(Addresses.ACD_AGENT_STATE_CHANGED,
                new AgentStateChanged("a1", "available", "", Instant.now()));
        String formName = fa ? "تماس‌های ورودی" : "Inbound calls";

        // the admin defines: Opening (greeting yes-no 1; identity yes-no 2, critical), Conversation (resolution 1-5 3)
        WebDriver admin = chromium.start();
        signIn(admin, "mina", true);
        assertEquals(fa ? "rtl" : "ltr", admin.findElement(By.tagName("html")).getAttribute("dir"));
        admin.findElement(By.id("new-form")).click();
        waiting(admin).until(x -> x.findElement(By.id("form-editor")).isDisplayed());
        type(admin.findElement(By.id("f-name")), formName);
        WebElement opening = admin.findElement(By.cssSelector("#f-sections .section-edit"));
        type(opening.findElement(By.className("section-title")), fa ? "شروع" : "Opening");
        criterion(opening.findElement(By.className("criterion-edit")), fa ? "سلام و معرفی" : "Greets by name",
                fa ? "۱" : "1", "yes-no", false);
        opening.findElement(By.className("add-criterion")).click();
        criterion(opening.findElements(By.className("criterion-edit")).get(1), fa ? "احراز هویت" : "Checks identity",
                fa ? "۲" : "2", "yes-no", true);
        admin.findElement(By.id("add-section")).click();
        WebElement conversation = admin.findElements(By.cssSelector("#f-sections .section-edit")).get(1);
        type(conversation.findElement(By.className("section-title")), fa ? "گفتگو" : "Conversation");
        criterion(conversation.findElement(By.className("criterion-edit")), fa ? "حل مشکل" : "Solves the problem",
                fa ? "۳" : "3", "1-5", false);
        admin.findElement(By.id("save-form")).click();
        waiting(admin).until(x -> !x.findElements(By.cssSelector("#form-rows tr[data-form]")).isEmpty());
        WebElement formRow = admin.findElement(By.cssSelector("#form-rows tr[data-form]"));
        assertEquals(formName, formRow.findElement(By.className("name")).getText());
        assertEquals(fa ? "۱" : "1", formRow.findElement(By.className("version")).getText());

        // the supervisor picks a1's call, finds no recording yet, and fills the form
        WebDriver supervisor = chromium.start();
        signIn(supervisor, "sara", true);
        type(supervisor.findElement(By.id("r-agent")), "a1");
        supervisor.findElement(By.cssSelector("#call-filter button[type='submit']")).click();
        waiting(supervisor).until(x -> x.findElements(By.cssSelector("#call-rows tr")).size() == 1
                && !x.findElements(By.cssSelector("#call-rows tr[data-call='" + call + "']")).isEmpty());
        supervisor.findElement(By.cssSelector("#call-rows tr[data-call='" + call + "'] button.review")).click();
        waiting(supervisor).until(x -> "none".equals(x.findElement(By.id("recordings")).getAttribute("data-recordings")));
        assertEquals(fa ? "ضبطی نیست" : "No recording", supervisor.findElement(By.cssSelector("#recordings .no-recording")).getText());
        assertEquals(formName, new Select(supervisor.findElement(By.id("s-form"))).getFirstSelectedOption().getText());
        answer(supervisor, fa ? "سلام و معرفی" : "Greets by name", "yes");
        // 1 of 1 so far
        assertEquals(fa ? "۱۰۰" : "100", text(supervisor, "live-score"));
        answer(supervisor, fa ? "احراز هویت" : "Checks identity", "no");
        assertEquals(fa ? "۰" : "0", text(supervisor, "live-score"));
        assertTrue(supervisor.findElement(By.id("live-failed")).isDisplayed(), "a critical no fails the form");
        assertTrue(text(supervisor, "live-failed").contains(fa ? "احراز هویت" : "Checks identity"));
        answer(supervisor, fa ? "احراز هویت" : "Checks identity", "yes");
        answer(supervisor, fa ? "حل مشکل" : "Solves the problem", "4");
        // (1 + 2 + 0.75 * 3) / 6
        assertEquals(fa ? "۸۷٫۵" : "87.5", text(supervisor, "live-score"));
        assertTrue(!supervisor.findElement(By.id("live-failed")).isDisplayed());
        supervisor.findElement(By.cssSelector("#s-criteria .criterion[data-criterion='c3'] input.comment"))
                .sendKeys(fa ? "راه‌حل را دوباره تأیید کند" : "Confirm the fix before closing");
        type(supervisor.findElement(By.id("s-comment")), fa ? "تماس خوب" : "Good call");
        supervisor.findElement(By.id("save-evaluation")).click();
        waiting(supervisor).until(x -> !x.findElement(By.id("evaluation-status")).getText().isEmpty());
        assertEquals(fa ? "ذخیره شد: ۸۷٫۵" : "Saved: 87.5", text(supervisor, "evaluation-status"));
        waiting(supervisor).until(x -> x.findElements(By.cssSelector("#call-evaluations li")).size() == 1);

        // back on the console, the agent grid shows a1's 30-day average and count
        supervisor.findElement(By.id("back")).click();
        waiting(supervisor).until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
        waiting(supervisor).until(x -> !x.findElements(By.cssSelector("#agent-rows tr[data-agent='a1'] td.qa[data-score='87.5']")).isEmpty());
        assertEquals(fa ? "۸۷٫۵ (۱)" : "87.5 (1)",
                supervisor.findElement(By.cssSelector("#agent-rows tr[data-agent='a1'] td.qa")).getText());
        List<String> heads = supervisor.findElements(By.cssSelector("#agent-rows")).get(0)
                .findElement(By.xpath("..")).findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
        assertTrue(heads.contains(fa ? "کیفیت" : "QA"), heads.toString());

        // a1 reads it on their own page, answers and remarks included
        WebDriver agent = chromium.start();
        signIn(agent, "ali", true);
        assertTrue(agent.findElement(By.id("review")).getAttribute("hidden") != null, "agents review no calls");
        waiting(agent).until(x -> x.findElements(By.cssSelector("#my-evaluations tr[data-evaluation]")).size() == 1);
        WebElement mine = agent.findElement(By.cssSelector("#my-evaluations tr[data-evaluation]"));
        assertEquals(fa ? "۸۷٫۵" : "87.5", mine.findElement(By.className("score")).getText());
        assertTrue(mine.getText().contains(formName) && mine.getText().contains("sara"), mine.getText());
        mine.click();
        waiting(agent).until(x -> x.findElement(By.id("my-detail")).isDisplayed());
        WebElement resolution = agent.findElement(By.cssSelector("#d-answers tr[data-criterion='c3']"));
        assertEquals(fa ? "حل مشکل ۴ راه‌حل را دوباره تأیید کند" : "Solves the problem 4 Confirm the fix before closing",
                resolution.getText());
        assertEquals(fa ? "rtl" : "ltr", (String) ((JavascriptExecutor) agent)
                .executeScript("return getComputedStyle(document.getElementById('mine')).direction"));
    }

    @Test
    @DisplayName("the supervisor hears the call's recordings while scoring it; a recording deleted by retention is not offered")
    void playback() {
        fx = new ConsoleFixture(Optional.empty());
        fx.user("sara", Role.SUPERVISOR, "", "en");
        Instant started = Instant.now().minusSeconds(900);
        Await.result(fx.interactions.save(QualityData.handled("rec-call", "a1", "cards", started)));
        // the recordings library as call control fills it: one file kept, an older one deleted by retention
        String kept = "2026/12/01/rec-call-2.wav";
        String gone = "2026/12/01/rec-call-1.wav";
        for (String[] c : new String[][] {{gone, "started", "policy"}, {gone, "paused", "a1"},
                {kept, "resumed", "a1"}, {kept, "ended", "system"}}) {
            Await.result(fx.recordings.record(RecordingChange.of("rec-call", "pbx1", c[0], c[1], c[2], "",
                    started.plusSeconds(c[1].equals("started") ? 0 : c[1].equals("paused") ? 30 : c[1].equals("resumed")
                            ? 40 : 100))));
        }
        Wavs.write(fx.recordingsDir.resolve(kept), 1_000);
        Await.result(fx.recordings.markDeleted(gone, Instant.now(), "retention", new RecordingAudit(Instant.now(),
                "retention", gone, "rec-call", RecordingAudit.DELETE, "test")));

        WebDriver d = chromium.start();
        signIn(d, "sara", true);
        waiting(d).until(x -> !x.findElements(By.cssSelector("#call-rows tr[data-call='rec-call'] button.review")).isEmpty());
        d.findElement(By.cssSelector("#call-rows tr[data-call='rec-call'] button.review")).click();
        waiting(d).until(x -> "1".equals(x.findElement(By.id("recordings")).getAttribute("data-recordings")));
        List<WebElement> players = d.findElements(By.cssSelector("#recordings audio[controls]"));
        assertEquals(1, players.size(), "the deleted recording is not offered");
        assertTrue(players.get(0).getAttribute("src").endsWith("/api/recordings/" + kept),
                players.get(0).getAttribute("src"));
        assertTrue(d.findElement(By.id("recordings")).getText().contains("ended"));
        // the browser fetches and decodes it: a second of audio
        ((JavascriptExecutor) d).executeScript("document.querySelector('#recordings audio').load()");
        waiting(d).until(x -> {
            Object duration = ((JavascriptExecutor) x).executeScript("return document.querySelector('#recordings audio').duration");
            return duration instanceof Number n && Math.abs(n.doubleValue() - 1.0) < 0.01;
        });
        assertTrue(d.findElements(By.cssSelector("#recordings .no-recording")).isEmpty());
    }
}
