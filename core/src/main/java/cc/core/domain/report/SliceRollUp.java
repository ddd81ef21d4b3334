package cc.core.domain.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * Adds pre-aggregated slices into a report's buckets: one row per subject seen and bucket of the range, every bucket
 * present (a quiet bucket has the zero figures), subjects in name order, buckets in time order. Slices outside the
 * range count nowhere. Pure; memory holds one tally per subject and bucket.
 */
public final class SliceRollUp {
    private SliceRollUp() {}

    public static <F> List<ReportRow<F>> rows(Instant from, Instant to, Buckets buckets, Iterable<Slice<F>> slices,
                                              F zero, BinaryOperator<F> plus) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the range must end after it starts: " + from + " .. " + to);
        }
        Map<String, Map<Instant, F>> bySubject = new TreeMap<>();
        Map<Instant, Bucket> bucketOf = new HashMap<>();
        for (Slice<F> s : slices) {
            if (s.start().isBefore(from) || !s.start().isBefore(to)) {
                continue;
            }
            Bucket b = bucketOf.computeIfAbsent(s.start(), buckets::of);
            bySubject.computeIfAbsent(s.subject(), k -> new HashMap<>())
                    .merge(b.start(), s.figures(), plus);
        }
        List<Bucket> all = buckets.covering(from, to);
        List<ReportRow<F>> out = new ArrayList<>();
        bySubject.forEach((subject, tallies) -> {
            for (Bucket b : all) {
                out.add(new ReportRow<>(b, subject, tallies.getOrDefault(b.start(), zero)));
            }
        });
        return out;
    }
}
