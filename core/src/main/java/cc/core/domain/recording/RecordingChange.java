package cc.core.domain.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of a call started or ended, as the call-control service reported it.
 *
 * @param interactionId the call's interaction record
 * @param server        the telephony server that writes the file
 * @param file          the file's name relative to the recordings directory
 * @param end           empty for a start (a new recording or a resume), else why the file ended
 * @param by            who caused it: a user name, {@code policy} or {@code system}
 * @param detail        why, for people; may be empty
 * @param at            when
 */
public record RecordingChange(String interactionId, String server, String file, Optional<EndReason> end, String by,
                              String detail, Instant at) {
    /** The longest file name the library keeps. */
    public static final int MAX_FILE_LENGTH = 400;

    public RecordingChange {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(at, "at");
        server = server == null ? "" : server;
        by = by == null ? "" : by;
        detail = detail == null ? "" : detail;
    }

    /**
     * The change named by the contract's {@code change} word: {@code started} and {@code resumed} start a file,
     * {@code paused}, {@code stopped}, {@code ended} and {@code failed} end one.
     *
     * @throws IllegalArgumentException for any other word, or a file name empty or longer than {@value #MAX_FILE_LENGTH}
     */
    public static RecordingChange of(String interactionId, String server, String file, String change, String by,
                                     String detail, Instant at) {
        if (file == null || file.isBlank() || file.length() > MAX_FILE_LENGTH) {
            throw new IllegalArgumentException("a recording file name needs 1 to " + MAX_FILE_LENGTH
                    + " characters, was '" + file + "'");
        }
        Optional<EndReason> end;
        if ("started".equals(change) || "resumed".equals(change)) {
            end = Optional.empty();
        } else {
            end = EndReason.of(change);
            if (end.isEmpty()) {
                throw new IllegalArgumentException("unknown recording change '" + change + "' of file " + file);
            }
        }
        return new RecordingChange(interactionId, server, file, end, by, detail, at);
    }

    public boolean isStart() {
        return end.isEmpty();
    }
}
