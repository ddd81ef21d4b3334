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

    /**
     * Whether the file is there with more than a WAV header in it (blocking I/O on a worker): a file that ended but was
     * never written means the telephony server could not write its recordings directory.
     */
    Future<Boolean> written(String file);

    /** What is wrong with the directory itself (missing, not a directory), or empty when it is one (one stat). */
    Future<Optional<String>> directoryProblem();

    /** The directory, for messages. */
    String describe();
}
