package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingChange;
import cc.core.testkit.Await;
import cc.core.testkit.Wavs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Playing recordings over HTTP against the real console, PostgreSQL and files on disk: range requests as a browser's
 * audio element sends them, who may hear which call, names that try to leave the directory, deleted files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingApiIT {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String FIRST = "2026/12/01/call-1-1.wav";
    private static final String SECOND = "2026/12/01/call-1-2.wav";
    private static final String GONE = "2026/12/01/call-1-0.wav";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConsoleFixture fx;
    private byte[] first;
    private byte[] second;

    @BeforeAll
    void start() throws IOException {
        fx = new ConsoleFixture(Optional.empty(), true);
        fx.user("sara", Role.SUPERVISOR, "", "en");
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("bita", Role.AGENT, "a2", "en");
        fx.user("omid", Role.AGENT, "a3", "en");
        // bita took the call and transferred it to ali, who finished it
        Await.result(fx.interactions.save(call("call-1", "a2", "a1")));
        Await.result(fx.interactions.save(call("call-2", "a3")));
        record("call-1", GONE, "started", "policy", 0);
        record("call-1", GONE, "stopped", "bita", 5);
        record("call-1", FIRST, "started", "bita", 10);
        record("call-1", FIRST, "paused", "ali", 40);
        record("call-1", SECOND, "resumed", "ali", 70);
        record("call-1", SECOND, "ended", "system", 200);
        Await.result(fx.recordings.markDeleted(GONE, T0.plusSeconds(900), "retention",
                new RecordingAudit(T0.plusSeconds(900), "retention", GONE, "call-1", RecordingAudit.DELETE, "test")));
        first = Wavs.write(fx.recordingsDir.resolve(FIRST), 500);
        second = Wavs.write(fx.recordingsDir.resolve(SECOND), 250);
        // a row whose name is plain but whose directory is a link leading out of the recordings directory
        Path outside = Files.createTempDirectory("cc-outside-");
        Wavs.write(outside.resolve("secret.wav"), 10);
        Files.createSymbolicLink(fx.recordingsDir.resolve("link"), outside);
        record("call-1", "link/secret.wav", "started", "policy", 300);
    }

    @AfterAll
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static Interaction call(String id, String... agents) {
        Interaction i = Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09121112233", "", "1500", T0);
        Instant at = T0;
        for (String agent : agents) {
            i = i.withSegment(new Segment(SegmentKind.TALK, at, Optional.of(at.plusSeconds(60)), agent, "cards", "",
                    Segment.CALLER_HUNG_UP, "")).withAgent(agent);
            at = at.plusSeconds(60);
        }
        return i;
    }

    private void record(String call, String file, String change, String by, int second) {
        Await.result(fx.recordings.record(RecordingChange.of(call, "pbx1", file, change, by, "", T0.plusSeconds(second))));
    }

    private HttpResponse<byte[]> get(ConsoleClient c, String path, String range) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path)).timeout(Duration.ofSeconds(20));
        if (c != null) {
            b.header("Cookie", c.cookie);
        }
        if (range != null) {
            b.header("Range", range);
        }
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        }
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    @DisplayName("a call's recordings are listed in order with when they started, why they ended and who did it")
    void list() {
        JsonArray files = new JsonArray(fx.signIn("sara").get("/api/calls/call-1/recordings").body());
        assertEquals(4, files.size());
        JsonObject gone = files.getJsonObject(0);
        assertEquals(GONE, gone.getString("file"));
        assertEquals(true, gone.getBoolean("deleted"));
        JsonObject f = files.getJsonObject(1);
        assertEquals(FIRST, f.getString("file"));
        assertEquals("/api/recordings/" + FIRST, f.getString("url"));
        assertEquals(T0.plusSeconds(10).toString(), f.getString("startedAt"));
        assertEquals(T0.plusSeconds(40).toString(), f.getString("endedAt"));
        assertEquals("paused", f.getString("endReason"));
        assertEquals("bita", f.getString("startedBy"));
        assertEquals("ali", f.getString("endedBy"));
        assertEquals(false, f.getBoolean("deleted"));
        assertEquals("ended", files.getJsonObject(2).getString("endReason"));
        JsonObject open = files.getJsonObject(3);
        assertNull(open.getValue("endedAt"), "a file never ended has no end");
        assertEquals("", open.getString("endReason"));
    }

    @Test
    @DisplayName("ranges come back byte for byte with 206, the whole file with 200, a range past the end with 416")
    void ranges() {
        ConsoleClient sara = fx.signIn("sara");
        String url = "/api/recordings/" + FIRST;

        HttpResponse<byte[]> part = get(sara, url, "bytes=100-199");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(first, 100, 200), part.body());
        assertEquals("bytes 100-199/" + first.length, header(part, "Content-Range"));
        assertEquals("bytes", header(part, "Accept-Ranges"));
        assertEquals("audio/wav", header(part, "Content-Type"));

        HttpResponse<byte[]> tail = get(sara, url, "bytes=8000-");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(first, 8000, first.length), tail.body());
        assertEquals("bytes 8000-" + (first.length - 1) + "/" + first.length, header(tail, "Content-Range"));

        HttpResponse<byte[]> suffix = get(sara, url, "bytes=-10");
        assertEquals(206, suffix.statusCode());
        assertArrayEquals(Arrays.copyOfRange(first, first.length - 10, first.length), suffix.body());

        HttpResponse<byte[]> beyond = get(sara, url, "bytes=" + first.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + first.length, header(beyond, "Content-Range"));

        HttpResponse<byte[]> whole = get(sara, "/api/recordings/" + SECOND, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(second, whole.body());
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertEquals("audio/wav", header(whole, "Content-Type"));
        assertNull(header(whole, "Content-Disposition"), "played in the page, not saved");
    }

    @Test
    @DisplayName("a download is the whole file as an attachment, and the audit says who downloaded it")
    void download() {
        HttpResponse<byte[]> r = get(fx.signIn("sara"), "/api/recordings/" + SECOND + "?download=1", null);
        assertEquals(200, r.statusCode());
        assertArrayEquals(second, r.body());
        assertEquals("attachment; filename=\"call-1-2.wav\"", header(r, "Content-Disposition"));
        List<RecordingAudit> audit = Await.result(fx.recordings.auditOf(SECOND));
        assertTrue(audit.stream().anyMatch(a -> a.action().equals("download") && a.username().equals("sara")
                && a.interactionId().equals("call-1")), audit.toString());
    }

    @Test
    @DisplayName("one audit line per listening: the first request from byte 0, not each range the player seeks to")
    void auditOncePerListening() {
        ConsoleClient ali = fx.signIn("ali");
        String url = "/api/recordings/" + FIRST;
        long before = plays("ali");
        assertEquals(206, get(ali, url, "bytes=0-").statusCode());
        assertEquals(206, get(ali, url, "bytes=4000-").statusCode());
        assertEquals(206, get(ali, url, "bytes=6000-7000").statusCode());
        assertEquals(before + 1, plays("ali"));
    }

    private long plays(String user) {
        return Await.result(fx.recordings.auditOf(FIRST)).stream()
                .filter(a -> a.action().equals("play") && a.username().equals(user)).count();
    }

    @Test
    @DisplayName("supervisors hear any call; agents only calls they handled; another agent's call is 403, no session 401")
    void rights() {
        String url = "/api/recordings/" + FIRST;
        assertEquals(200, get(fx.signIn("sara"), url, null).statusCode());
        assertEquals(200, get(fx.signIn("ali"), url, null).statusCode(), "the agent who finished the call");
        assertEquals(200, get(fx.signIn("bita"), url, null).statusCode(), "the agent who took it and transferred it");
        ConsoleClient omid = fx.signIn("omid");
        assertEquals(403, get(omid, url, null).statusCode());
        assertEquals(403, omid.get("/api/calls/call-1/recordings").statusCode());
        assertEquals(200, omid.get("/api/calls/call-2/recordings").statusCode(), "his own call, with no files");
        assertEquals(401, get(null, url, null).statusCode());
        assertEquals(401, get(null, "/api/calls/call-1/recordings", null).statusCode());
    }

    @Test
    @DisplayName("where agents may not hear their own calls, even the call's agent gets 403 and supervisors still hear it")
    void agentsNotAllowed() {
        try (ConsoleFixture strict = new ConsoleFixture(Optional.empty(), false)) {
            strict.user("ali", Role.AGENT, "a1", "en");
            strict.user("sara", Role.SUPERVISOR, "", "en");
            Await.result(strict.interactions.save(call("call-9", "a1")));
            Await.result(strict.recordings.record(RecordingChange.of("call-9", "pbx1", "x.wav", "started", "policy",
                    "", T0)));
            Wavs.write(strict.recordingsDir.resolve("x.wav"), 100);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(strict.base() + "/api/recordings/x.wav"));
            assertEquals(403, send(b.header("Cookie", strict.signIn("ali").cookie)).statusCode());
            b = HttpRequest.newBuilder(URI.create(strict.base() + "/api/recordings/x.wav"));
            assertEquals(200, send(b.header("Cookie", strict.signIn("sara").cookie)).statusCode());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b) {
        try {
            return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("names that climb out, are absolute or lead out through a link are refused with 400, never served")
    void traversal() {
        ConsoleClient sara = fx.signIn("sara");
        for (String name : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e/x", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "..%5C..%5Cetc%5Cpasswd", "%2Fetc%2Fpasswd", "/etc/passwd", "2026/../../etc/passwd",
                "2026/%2e%2e/%2e%2e/" + FIRST, "link/secret.wav")) {
            HttpResponse<byte[]> r = get(sara, "/api/recordings/" + name, null);
            assertEquals(400, r.statusCode(), name + ": " + new String(r.body()));
        }
        assertEquals(404, get(sara, "/api/recordings/not-a-recording.wav", null).statusCode(),
                "a plain name that is no recording of any call");
    }

    @Test
    @DisplayName("a deleted recording answers 410 Gone")
    void deleted() {
        HttpResponse<byte[]> r = get(fx.signIn("sara"), "/api/recordings/" + GONE, null);
        assertEquals(410, r.statusCode());
        assertTrue(new String(r.body()).contains("retention"));
    }
}
