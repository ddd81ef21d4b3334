package cc.core.domain.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long recording files are kept: a file is due for deletion once its age (from its end, or its start when it
 * never ended) reaches the retention period. A zero period keeps files for ever.
 */
public record RetentionPolicy(Duration keep) {
    /** Who the library names as the deleter of files retention removed. */
    public static final String DELETER = "retention";

    public RetentionPolicy {
        if (keep == null || keep.isNegative()) {
            throw new IllegalArgumentException("retention must be zero (keep for ever) or positive, was " + keep);
        }
    }

    public static RetentionPolicy days(int days) {
        return new RetentionPolicy(Duration.ofDays(days));
    }

    public boolean keepsForever() {
        return keep.isZero();
    }

    /** Files aged from before this instant are due at {@code now}; empty when nothing is ever due. */
    public Optional<Instant> cutoff(Instant now) {
        return keepsForever() ? Optional.empty() : Optional.of(now.minus(keep));
    }

    public boolean isDue(RecordingFile f, Instant now) {
        return !f.isDeleted() && cutoff(now).map(c -> f.agedFrom().isBefore(c)).orElse(false);
    }

    /** The files among {@code candidates} to delete at {@code now}, oldest first. */
    public List<RecordingFile> due(List<RecordingFile> candidates, Instant now) {
        return candidates.stream().filter(f -> isDue(f, now))
                .sorted(java.util.Comparator.comparing(RecordingFile::agedFrom)).toList();
    }
}
