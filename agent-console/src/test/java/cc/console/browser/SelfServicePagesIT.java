package cc.console.browser;

import cc.console.adapter.http.SelfServiceWeb;
import cc.console.adapter.jdbc.JdbcSelfServiceStore;
import cc.console.app.KnowledgeStore;
import cc.console.app.SelfService;
import cc.console.domain.selfservice.BusinessHours;
import cc.console.domain.selfservice.ClickToTalkLimits;
import cc.console.domain.selfservice.OrderLookupLimit;
import cc.console.domain.selfservice.SelfServiceSettings;
import cc.console.testing.ConsoleFixture;
import cc.core.adapter.jdbc.JdbcHistoryLoader;
import cc.core.contract.Addresses;
import cc.core.contract.ClickToTalkAddresses;
import cc.core.contract.ClickToTalkQuery;
import cc.core.contract.ClickToTalkRequest;
import cc.core.contract.ClickToTalkStatus;
import cc.core.contract.QueueStatsUpdated;
import cc.core.domain.scoring.CustomerHistory;
import cc.core.testkit.Await;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static cc.console.browser.ConsolePage.waiting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public help page in real headless Chromium against the real console, PostgreSQL and event bus: search in
 * English and Persian finds published articles only (never an unpublished one, never a solved call's notes), order
 * status with the right and a wrong second factor, a click-to-talk request arriving on the bus for a dialer stand-in
 * that answers {@code scheduled}, and the abuse cases: limits per address, number and day, premium and foreign
 * numbers, and a flood from one address, none of which puts more than the limits on the bus.
 */
class SelfServicePagesIT {
    private static final String PROXY = "127.0.0.1";
    private static ConsoleFixture fx;
    private static HttpServer server;
    private static String orderNumber;
    private static String phone;
    private static final List<ClickToTalkRequest> requests = new CopyOnWriteArrayList<>();
    private static volatile String dialerState = ClickToTalkStatus.SCHEDULED;
    private static io.vertx.core.eventbus.MessageConsumer<ClickToTalkRequest> dialer;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        KnowledgeStore k = fx.console.knowledge();
        Await.result(k.save(new KnowledgeStore.Article(0, "Refund of a cancelled order",
                "Refunds for cancelled orders reach your card within five working days.", "refund billing", "en",
                true)));
        Await.result(k.save(new KnowledgeStore.Article(0, "بازگرداندن وجه سفارش لغوشده",
                "وجه سفارش‌های لغوشده ظرف پنج روز کاری به کارت شما بازمی‌گردد.", "بازگشت وجه", "fa", true)));
        Await.result(k.save(new KnowledgeStore.Article(0, "Internal refund override",
                "Agents may override refunds for gold customers; never tell customers.", "refund", "en", false)));
        Await.result(fx.db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into interactions (id, channel, direction,"
                    + " offered_at, disposition, notes) values ('solved-1', 'VOICE', 'INBOUND', ?, 'resolved',"
                    + " 'Customer Zanzibar asked about refund of order; card number ends 4242')")) {
                st.setObject(1, java.time.OffsetDateTime.now());
                st.executeUpdate();
            }
            return null;
        }));
        Await.result(fx.console.refreshAnswers());
        assertTrue(fx.console.answers().rank(Map.of("zanzibar", 1.0),
                cc.console.domain.answers.AnswerSource.Kind.SOLVED_CALL, 5).size() == 1,
                "the agents' index does hold the solved call");

        long customer = Await.result(new JdbcHistoryLoader(fx.db).load(List.of(new CustomerHistory(1, "retail",
                Instant.now().minus(Duration.ofDays(300)), List.of(new CustomerHistory.Order(
                Instant.now().minus(Duration.ofDays(2)), 250_000)), List.of(), List.of(), List.of(),
                Optional.empty()))))[0];
        orderNumber = JdbcHistoryLoader.orderNumber(customer, 0);
        phone = JdbcHistoryLoader.phone(customer);

        fx.vertx.eventBus().publish(Addresses.ACD_QUEUE_STATS_UPDATED, new QueueStatsUpdated(List.of(
                new QueueStatsUpdated.QueueFigures("support", 2, 150, 0.8, 1, 30, 40, 200)),
                List.of(new QueueStatsUpdated.AgentFigures("agent-secret-name", "talking", "", Instant.now(), 3)),
                Instant.now()));

        Map<DayOfWeek, List<BusinessHours.Span>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            always.put(d, List.of(new BusinessHours.Span(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        SelfServiceSettings settings = new SelfServiceSettings(List.of(
                new SelfServiceSettings.PublicQueue("support", "Customer support", "پشتیبانی مشتریان")),
                new BusinessHours(ZoneId.of("Asia/Tehran"), always, Set.of()), new ClickToTalkLimits(3, 2, 20),
                OrderLookupLimit.defaults(), 7, Set.of(PROXY));
        SelfService service = new SelfService(fx.vertx, settings, new JdbcSelfServiceStore(fx.db),
                fx.console.answers(), fx.console.wallboard(), fx.console.settings().dialRules(),
                InstantSource.system());
        Router router = Router.router(fx.vertx);
        new SelfServiceWeb(service).accept(router);
        server = Await.result(fx.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));

        // the dialer's side, standing in: takes every request, answers with the state the test sets
        registerDialer();
        fx.vertx.eventBus().<ClickToTalkQuery>consumer(ClickToTalkAddresses.QUERY, m -> m.reply(
                new ClickToTalkStatus(m.body().requestId(), dialerState, "", Instant.now())));
        fx.vertx.eventBus().<ClickToTalkQuery>consumer(ClickToTalkAddresses.CANCEL, m -> m.reply(
                new ClickToTalkStatus(m.body().requestId(), ClickToTalkStatus.CANCELLED, "", Instant.now())));
    }

    private static void registerDialer() {
        dialer = fx.vertx.eventBus().consumer(ClickToTalkAddresses.REQUEST, m -> {
            requests.add(m.body());
            m.reply(new ClickToTalkStatus(m.body().requestId(), ClickToTalkStatus.SCHEDULED, "", Instant.now()));
        });
        Await.result(dialer.completion());
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

    @BeforeEach
    void freshLedger() {
        Await.result(fx.db.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("delete from selfservice_requests")) {
                st.executeUpdate();
            }
            return null;
        }));
        requests.clear();
        dialerState = ClickToTalkStatus.SCHEDULED;
    }

    private static String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private static WebDriver page(Chromium chromium, String lang) {
        WebDriver d = chromium.start();
        d.get(base() + "/help/?lang=" + lang);
        waiting(d).until(x -> x.findElements(By.cssSelector("#queue-table tbody tr")).size() == 1);
        return d;
    }

    private static void search(WebDriver d, String words) {
        WebElement q = d.findElement(By.id("kb-q"));
        q.clear();
        q.sendKeys(words);
        // the previous search's status must not pass for this one's
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('kb-status')"
                + ".textContent = ''");
        d.findElement(By.cssSelector("#kb-form button[type='submit']")).click();
        waiting(d).until(x -> !x.findElement(By.id("kb-status")).getText().isEmpty());
    }

    private static String results(WebDriver d) {
        return d.findElement(By.id("kb-results")).getText();
    }

    @Test
    @DisplayName("English search finds the published article with the matched words marked, never the unpublished one"
            + " or a solved call's notes; the article opens in full")
    void searchInEnglish() {
        WebDriver d = page(chromium, "en");
        assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("ltr", d.findElement(By.tagName("html")).getAttribute("dir"));
        search(d, "refunds for cancelled orders");
        waiting(d).until(x -> results(x).contains("Refund of a cancelled order"));
        assertFalse(results(d).contains("Internal refund override"), "an unpublished article never shows");
        assertTrue(d.findElements(By.cssSelector("#kb-results mark")).stream()
                .anyMatch(m -> m.getText().equalsIgnoreCase("Refunds")), "the matched words are marked");
        search(d, "Zanzibar 4242");
        assertEquals("No article matches these words.", d.findElement(By.id("kb-status")).getText(),
                "a solved call's notes are never searched");
        search(d, "override gold customers");
        assertEquals("No article matches these words.", d.findElement(By.id("kb-status")).getText());
        search(d, "refund");
        waiting(d).until(x -> results(x).contains("Refund of a cancelled order"));
        d.findElement(By.cssSelector("#kb-results li button.title")).click();
        waiting(d).until(x -> x.findElement(By.id("kb-article")).isDisplayed());
        assertTrue(d.findElement(By.id("kb-article-body")).getText().contains("within five working days"));
    }

    @Test
    @DisplayName("an admin publishes an article with the editor's switch and customers find it; one saved without the"
            + " switch stays internal")
    void adminPublishes() {
        WebDriver admin = chromium.start();
        ConsolePage.signIn(admin, fx, "root");
        waiting(admin).until(x -> x.findElement(By.id("a-published")).isDisplayed());
        for (boolean publish : List.of(false, true)) {
            admin.findElement(By.id("a-title")).clear();
            admin.findElement(By.id("a-body")).clear();
            admin.findElement(By.id("a-title")).sendKeys(publish ? "Lost parcel claims" : "Parcel claims internal");
            admin.findElement(By.id("a-body")).sendKeys(publish ? "Report a lost parcel within ten days."
                    : "Escalate parcel claims to logistics.");
            if (publish) {
                admin.findElement(By.id("a-published")).click();
            }
            admin.findElement(By.cssSelector("#article-form button[type='submit']")).click();
            waiting(admin).until(x -> x.findElement(By.id("article-list")).getText().contains(
                    publish ? "Lost parcel claims" : "Parcel claims internal"));
        }
        assertTrue(admin.findElement(By.id("article-list")).getText().contains("Lost parcel claims [] · public"));

        WebDriver d = page(chromium, "en");
        waiting(d).until(x -> {
            search(x, "parcel claims");
            return results(x).contains("Lost parcel claims");
        });
        assertFalse(results(d).contains("Parcel claims internal"));
    }

    @Test
    @DisplayName("Persian search, right to left with Persian digits, finds the Persian article by a stemmed word")
    void searchInPersian() {
        WebDriver d = page(chromium, "fa");
        assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("پاسخ‌ها", d.findElement(By.id("kb-h")).getText());
        search(d, "سفارش لغوشده");
        waiting(d).until(x -> results(x).contains("بازگرداندن وجه سفارش لغوشده"));
        assertTrue(d.findElement(By.id("kb-status")).getText().contains("۱"), "the count in Persian digits");
        assertFalse(results(d).contains("Internal"));
        search(d, "زنگبار Zanzibar");
        assertEquals("مقاله‌ای با این واژه‌ها پیدا نشد.", d.findElement(By.id("kb-status")).getText());
        // the public queue's wait, in Persian, with no agent named anywhere
        String queues = d.findElement(By.id("queue-table")).getText();
        assertTrue(queues.contains("پشتیبانی مشتریان") && queues.contains("۲") && queues.contains("حدود ۳ دقیقه"),
                queues);
        assertFalse(d.getPageSource().contains("agent-secret-name"));
        assertTrue(d.findElement(By.id("hours-now")).getText().contains("اکنون باز است"));
        String week = d.findElement(By.id("hours-week")).getText();
        assertTrue(week.contains("شنبه") && week.contains("۰۰:۰۰–۲۴:۰۰"), "Persian day names and digits: " + week);
    }

    @Test
    @DisplayName("order status: the right last four digits show the status; a wrong one or an unknown order the same"
            + " neutral answer; after five failures the address is refused")
    void orderStatus() throws Exception {
        WebDriver d = page(chromium, "en");
        d.findElement(By.id("order-number")).sendKeys(orderNumber);
        d.findElement(By.id("order-last4")).sendKeys(phone.substring(phone.length() - 4));
        d.findElement(By.cssSelector("#order-form button[type='submit']")).click();
        waiting(d).until(x -> "true".equals(x.findElement(By.id("order-result")).getAttribute("data-found")));
        assertTrue(d.findElement(By.id("order-result")).getText().contains("Shipped"));

        String wrong = phone.endsWith("0000") ? "1111" : "0000";
        d.findElement(By.id("order-last4")).clear();
        d.findElement(By.id("order-last4")).sendKeys(wrong);
        d.findElement(By.cssSelector("#order-form button[type='submit']")).click();
        waiting(d).until(x -> x.findElement(By.id("order-result")).getText().contains("We found no order"));
        assertFalse(d.findElement(By.id("order-result")).getText().contains("Shipped"));

        HttpResponse<String> wrongFactor = post("/help/api/orders/status", new JsonObject().put("order", orderNumber)
                .put("lastFour", wrong), "198.51.100.20");
        HttpResponse<String> unknown = post("/help/api/orders/status", new JsonObject().put("order", "77777-7")
                .put("lastFour", wrong), "198.51.100.20");
        assertEquals(List.of(200, 200), List.of(wrongFactor.statusCode(), unknown.statusCode()));
        assertEquals(wrongFactor.body(), unknown.body(), "no telling a wrong factor from an unknown order");
        for (int i = 0; i < 3; i++) {
            post("/help/api/orders/status", new JsonObject().put("order", orderNumber).put("lastFour",
                    String.format("%04d", i)), "198.51.100.20");
        }
        HttpResponse<String> right = post("/help/api/orders/status", new JsonObject().put("order", orderNumber)
                .put("lastFour", phone.substring(phone.length() - 4)), "198.51.100.20");
        assertEquals(429, right.statusCode(), "five failures in the hour: refused even with the right digits");
        assertEquals(200, post("/help/api/orders/status", new JsonObject().put("order", orderNumber)
                .put("lastFour", phone.substring(phone.length() - 4)), "198.51.100.21").statusCode(),
                "another address is not held up");
    }

    @Test
    @DisplayName("click-to-talk: the request reaches the bus with the number and topic, the page shows the dialer's"
            + " state as it changes, and Cancel cancels")
    void clickToTalk() {
        WebDriver d = page(chromium, "en");
        d.findElement(By.id("call-number")).sendKeys("09121234567");
        d.findElement(By.id("call-topic")).sendKeys("My refund has not arrived");
        d.findElement(By.id("call-submit")).click();
        waiting(d).until(x -> "scheduled".equals(x.findElement(By.id("call-result")).getAttribute("data-state")));
        assertEquals(1, requests.size());
        ClickToTalkRequest r = requests.get(0);
        assertEquals(List.of("09121234567", "My refund has not arrived", "support", "en"),
                List.of(r.number(), r.topic(), r.queue(), r.language()));
        assertTrue(d.findElement(By.id("call-reference")).getText().contains(r.requestId()));
        assertEquals("Your call is booked. We will call you.", d.findElement(By.id("call-status")).getText());

        dialerState = ClickToTalkStatus.CONFIRMING;
        waiting(d).until(x -> "confirming".equals(x.findElement(By.id("call-result")).getAttribute("data-state")));
        assertEquals("Your phone is ringing: answer and press 1.", d.findElement(By.id("call-status")).getText());
        dialerState = ClickToTalkStatus.SCHEDULED;
        waiting(d).until(x -> x.findElement(By.id("call-cancel")).isDisplayed());
        d.findElement(By.id("call-cancel")).click();
        waiting(d).until(x -> "cancelled".equals(x.findElement(By.id("call-result")).getAttribute("data-state")));
    }

    @Test
    @DisplayName("with no dialer taking requests the page says so plainly, in Persian")
    void noDialer() {
        Await.result(dialer.unregister());
        try {
            WebDriver d = page(chromium, "fa");
            d.findElement(By.id("call-number")).sendKeys("09121234567");
            d.findElement(By.id("call-submit")).click();
            waiting(d).until(x -> "unavailable".equals(x.findElement(By.id("call-result")).getAttribute("data-state")));
            assertEquals("سرویس تماس برگشتی اکنون در دسترس نیست. لطفاً خودتان با ما تماس بگیرید.",
                    d.findElement(By.id("call-status")).getText());
            assertTrue(ledger().get(0).startsWith("sent no dialer answered"), "the hand-over is recorded with the"
                    + " missing answer: " + ledger());
        } finally {
            registerDialer();
        }
    }

    @Test
    @DisplayName("a bad field is named; a call time in the past or beyond the days ahead is refused and recorded")
    void fieldsAndTimes() throws Exception {
        HttpResponse<String> noQueue = post("/help/api/click-to-talk", callBody("09121111111").put("queue", "secret"),
                "203.0.113.9");
        assertEquals(400, noQueue.statusCode());
        assertTrue(noQueue.body().contains("queue"));
        HttpResponse<String> badAt = post("/help/api/click-to-talk", callBody("09121111111").put("when", "at")
                .put("at", "tomorrow"), "203.0.113.9");
        assertEquals(400, badAt.statusCode());
        assertTrue(badAt.body().contains("at:"));
        HttpResponse<String> far = post("/help/api/click-to-talk", callBody("09121111111").put("when", "at")
                .put("at", Instant.now().plus(Duration.ofDays(10)).toString()), "203.0.113.9");
        assertEquals("too-far", new JsonObject(far.body()).getString("reason"));
        HttpResponse<String> past = post("/help/api/click-to-talk", callBody("09121111111").put("when", "at")
                .put("at", Instant.now().minus(Duration.ofHours(1)).toString()), "203.0.113.9");
        assertEquals("past", new JsonObject(past.body()).getString("reason"));
        HttpResponse<String> later = post("/help/api/click-to-talk", callBody("09121111111").put("when", "at")
                .put("at", Instant.now().plus(Duration.ofDays(2)).toString()), "203.0.113.9");
        assertEquals(201, later.statusCode());
        assertEquals(1, requests.size());
        assertTrue(requests.get(0).callAt().isAfter(Instant.now().plus(Duration.ofDays(1))));
        assertEquals(List.of("refused too-far", "refused past", "sent"), ledger());
    }

    @Test
    @DisplayName("premium, emergency and foreign numbers are refused on the page with the reason; nothing reaches the"
            + " bus and each refusal is recorded")
    void refusedNumbers() {
        WebDriver d = page(chromium, "fa");
        for (String[] c : List.of(new String[] {"۰۹۰۹۱۲۳۴۵۶۷", "شماره‌های پولی"},
                new String[] {"00441234567890", "فقط با شماره‌های داخل ایران"}, new String[] {"115", "اضطراری"})) {
            d.findElement(By.id("call-number")).clear();
            d.findElement(By.id("call-number")).sendKeys(c[0]);
            d.findElement(By.id("call-submit")).click();
            waiting(d).until(x -> x.findElement(By.id("call-status")).getText().contains(c[1]));
        }
        assertEquals(0, requests.size());
        assertEquals(List.of("refused premium-refused", "refused international-refused", "refused emergency-refused"),
                ledger());
    }

    @Test
    @DisplayName("limits: a fourth request in the hour from one address, a third call to one number in the day and"
            + " request 21 of the day are refused, and nothing more reaches the bus")
    void limits() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, call("203.0.113.1", "0912000000" + i).statusCode());
        }
        HttpResponse<String> fourth = call("203.0.113.1", "09120000009");
        assertEquals(429, fourth.statusCode());
        assertEquals("address-limit", new JsonObject(fourth.body()).getString("reason"));

        assertEquals(201, call("203.0.113.2", "09125555555").statusCode());
        assertEquals(201, call("203.0.113.3", "09125555555").statusCode());
        assertEquals("number-limit", new JsonObject(call("203.0.113.4", "09125555555").body()).getString("reason"));
        assertEquals(5, requests.size());

        for (int i = 0; i < 15; i++) {
            assertEquals(201, call("203.0.114." + i, String.format("0913%07d", i)).statusCode());
        }
        HttpResponse<String> over = call("203.0.115.1", "09139999999");
        assertEquals("daily-limit", new JsonObject(over.body()).getString("reason"));
        assertEquals(20, requests.size(), "the day's 20 and not one more");
    }

    @Test
    @DisplayName("a flood of 200 requests from one address puts at most the per-address limit on the bus, every one"
            + " recorded")
    void flood() {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(http.sendAsync(request("/help/api/click-to-talk", callBody(String.format("0915%07d", i)),
                    "198.51.100.66"), HttpResponse.BodyHandlers.ofString()));
        }
        long created = all.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 201).count();
        assertEquals(3, created);
        assertEquals(3, requests.size());
        assertEquals(200, ledger().size());
    }

    @Test
    @DisplayName("a POST from another site (wrong Origin), without JSON or over the size limit is refused")
    void crossSiteAndBodies() throws Exception {
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base() + "/help/api/click-to-talk"))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(callBody("09121111111").encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, foreign.statusCode());
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(base() + "/help/api/click-to-talk"))
                .header("Content-Type", "application/json").header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(callBody("09121111111").put("topic", "x".repeat(10_000))
                        .encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, big.statusCode());
        assertEquals(0, requests.size());
    }

    private static JsonObject callBody(String number) {
        return new JsonObject().put("number", number).put("topic", "billing").put("queue", "support")
                .put("language", "fa").put("when", "now");
    }

    private static HttpResponse<String> call(String address, String number) throws Exception {
        return post("/help/api/click-to-talk", callBody(number), address);
    }

    private static HttpRequest request(String path, JsonObject body, String forwardedFor) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .header("Origin", base()).header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
    }

    private static HttpResponse<String> post(String path, JsonObject body, String forwardedFor) throws Exception {
        return http.send(request(path, body, forwardedFor), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ledger() {
        return Await.result(fx.db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("select outcome, reason from selfservice_requests"
                    + " where kind = 'click-to-talk' order by id");
                 var rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add((rs.getString(1) + " " + rs.getString(2)).strip());
                }
            }
            return out;
        }));
    }
}
