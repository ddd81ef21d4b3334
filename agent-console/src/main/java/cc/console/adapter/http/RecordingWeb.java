package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.console.domain.playback.ByteRange;
import cc.core.app.recording.RecordingFiles;
import cc.core.app.recording.RecordingStore;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.recording.EndReason;
import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingFile;
import cc.core.domain.recording.RecordingName;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A call's recordings in the console: the list of its files ({@code GET /api/calls/{id}/recordings}) and each file
 * played or downloaded with HTTP range requests ({@code GET /api/recordings/<file>}, {@code ?download=1} to save it).
 *
 * <p>A file is served only when it is the row of a call the user may hear ({@link AccessRules#mayPlayRecording}): the
 * name in the URL is looked up in the library, never opened as given, and a name that could leave the recordings
 * directory is refused before anything is read. Each listening is audited once: the request for the whole file or
 * for a range from its first byte, not every range the player asks for while it seeks.
 *
 * <p>Threading: handlers run on the HTTP server's event loops; files are sent by Vert.x without blocking.
 */
public final class RecordingWeb {
    static final String FILES = "/api/recordings/";
    private static final Logger log = LoggerFactory.getLogger(RecordingWeb.class);

    private final Vertx vertx;
    private final ConsoleVerticle console;
    private final RecordingStore store;
    private final RecordingFiles files;
    private final boolean agentsHearOwnCalls;

    /**
     * @param files              the directory the server reads recordings from ({@code recording.readDirectory})
     * @param agentsHearOwnCalls whether agents may play the calls they handled ({@code recording.agentsHearOwnCalls})
     */
    public RecordingWeb(Vertx vertx, ConsoleVerticle console, RecordingStore store, RecordingFiles files,
                        boolean agentsHearOwnCalls) {
        this.vertx = vertx;
        this.console = console;
        this.store = store;
        this.files = files;
        this.agentsHearOwnCalls = agentsHearOwnCalls;
    }

    void mount(Router router) {
        router.get("/api/calls/:id/recordings").handler(this::list);
        // matched on the raw path: the router's normalised one has already undone %2e%2e and dropped dot segments,
        // which would turn a climbing name into another route instead of a refusal
        router.route("/api/*").handler(rc -> {
            if (rc.request().method() == HttpMethod.GET && rc.request().path().startsWith(FILES)) {
                serve(rc);
            } else {
                rc.next();
            }
        });
    }

    /** The URL a file is played from: its name, segment by segment, with anything but plain characters escaped. */
    static String url(String file) {
        StringBuilder out = new StringBuilder(FILES);
        for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/._-@+".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private void list(RoutingContext rc) {
        String id = rc.pathParam("id");
        Principal p = SignInWeb.principal(rc);
        console.interactions().find(id).onSuccess(call -> {
            if (!mayPlay(p, call)) {
                ApiReplies.fail(rc, 403, "you may not hear this call's recordings");
                return;
            }
            store.forInteraction(id).onSuccess(list -> {
                JsonArray out = new JsonArray(list.stream().map(RecordingWeb::json).toList());
                rc.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                        .end(out.encode());
            }).onFailure(e -> ApiReplies.error(rc, e));
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    private static JsonObject json(RecordingFile f) {
        return new JsonObject().put("file", f.file()).put("url", url(f.file()))
                .put("startedAt", f.startedAt().toString()).put("endedAt", f.endedAt().map(Object::toString).orElse(null))
                .put("endReason", f.endReason().map(EndReason::wireName).orElse("")).put("startedBy", f.startedBy())
                .put("endedBy", f.endedBy()).put("deleted", f.isDeleted());
    }

    private boolean mayPlay(Principal p, Optional<Interaction> call) {
        return AccessRules.mayPlayRecording(p, call.flatMap(Interaction::agentId),
                call.map(Interaction::handledBy).orElse(List.of()), agentsHearOwnCalls);
    }

    private void serve(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        String raw = rc.request().path().substring(FILES.length());
        String name;
        try {
            name = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = null;
        }
        if (name == null || !RecordingName.isSafe(name)) {
            refuse(rc, p, raw);
            return;
        }
        String file = name;
        store.find(file).onSuccess(row -> {
            if (row.isEmpty()) {
                ApiReplies.fail(rc, 404, "no recording " + file);
                return;
            }
            RecordingFile f = row.get();
            if (f.isDeleted()) {
                ApiReplies.fail(rc, 410, "recording " + file + " was deleted on " + f.deletedAt().get() + " by "
                        + f.deletedBy());
                return;
            }
            console.interactions().find(f.interactionId()).onSuccess(call -> {
                if (!mayPlay(p, call)) {
                    ApiReplies.fail(rc, 403, "you may not hear this call's recordings");
                    return;
                }
                Optional<Path> path = files.resolve(file);
                if (path.isEmpty()) {
                    refuse(rc, p, raw);
                    return;
                }
                send(rc, p, f, path.get());
            }).onFailure(e -> ApiReplies.error(rc, e));
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    /** A name that could leave the directory: refused and logged (once per request, the name escaped for the log). */
    private static void refuse(RoutingContext rc, Principal p, String raw) {
        log.warn("Refused recording name from user {}: {}", p.username(),
                raw.replaceAll("[^\\x20-\\x7e]", "?").substring(0, Math.min(raw.length(), 200)));
        ApiReplies.fail(rc, 400, "not a recording file name");
    }

    private void send(RoutingContext rc, Principal p, RecordingFile f, Path path) {
        boolean download = "1".equals(rc.request().getParam("download"));
        vertx.fileSystem().props(path.toString()).onFailure(e -> ApiReplies.fail(rc, 404,
                "the file of recording " + f.file() + " is missing")).onSuccess(props -> {
            if (!props.isRegularFile()) {
                ApiReplies.fail(rc, 404, "the file of recording " + f.file() + " is missing");
                return;
            }
            long size = props.size();
            ByteRange range = ByteRange.parse(rc.request().getHeader("Range"), size);
            rc.response().putHeader("Accept-Ranges", "bytes");
            if (range instanceof ByteRange.Unsatisfiable) {
                rc.response().putHeader("Content-Range", "bytes */" + size);
                ApiReplies.fail(rc, 416, "the range is outside the file's " + size + " bytes");
                return;
            }
            Future<Void> audited = range.startsAtBeginning()
                    ? store.audit(new RecordingAudit(console.clock().instant(), p.username(), f.file(),
                    f.interactionId(), download ? RecordingAudit.DOWNLOAD : RecordingAudit.PLAY,
                    range instanceof ByteRange.Part part ? "bytes " + part.first() + "-" + part.last() : "whole file"))
                    : Future.succeededFuture();
            audited.onFailure(e -> {
                log.error("Recording {} not served to {}: its audit line could not be written: {}", f.file(),
                        p.username(), e.getMessage());
                ApiReplies.fail(rc, 503, "recordings cannot be played while the audit trail cannot be written");
            }).onSuccess(v -> {
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "audio/wav");
                if (download) {
                    String base = path.getFileName().toString();
                    rc.response().putHeader("Content-Disposition", "attachment; filename=\"" + base + "\"");
                }
                if (range instanceof ByteRange.Part part) {
                    rc.response().setStatusCode(206).putHeader("Content-Range",
                            "bytes " + part.first() + "-" + part.last() + "/" + size);
                    rc.response().sendFile(path.toString(), part.first(), part.length());
                } else {
                    rc.response().setStatusCode(200).sendFile(path.toString());
                }
            });
        });
    }
}
