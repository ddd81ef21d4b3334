package cc.core.app.recording;

import io.vertx.core.Future;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The recording files as the server sees them, in the directory where the telephony servers' recordings directory
 * is mounted. Never reaches outside it: names are checked before and after resolving.
 */
public interface RecordingFiles {

    /** What a deletion found. */
    enum Removal {
        DELETED, ALREADY_MISSING, OUTSIDE_DIRECTORY
    }

    /** The file's path, or empty when the name is unsafe or resolves outside the directory (links included). */
    Optional<Path> resolve(String file);

    /** Deletes the file (blocking I/O on a worker); refuses names outside the directory. */
    Future<Removal> delete(String file);
}
