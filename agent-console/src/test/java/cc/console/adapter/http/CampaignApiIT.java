package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.CampaignForms;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.console.testing.DialerStandIn;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.ControlCampaign;
import cc.core.contract.ImportContactList;
import cc.core.contract.SaveCampaign;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign managers' REST API over real HTTP against PostgreSQL, with {@link DialerStandIn} answering the
 * dialer's contract on the event bus.
 */
class CampaignApiIT {
    private static ConsoleFixture fx;
    private static DialerStandIn dialer;

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        dialer = DialerStandIn.register(fx.vertx);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    private static String error(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("error");
    }

    /** A saved segment list of the gold customers. */
    private static String goldList(ConsoleClient c) {
        String id = unique("gold");
        ok(c.change("POST", "/api/call-lists/segment", segment(id, false)), 201);
        return id;
    }

    private static JsonObject segment(String id, boolean preview) {
        return new JsonObject().put("listId", id).put("name", "Gold customers").put("preview", preview)
                .put("conditions", new JsonArray().add(new JsonObject().put("field", "segment").put("operator", "=")
                        .put("value", "gold")).add(new JsonObject().put("field", "score.value").put("operator", ">=")
                        .put("value", "۰.۵")));
    }

    private static HttpResponse<String> upload(ConsoleClient c, String listId, String name, byte[] csv,
                                               String contentType, boolean withToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + CampaignWeb.IMPORT + "?listId="
                        + URLEncoder.encode(listId, StandardCharsets.UTF_8) + "&name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType).header("Cookie", c.cookie)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv));
        if (withToken) {
            b.header("X-CSRF-Token", c.csrf);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("upload failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("a segment list is previewed (count and sample, nothing saved), then saved and listed with who made it")
    void segmentList() {
        ConsoleClient sara = fx.signIn("sara");
        String id = unique("gold");
        JsonObject preview = ok(sara.change("POST", "/api/call-lists/segment", segment(id, true)), 200);
        assertFalse(preview.getBoolean("saved"));
        assertEquals(3, preview.getInteger("accepted"));
        assertEquals("مریم کریمی <09121112233>", preview.getJsonArray("sample").getString(0));
        assertTrue(ok(sara.get("/api/call-lists"), 200).getJsonArray("lists").stream()
                .noneMatch(l -> ((JsonObject) l).getString("listId").equals(id)));
        BuildSegmentList asked = dialer.last(BuildSegmentList.class);
        assertEquals(new BuildSegmentList.Condition("score.value", ">=", "0.5"), asked.conditions().get(1),
                "Persian digits reach the dialer as ASCII");

        JsonObject saved = ok(sara.change("POST", "/api/call-lists/segment", segment(id, false)), 201);
        assertTrue(saved.getBoolean("saved"));
        JsonObject listed = ok(sara.get("/api/call-lists"), 200).getJsonArray("lists").getJsonObject(0);
        assertEquals(id, listed.getString("listId"));
        assertEquals("segment", listed.getString("source"));
        assertEquals(3, listed.getInteger("contacts"));
        assertEquals("sara", listed.getString("createdBy"));
    }

    @Test
    @DisplayName("a UTF-8 CSV upload keeps Persian names and reports every refused row with its line and reason, and duplicates")
    void csvImport() {
        ConsoleClient sara = fx.signIn("sara");
        String id = unique("csv");
        String csv = "\uFEFFname,phone\nمریم کریمی,09121112233\nReza,0912-222-3344\nBad Number,12ab\n"
                + "مریم دوباره,09121112233\nToo,many,fields\n";
        JsonObject report = ok(upload(sara, id, "فهرست آذر", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8", true), 201);
        assertEquals(5, report.getInteger("rows"));
        assertEquals(2, report.getInteger("accepted"));
        assertEquals(1, report.getInteger("duplicates"));
        JsonArray problems = report.getJsonArray("problems");
        assertEquals(2, problems.size());
        assertEquals(4, problems.getJsonObject(0).getInteger("line"));
        assertTrue(problems.getJsonObject(0).getString("reason").startsWith("phone:"));
        assertEquals(6, problems.getJsonObject(1).getInteger("line"));
        assertEquals("مریم کریمی <09121112233>", report.getJsonArray("sample").getString(0));
        ImportContactList asked = dialer.last(ImportContactList.class);
        assertEquals("فهرست آذر", asked.name());
        assertEquals("sara", asked.byUser());
        assertTrue(asked.csv().startsWith("name,phone\n"), "the byte-order mark is not part of the header");

        assertTrue(error(upload(sara, unique("cp"), "x", "name,phone\nمریم,09121112233\n".getBytes(
                Charset.forName("windows-1256")), "text/csv", true), 400).contains("not UTF-8"));
        assertEquals(415, upload(sara, unique("json"), "x", "{}".getBytes(StandardCharsets.UTF_8),
                "application/json", true).statusCode());
        assertTrue(error(upload(sara, unique("nophone"), "x", "name,mobile\nA,0912\n".getBytes(StandardCharsets.UTF_8),
                "text/csv", true), 400).contains("phone column"), "the dialer's refusal passes through");
        assertEquals("listId: required, as a query parameter", error(upload(sara, "", "x",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv", true), 400));
    }

    private static byte[] bigCsv() {
        StringBuilder big = new StringBuilder("name,phone\n");
        while (big.length() <= CampaignWeb.CSV_LIMIT_BYTES) {
            big.append("Customer,09121112233\n");
        }
        return big.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a call list over 5 MiB is refused with 413 before it reaches the dialer")
    void oversizeCsv() {
        ConsoleClient sara = fx.signIn("sara");
        int before = dialer.requests.size();
        byte[] big = bigCsv();
        String message = error(upload(sara, unique("big"), "big", big, "text/csv", true), 413);
        assertTrue(message.contains("5 MiB"), message);
        // who may not upload is refused before the file is read
        assertEquals(401, upload(new ConsoleClient(fx.base()), unique("big"), "big", big, "text/csv", false).statusCode());
        assertEquals(403, upload(fx.signIn("ali"), unique("big"), "big", big, "text/csv", true).statusCode());
        assertEquals(403, upload(sara, unique("big"), "big", big, "text/csv", false).statusCode());
        assertEquals(before, dialer.requests.size());
    }

    @Test
    @DisplayName("an upload refused before its body is read leaves the connection serving the next request (found by fuzzing)")
    void refusedUploadKeepsTheConnection() throws Exception {
        ConsoleClient sara = fx.signIn("sara");
        byte[] csv = "name,phone\nCustomer,09121112233\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        URI base = URI.create(fx.base());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            // the headers first and the body after a pause, as a browser's upload arrives: the refusal (no CSRF
            // token) is decided while the body is still coming
            out.write(("POST " + CampaignWeb.IMPORT + "?listId=l9&name=x HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nCookie: " + sara.cookie + "\r\nContent-Type: text/csv\r\nContent-Length: " + csv.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(csv);
            out.flush();
            assertTrue(readResponse(in).startsWith("HTTP/1.1 403"));
            out.write(("GET /api/session HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nCookie: " + sara.cookie
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // before the fix the server never read the refused body, so this request waited forever
            String next = readResponse(in);
            assertTrue(next.startsWith("HTTP/1.1 200"), next);
        }
    }

    /** One HTTP/1.1 response with a Content-Length body, read off the socket. */
    private static String readResponse(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a campaign is saved with money as strings, started, paused, stopped, and its report read in its currency")
    void campaignLifeCycle() {
        ConsoleClient sara = fx.signIn("sara");
        String list = goldList(sara);
        String id = unique("renewal");
        JsonObject saved = ok(sara.change("PUT", "/api/campaigns/" + id, CampaignForms.campaign(list)), 200);
        assertEquals("DRAFT", saved.getString("status"));
        assertEquals(3, saved.getInteger("contacts"));
        JsonObject def = saved.getJsonObject("definition");
        assertEquals("2500.50", def.getString("costPerMinute"));
        assertEquals(120, def.getJsonObject("retryDelayMinutes").getInteger("NO_ANSWER"));
        assertEquals(List.of("FRIDAY"), def.getJsonArray("daysOff").getList());
        assertEquals("always", def.getString("recording"));
        SaveCampaign asked = dialer.last(SaveCampaign.class);
        assertEquals("sara", asked.byUser());
        assertEquals("always", asked.definition().recording(), "the recording policy reaches the dialer");
        assertEquals(new BigDecimal("2500.50"), asked.definition().costPerMinute());
        assertEquals(Duration.ofHours(4), asked.definition().retryDelays().get("MACHINE"));

        assertEquals("RUNNING", ok(sara.change("POST", "/api/campaigns/" + id + "/start", null), 200).getString("status"));
        assertEquals(new ControlCampaign(id, "START", "sara"), dialer.last(ControlCampaign.class));
        JsonObject listed = ok(sara.get("/api/campaigns"), 200).getJsonArray("campaigns").stream()
                .map(o -> (JsonObject) o).filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
        assertEquals("RUNNING", listed.getString("status"));
        assertEquals("RUNNING", ok(sara.get("/api/campaigns/" + id), 200).getString("status"));
        assertEquals("PAUSED", ok(sara.change("POST", "/api/campaigns/" + id + "/pause", null), 200).getString("status"));
        assertEquals("STOPPED", ok(sara.change("POST", "/api/campaigns/" + id + "/stop", null), 200).getString("status"));

        JsonObject report = ok(sara.get("/api/campaigns/" + id + "/report?from=2026-11-23&to=2026-11-24"), 200);
        JsonArray days = report.getJsonArray("days");
        assertEquals(2, days.size());
        JsonObject day = days.getJsonObject(0);
        assertEquals("2026-11-23", day.getString("day"));
        assertEquals("IRR", day.getString("currency"));
        assertEquals("325029.00", day.getString("cost"), "120 dials at 1500 and 58 minutes at 2500.50");
        assertEquals("16000000", day.getString("revenue"));
        assertEquals("48.2264", day.getString("roi"));
        assertEquals(120, day.getLong("dials"));
        assertEquals(0.021, day.getDouble("abandonRateUs30Days"), 1e-9);
        JsonObject totals = report.getJsonObject("totals");
        assertEquals(240, totals.getLong("dials"));
        assertEquals("650058.00", totals.getString("cost"));
        assertEquals("32000000", totals.getString("revenue"));
        assertEquals("48.2264", totals.getString("roi"));
    }

    @Test
    @DisplayName("the dialer's refusals reach the manager with its status and message; shape errors name the field")
    void dialerRefusals() {
        ConsoleClient sara = fx.signIn("sara");
        String list = goldList(sara);
        String id = unique("refused");
        assertEquals("maxLines: must be at least 1", error(sara.change("PUT", "/api/campaigns/" + id,
                CampaignForms.campaign(list).put("maxLines", 0)), 400));
        assertEquals("recording: must be inherit, always, never or on-demand", error(sara.change("PUT",
                "/api/campaigns/" + id, CampaignForms.campaign(list).put("recording", "sometimes")), 400));
        assertEquals("listIds: no call list 'nope'", error(sara.change("PUT", "/api/campaigns/" + id,
                CampaignForms.campaign("nope")), 400));
        assertEquals("costPerDial: send money as a decimal string such as \"1500.50\"", error(sara.change("PUT",
                "/api/campaigns/" + id, CampaignForms.campaign(list).put("costPerDial", 1500.5)), 400), "never a float");
        assertEquals("firstDay: '23/11/2026' is not a date such as 2026-11-23", error(sara.change("PUT",
                "/api/campaigns/" + id, CampaignForms.campaign(list).put("firstDay", "23/11/2026")), 400));
        assertEquals("no campaign " + id, error(sara.change("POST", "/api/campaigns/" + id + "/start", null), 404));
        assertEquals(404, sara.get("/api/campaigns/" + id).statusCode());
        assertEquals(404, sara.get("/api/campaigns/" + id + "/report?from=2026-11-01&to=2026-11-02").statusCode());

        ok(sara.change("PUT", "/api/campaigns/" + id, CampaignForms.campaign(list)), 200);
        ok(sara.change("POST", "/api/campaigns/" + id + "/start", null), 200);
        assertTrue(error(sara.change("PUT", "/api/campaigns/" + id, CampaignForms.campaign(list)), 409).contains("RUNNING"));
        ok(sara.change("POST", "/api/campaigns/" + id + "/stop", null), 200);
        assertTrue(error(sara.change("POST", "/api/campaigns/" + id + "/start", null), 409).contains("cannot start"));
        assertTrue(error(sara.change("POST", "/api/call-lists/segment", segment(list, false)), 409).contains("exists"));
        assertEquals("to: must not be before from",
                error(sara.get("/api/campaigns/" + id + "/report?from=2026-11-02&to=2026-11-01"), 400));
    }

    @Test
    @DisplayName("agents get 403 on every campaign and call-list endpoint, and nothing reaches the dialer")
    void agentsRefused() {
        ConsoleClient ali = fx.signIn("ali");
        int before = dialer.requests.size();
        JsonObject body = CampaignForms.campaign("x");
        List<HttpResponse<String>> answers = List.of(ali.get("/api/campaigns"), ali.get("/api/campaigns/c1"),
                ali.change("PUT", "/api/campaigns/c1", body), ali.change("POST", "/api/campaigns/c1/start", null),
                ali.change("POST", "/api/campaigns/c1/pause", null), ali.change("POST", "/api/campaigns/c1/stop", null),
                ali.get("/api/campaigns/c1/report?from=2026-11-01&to=2026-11-02"), ali.get("/api/call-lists"),
                ali.change("POST", "/api/call-lists/segment", segment("l1", true)),
                upload(ali, "l1", "x", "name,phone\nA,09121112233\n".getBytes(StandardCharsets.UTF_8), "text/csv", true));
        for (HttpResponse<String> r : answers) {
            assertEquals(403, r.statusCode(), r.request().method() + " " + r.request().uri() + ": " + r.body());
        }
        assertEquals(before, dialer.requests.size());
        assertEquals(200, fx.signIn("root").get("/api/campaigns").statusCode(), "admins manage campaigns too");
    }

    @Test
    @DisplayName("without a session every endpoint is 401; a change without the CSRF token is 403 and reaches nothing")
    void unsignedAndForged() {
        ConsoleClient anonymous = new ConsoleClient(fx.base());
        assertEquals(401, anonymous.get("/api/campaigns").statusCode());
        assertEquals(401, anonymous.get("/api/call-lists").statusCode());
        assertEquals(401, anonymous.change("PUT", "/api/campaigns/c1", CampaignForms.campaign("x")).statusCode());
        assertEquals(401, upload(anonymous, "l1", "x", "name,phone\n".getBytes(StandardCharsets.UTF_8), "text/csv",
                false).statusCode());

        ConsoleClient sara = fx.signIn("sara");
        int before = dialer.requests.size();
        assertEquals(403, sara.changeWithoutToken("PUT", "/api/campaigns/c1", CampaignForms.campaign("x")).statusCode());
        assertEquals(403, sara.changeWithoutToken("POST", "/api/campaigns/c1/start", null).statusCode());
        assertEquals(403, sara.changeWithoutToken("POST", "/api/campaigns/c1/pause", null).statusCode());
        assertEquals(403, sara.changeWithoutToken("POST", "/api/campaigns/c1/stop", null).statusCode());
        assertEquals(403, sara.changeWithoutToken("POST", "/api/call-lists/segment", segment("l1", true)).statusCode());
        assertEquals(403, upload(sara, "l1", "x", "name,phone\nA,09121112233\n".getBytes(StandardCharsets.UTF_8),
                "text/csv", false).statusCode());
        assertEquals(before, dialer.requests.size());
    }

    @Test
    @DisplayName("with no dialer running every endpoint answers 503 saying so")
    void noDialer() {
        ConsoleClient sara = fx.signIn("sara");
        dialer.unregister();
        try {
            List<HttpResponse<String>> answers = List.of(sara.get("/api/campaigns"), sara.get("/api/campaigns/c1"),
                    sara.change("PUT", "/api/campaigns/c1", CampaignForms.campaign("x")),
                    sara.change("POST", "/api/campaigns/c1/start", null),
                    sara.get("/api/campaigns/c1/report?from=2026-11-01&to=2026-11-02"), sara.get("/api/call-lists"),
                    sara.change("POST", "/api/call-lists/segment", segment("l1", true)),
                    upload(sara, "l1", "x", "name,phone\nA,09121112233\n".getBytes(StandardCharsets.UTF_8),
                            "text/csv", true));
            for (HttpResponse<String> r : answers) {
                assertEquals(503, r.statusCode(), r.request().uri() + ": " + r.body());
                assertTrue(new JsonObject(r.body()).getString("error").startsWith("the dialer is not running"), r.body());
            }
        } finally {
            dialer = DialerStandIn.register(fx.vertx);
        }
    }
}
