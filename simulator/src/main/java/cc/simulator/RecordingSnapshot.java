package cc.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A MixMonitor recording as a test sees it. {@code file} is where the simulator wrote (or will write, once it
 * stops) the WAV, null when the requested path would leave the recordings directory; {@code duration} is
 * simulated time (the file's length); {@code silentSpans} are the stretches muted in both directions, which the
 * file holds as digital silence.
 */
public record RecordingSnapshot(String channel, String requestedFile, Path file, String mixMonitorId, boolean running,
                                Duration duration, List<Span> silentSpans) {

    public RecordingSnapshot {
        silentSpans = List.copyOf(silentSpans);
    }

    /** From and to, measured from the start of the recording. */
    public record Span(Duration from, Duration to) {
    }
}
