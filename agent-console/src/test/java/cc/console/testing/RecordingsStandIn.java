package cc.console.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the recordings library's endpoint, another engineer's work in progress: {@code GET
 * /api/calls/{id}/recordings} answers the contract's JSON array ({@code file, url, startedAt, endedAt, endReason,
 * startedBy, endedBy, deleted}) for calls given a recording here, and 404 for the others, as the real one does for a
 * call not recorded. {@code url} serves a second of silence as 8 kHz 16-bit mono WAV. Mounted before the console's
 * routes; it checks no session (the real endpoint does).
 */
public final class RecordingsStandIn {
    private final Map<String, JsonArray> byCall = new ConcurrentHashMap<>();

    /** Gives the call one playable recording and one deleted by retention. */
    public void recorded(String interactionId) {
        String base = "/api/calls/" + interactionId + "/recordings/";
        byCall.put(interactionId, new JsonArray()
                .add(new JsonObject().put("file", interactionId + "-1.wav").put("url", base + interactionId + "-1.wav")
                        .put("startedAt", "2026-12-01T08:00:00Z").put("endedAt", "2026-12-01T08:01:00Z")
                        .put("endReason", "caller-hung-up").put("startedBy", "policy").put("endedBy", "")
                        .put("deleted", false))
                .add(new JsonObject().put("file", interactionId + "-0.wav").put("url", base + interactionId + "-0.wav")
                        .put("startedAt", "2026-12-01T07:59:00Z").put("endedAt", "2026-12-01T08:00:00Z")
                        .put("endReason", "paused").put("startedBy", "policy").put("endedBy", "a1")
                        .put("deleted", true)));
    }

    public void mount(Router router) {
        router.get("/api/calls/:id/recordings").handler(rc -> {
            JsonArray list = byCall.get(rc.pathParam("id"));
            if (list == null) {
                rc.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "no recording").encode());
            } else {
                rc.response().putHeader("Content-Type", "application/json").end(list.encode());
            }
        });
        router.get("/api/calls/:id/recordings/:file").handler(rc -> rc.response()
                .putHeader("Content-Type", "audio/wav").putHeader("Accept-Ranges", "none").end(silence()));
    }

    private static Buffer silence() {
        int rate = 8000;
        int dataBytes = rate * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        return Buffer.buffer(b.array());
    }
}
