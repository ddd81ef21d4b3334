package cc.core.app.recording;

import cc.core.domain.recording.RecordingAudit;
import cc.core.domain.recording.RecordingChange;
import cc.core.domain.recording.RecordingFile;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where recording rows and their audit trail are kept.
 *
 * <p>Threading: every method returns at once; blocking work runs on the store's worker pool.
 */
public interface RecordingStore {

    /** Applies a change to its file's row ({@link RecordingFile#apply}); repeating a change changes nothing. */
    Future<Void> record(RecordingChange change);

    /** A call's files, in the order they started. */
    Future<List<RecordingFile>> forInteraction(String interactionId);

    /** The row of a file, by its name relative to the recordings directory. */
    Future<Optional<RecordingFile>> find(String file);

    /** Files not yet deleted aged from before {@code cutoff} (see {@link RecordingFile#agedFrom}), oldest first. */
    Future<List<RecordingFile>> keptAgedBefore(Instant cutoff, int limit);

    /** Marks the file deleted and writes its audit line, in one transaction. */
    Future<Void> markDeleted(String file, Instant at, String by, RecordingAudit audit);

    /** Writes an audit line (a play or a download). */
    Future<Void> audit(RecordingAudit entry);

    /** A file's audit trail, oldest first. */
    Future<List<RecordingAudit>> auditOf(String file);
}
