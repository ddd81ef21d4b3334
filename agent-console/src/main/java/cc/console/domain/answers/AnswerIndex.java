package cc.console.domain.answers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable BM25 index (k1 = 1.2, b = 0.75) over answer sources. Titles and keywords count twice. A query is a weighted bag of
 * terms (the IVR topic weighs more than the caller's old notes); each source's score is the sum over query terms of
 * weight x idf x saturated term frequency, so it can be explained term by term.
 *
 * <p>Build a new index when the sources change; ranking is read-only and thread-safe.
 */
public final class AnswerIndex {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<AnswerSource> sources;
    private final List<Map<String, Integer>> frequencies;
    private final int[] lengths;
    private final Map<String, Integer> documentFrequency;
    private final double averageLength;

    private AnswerIndex(List<AnswerSource> sources) {
        this.sources = List.copyOf(sources);
        this.frequencies = new ArrayList<>(sources.size());
        this.lengths = new int[sources.size()];
        this.documentFrequency = new HashMap<>();
        long total = 0;
        for (int i = 0; i < this.sources.size(); i++) {
            AnswerSource s = this.sources.get(i);
            List<String> terms = new ArrayList<>(Terms.of(s.title()));
            terms.addAll(Terms.of(s.title()));
            terms.addAll(Terms.of(s.text()));
            terms.addAll(Terms.of(s.keywords()));
            terms.addAll(Terms.of(s.keywords()));
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            frequencies.add(tf);
            lengths[i] = terms.size();
            total += terms.size();
        }
        this.averageLength = sources.isEmpty() ? 1 : Math.max(1.0, (double) total / sources.size());
    }

    public static AnswerIndex of(List<AnswerSource> sources) {
        return new AnswerIndex(sources);
    }

    public int size() {
        return sources.size();
    }

    /** A query from texts with weights: {@code query(Map.of("billing dispute", 3.0, oldNotes, 1.0))}. */
    public static Map<String, Double> query(Map<String, Double> weightedTexts) {
        Map<String, Double> q = new LinkedHashMap<>();
        weightedTexts.forEach((text, weight) -> Terms.of(text).forEach(t -> q.merge(t, weight, Double::sum)));
        return q;
    }

    /** The best {@code limit} sources of {@code kind} for the query, best first; sources matching nothing are left out. */
    public List<RankedAnswer> rank(Map<String, Double> query, AnswerSource.Kind kind, int limit) {
        List<RankedAnswer> out = new ArrayList<>();
        int n = sources.size();
        for (int i = 0; i < n; i++) {
            AnswerSource s = sources.get(i);
            if (s.kind() != kind) {
                continue;
            }
            Map<String, Integer> tf = frequencies.get(i);
            double score = 0;
            List<Map.Entry<String, Double>> parts = new ArrayList<>();
            for (Map.Entry<String, Double> q : query.entrySet()) {
                Integer f = tf.get(q.getKey());
                if (f == null) {
                    continue;
                }
                int df = documentFrequency.get(q.getKey());
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                double sat = f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[i] / averageLength));
                double part = q.getValue() * idf * sat;
                score += part;
                parts.add(Map.entry(q.getKey(), part));
            }
            if (score > 0) {
                parts.sort(Map.Entry.<String, Double>comparingByValue().reversed());
                out.add(new RankedAnswer(s, score, parts.stream().map(Map.Entry::getKey).toList()));
            }
        }
        out.sort(Comparator.comparingDouble(RankedAnswer::score).reversed()
                .thenComparing(r -> r.source().id()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }
}
