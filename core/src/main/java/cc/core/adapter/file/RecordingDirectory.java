package cc.core.adapter.file;

import cc.core.app.recording.RecordingFiles;
import cc.core.domain.recording.RecordingName;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The recordings directory on this server's disk (where the telephony servers' recordings directory is mounted).
 *
 * <p>A name is opened only when it is a safe relative name ({@link RecordingName#isSafe}), its normalised path stays
 * under the directory, and, when it exists, its real path (links followed) does too: a link planted in the directory
 * cannot lead outside it.
 *
 * <p>Threading: {@link #resolve} touches the disk and blocks briefly (call it from a worker or accept a stat on the
 * event loop); {@link #delete} runs on a worker.
 */
public final class RecordingDirectory implements RecordingFiles {
    private final Vertx vertx;
    private final Path root;

    public RecordingDirectory(Vertx vertx, Path root) {
        this.vertx = vertx;
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<Path> resolve(String file) {
        if (!RecordingName.isSafe(file)) {
            return Optional.empty();
        }
        Path p = root.resolve(file).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            return Optional.empty();
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Path real = p.toRealPath();
                Path realRoot = root.toRealPath();
                if (!real.startsWith(realRoot)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                // a dangling link or a file removed meanwhile: treat as missing, never as outside
                return Optional.of(p);
            }
        }
        return Optional.of(p);
    }

    @Override
    public Future<Removal> delete(String file) {
        return vertx.executeBlocking(() -> {
            Optional<Path> p = resolve(file);
            if (p.isEmpty()) {
                return Removal.OUTSIDE_DIRECTORY;
            }
            try {
                Files.delete(p.get());
                return Removal.DELETED;
            } catch (NoSuchFileException e) {
                return Removal.ALREADY_MISSING;
            }
        }, false);
    }

    /** A WAV file's header alone (44 bytes) holds no audio. */
    private static final long WAV_HEADER = 44;

    @Override
    public Future<Boolean> written(String file) {
        return vertx.executeBlocking(() -> {
            Optional<Path> p = resolve(file);
            if (p.isEmpty()) {
                return false;
            }
            try {
                return Files.isRegularFile(p.get()) && Files.size(p.get()) > WAV_HEADER;
            } catch (IOException e) {
                return false;
            }
        }, false);
    }

    @Override
    public Future<Optional<String>> directoryProblem() {
        // one stat, on the caller's thread: /health must not wait behind busy worker threads
        if (Files.isDirectory(root)) {
            return Future.succeededFuture(Optional.empty());
        }
        return Future.succeededFuture(Optional.of(Files.exists(root) ? root + " is not a directory"
                : root + " does not exist"));
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
