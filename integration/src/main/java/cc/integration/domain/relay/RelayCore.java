package cc.integration.domain.relay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The relay's decisions for one sink.
 *
 * <p><b>The gap rule.</b> Outbox seqs come from an identity: a transaction takes its seq when it inserts, but commits
 * whenever it commits, so seq 41 may still be invisible (open) while 42 is already committed. A reader that took 42
 * and moved its cursor past 41 would never see 41. So a sink takes rows only while their seqs run on from its cursor
 * without a hole; at a hole it stops and remembers since when the seq has been missing. The hole is passed only once
 * {@link RelayRules#gapGrace} has gone by (its transaction rolled back, or a sequence jump after a crash). A seq passed
 * this way is still watched for {@link RelayRules#lateWatch}: should its transaction commit after all, the row is
 * delivered then, out of order, rather than lost. The price: a rolled-back change costs its sink one grace period of
 * delay; nothing else waits for it.
 *
 * <p>Pure: rows, progress and {@code now} in, the new progress and what to do out. Not thread-safe (one relay owns a
 * sink's progress).
 */
public final class RelayCore {
    /** More passed seqs than this are not watched (a rolled-back bulk import is not worth a long query). */
    static final int MAX_WATCHED = 10_000;

    private final RelayRules rules;

    public RelayCore(RelayRules rules) {
        this.rules = rules;
    }

    public RelayRules rules() {
        return rules;
    }

    /**
     * What to do with the rows just read after the cursor.
     *
     * @param progress the sink's progress
     * @param seqs     the seqs of the rows read ({@code seq > cursor}, ascending, at most {@link RelayRules#batchSize})
     * @param now      the time of the read
     * @return how many of the rows, from the first, may be offered, and the progress to keep meanwhile (the cursor does
     *         not move until {@link #delivered})
     */
    public Plan plan(SinkProgress progress, List<Long> seqs, Instant now) {
        long expect = progress.cursor() + 1;
        Optional<SinkProgress.Gap> gap = progress.gap();
        List<Long> passed = new ArrayList<>();
        int take = 0;
        for (long seq : seqs) {
            if (seq < expect) {
                throw new IllegalArgumentException("seq " + seq + " is not after " + (expect - 1));
            }
            if (seq == expect) {
                take++;
                expect++;
                continue;
            }
            // expect .. seq-1 are missing below a committed row
            if (gap.isPresent() && gap.get().seq() == expect
                    && !now.isBefore(gap.get().since().plus(rules.gapGrace()))) {
                for (long s = expect; s < seq && passed.size() < MAX_WATCHED; s++) {
                    passed.add(s);
                }
                gap = Optional.empty();
                take++;
                expect = seq + 1;
                continue;
            }
            if (gap.isEmpty() || gap.get().seq() != expect) {
                gap = Optional.of(new SinkProgress.Gap(expect, now));
            }
            break;
        }
        // a gap below what was taken has been filled (its row arrived)
        if (gap.isPresent() && gap.get().seq() < expect) {
            gap = Optional.empty();
        }
        long last = take == 0 ? progress.cursor() : expect - 1;
        SinkProgress kept = new SinkProgress(progress.cursor(), gap, progress.failures(), progress.notBefore(),
                progress.lastError(), progress.watched());
        return new Plan(kept, take, last, passed, take == rules.batchSize());
    }

    /**
     * The offer of a plan's rows succeeded: the cursor moves to its last seq, passed seqs are watched, and the next read
     * is at once when the batch was full (more may be waiting), else after {@link RelayRules#pollEvery}.
     */
    public SinkProgress delivered(Plan plan, Instant now) {
        SortedMap<Long, Instant> watched = new TreeMap<>(plan.progress().watched());
        for (long s : plan.passed()) {
            if (watched.size() >= MAX_WATCHED) {
                break;
            }
            watched.put(s, now);
        }
        Instant next = plan.full() ? now : now.plus(rules.pollEvery());
        return new SinkProgress(plan.lastSeq(), plan.progress().gap(), 0, next, "", watched);
    }

    /** Nothing to offer (no new rows, or only rows behind a gap still in its grace): read again after a poll. */
    public SinkProgress idle(Plan plan, Instant now) {
        SinkProgress p = plan.progress();
        return new SinkProgress(p.cursor(), p.gap(), p.failures(), now.plus(rules.pollEvery()), p.lastError(),
                p.watched());
    }

    /** The offer failed: the same rows are offered again after the backoff; the cursor stays. */
    public SinkProgress failed(SinkProgress progress, String error, Instant now) {
        int failures = progress.failures() + 1;
        return new SinkProgress(progress.cursor(), progress.gap(), failures,
                now.plus(rules.backoff().after(failures)), error, progress.watched());
    }

    /**
     * Watched seqs found committed late (after they were passed) are no longer watched once offered; those watched
     * longer than {@link RelayRules#lateWatch} are given up for rolled back.
     */
    public SinkProgress lateChecked(SinkProgress progress, List<Long> found, Instant now) {
        if (progress.watched().isEmpty()) {
            return progress;
        }
        SortedMap<Long, Instant> watched = new TreeMap<>(progress.watched());
        found.forEach(watched::remove);
        watched.values().removeIf(since -> !now.isBefore(since.plus(rules.lateWatch())));
        return new SinkProgress(progress.cursor(), progress.gap(), progress.failures(), progress.notBefore(),
                progress.lastError(), watched);
    }

    /**
     * @param progress the progress to keep while the rows are offered
     * @param take     how many rows, from the first read, to offer (0: nothing now)
     * @param lastSeq  the cursor once they are delivered
     * @param passed   seqs passed as holes on the way (to be watched)
     * @param full     whether the read was a whole batch (more may wait behind it)
     */
    public record Plan(SinkProgress progress, int take, long lastSeq, List<Long> passed, boolean full) {
        public Plan {
            passed = List.copyOf(passed);
        }
    }
}
