package cc.core.domain.recording;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recording file of a call, as kept in the library.
 *
 * @param file          the file's name relative to the recordings directory (the row's identity)
 * @param interactionId the call it belongs to
 * @param server        the telephony server that wrote it
 * @param startedAt     when recording into it began
 * @param endedAt       when it ended; empty while it is written, or for ever when the server died first
 * @param endReason     why it ended; empty while open
 * @param startedBy     who started it (a user, {@code policy}, {@code system})
 * @param endedBy       who ended it; empty while open
 * @param detail        why it started or ended, for people (a failure's reason)
 * @param deletedAt     when the file was deleted; empty while kept
 * @param deletedBy     who deleted it ({@code retention} or a user); empty while kept
 */
public record RecordingFile(String file, String interactionId, String server, Instant startedAt,
                            Optional<Instant> endedAt, Optional<EndReason> endReason, String startedBy, String endedBy,
                            String detail, Optional<Instant> deletedAt, String deletedBy) {
    public RecordingFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endReason, "endReason");
        Objects.requireNonNull(deletedAt, "deletedAt");
        server = server == null ? "" : server;
        startedBy = startedBy == null ? "" : startedBy;
        endedBy = endedBy == null ? "" : endedBy;
        detail = detail == null ? "" : detail;
        deletedBy = deletedBy == null ? "" : deletedBy;
    }

    public boolean isOpen() {
        return endedAt.isEmpty();
    }

    public boolean isDeleted() {
        return deletedAt.isPresent();
    }

    /** The instant retention counts the file's age from: its end, or its start when it never ended. */
    public Instant agedFrom() {
        return endedAt.orElse(startedAt);
    }

    /**
     * What {@code change} makes of the file's row ({@code current} empty when there is none yet); empty when the row
     * stays as it is. Reports come at least once, in order per file, so: a second start of a file is the same file;
     * the first end wins (a call that ends after its file was stopped does not re-end it); an end with no start
     * (Asterisk refused at once, or the start was never heard) is a file that began and ended then.
     */
    public static Optional<RecordingFile> apply(Optional<RecordingFile> current, RecordingChange change) {
        if (current.isEmpty()) {
            if (change.isStart()) {
                return Optional.of(new RecordingFile(change.file(), change.interactionId(), change.server(),
                        change.at(), Optional.empty(), Optional.empty(), change.by(), "", change.detail(),
                        Optional.empty(), ""));
            }
            return Optional.of(new RecordingFile(change.file(), change.interactionId(), change.server(), change.at(),
                    Optional.of(change.at()), change.end(), "", change.by(), change.detail(), Optional.empty(), ""));
        }
        RecordingFile f = current.get();
        if (!change.isStart() && !f.isOpen() && change.end().equals(Optional.of(EndReason.FAILED))
                && !f.endReason().equals(Optional.of(EndReason.FAILED)) && f.deletedAt().isEmpty()) {
            // found after its end that no file was written: the record must say so, its end time kept
            return Optional.of(new RecordingFile(f.file(), f.interactionId(), f.server(), f.startedAt(), f.endedAt(),
                    change.end(), f.startedBy(), f.endedBy(), change.detail(), f.deletedAt(), f.deletedBy()));
        }
        if (change.isStart() || !f.isOpen()) {
            return Optional.empty();
        }
        String detail = change.detail().isEmpty() ? f.detail() : change.detail();
        Instant end = change.at().isBefore(f.startedAt()) ? f.startedAt() : change.at();
        return Optional.of(new RecordingFile(f.file(), f.interactionId(), f.server(), f.startedAt(),
                Optional.of(end), change.end(), f.startedBy(), change.by(), detail, f.deletedAt(), f.deletedBy()));
    }
}
