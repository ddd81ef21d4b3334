package cc.core.domain.recording;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the recordings' audit trail: who played, downloaded or deleted which file, when.
 *
 * @param action {@link #PLAY}, {@link #DOWNLOAD} or {@link #DELETE}
 * @param detail e.g. the byte range asked for, or that the file was already missing
 */
public record RecordingAudit(Instant at, String username, String file, String interactionId, String action,
                             String detail) {
    public static final String PLAY = "play";
    public static final String DOWNLOAD = "download";
    public static final String DELETE = "delete";

    public RecordingAudit {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        interactionId = interactionId == null ? "" : interactionId;
        detail = detail == null ? "" : detail;
    }
}
