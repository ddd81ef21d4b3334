package cc.bench.soak;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The soak's samples and the verdict drawn from them. The first third of the samples taken under load is the warm-up,
 * shown but not judged: the server's capped caches (the console's 20,000 offers and call-control states) fill in it,
 * a level reached once. After it, heap, threads and open files are flat when the straight line fitted through their
 * samples grows by at most 5 % of their mean an hour (plus a slack: 1 MiB, 2 threads, 20 files), and the heap also
 * when no class's live objects grew by more than one for every two calls offered after the warm-up (the class
 * histograms at the warm-up's end and at the end). The second rule is the one that finds a small leak: the ACD's
 * one, a map entry and a string kept per offered call, grew the heap by a few MiB an hour, within the heap's noise,
 * but its {@code HashMap$Node}s by one per call. Every record is complete when, after the drain, each record has
 * ended with an end cause and at least one segment (or none because its caller hung up before the IVR began), and no
 * sample saw a record open more than two minutes.
 */
final class SoakFigures {
    private SoakFigures() {}

    /**
     * What PostgreSQL holds at one sample.
     *
     * @param complete       ended with an end cause and at least one segment, or {@code endedBeforeIvr}
     * @param endedBeforeIvr ended without a segment because the caller hung up before the IVR began (the simulator
     *                       never started the call's AGI): nothing happened on the call that a segment could show
     */
    record Records(long total, long ended, long complete, long openPast2Min, long endedWithoutSegment,
                   long endedBeforeIvr) {}

    /** The class whose live objects grew most after the warm-up, by how many, over how many calls offered. */
    record ClassGrowth(String className, long instances, long callsOffered) {
        boolean perCall() {
            return instances * 2 > callsOffered;
        }
    }

    /** One line of the soak's output. */
    record Sample(int minute, long offered, Records records, double heapMiB, int threads, long openFiles,
                  int callsUp, double unwritten, String load) {}

    static final String HEADER = String.format("%6s %8s %8s %8s %8s %7s %7s %7s %9s %8s %7s %8s %8s %6s", "t min",
            "offered", "records", "ended", "complete", ">2min", "no seg", "pre-IVR", "heap MiB", "threads", "open fd",
            "calls up", "backlog", "load");

    static String line(Sample s) {
        Records r = s.records();
        return String.format("%6d %8d %8d %8d %8d %7d %7d %7d %9.1f %8d %7d %8d %8.0f %6s", s.minute(),
                s.offered(), r.total(), r.ended(), r.complete(), r.openPast2Min(), r.endedWithoutSegment(),
                r.endedBeforeIvr(), s.heapMiB(),
                s.threads(), s.openFiles(), s.callsUp(), s.unwritten(), s.load());
    }

    /**
     * The verdict on the samples taken under load (not the idle one before the first call, not the one after the
     * drain) and the final count after the drain.
     */
    static String verdict(List<Sample> underLoad, Sample afterDrain, Optional<ClassGrowth> grown) {
        StringBuilder v = new StringBuilder("verdict: ");
        boolean heap = flat(v, "heap", underLoad, Sample::heapMiB, 1, "MiB");
        boolean threads = flat(v, "threads", underLoad, s -> s.threads(), 2, "");
        boolean files = flat(v, "open files", underLoad, s -> s.openFiles(), 20, "");
        boolean noPerCallGrowth = grown.map(g -> !g.perCall()).orElse(true);
        grown.ifPresent(g -> v.append(String.format("; most grown after the warm-up: %s %+d instances over %d calls"
                + " (%s)", g.className(), g.instances(), g.callsOffered(), g.perCall() ? "GROWING with the calls"
                : "not per call")));
        Records end = afterDrain.records();
        long maxOpenPast = underLoad.stream().mapToLong(s -> s.records().openPast2Min()).max().orElse(0);
        boolean complete = end.total() > 0 && end.complete() == end.total() && maxOpenPast == 0
                && end.openPast2Min() == 0;
        v.append(String.format("; records after the drain %d, complete %d, without segment %d (%d of callers who"
                        + " hung up before the IVR began), open %d, most open past 2 min at a sample %d -> every"
                        + " record complete: %s", end.total(), end.complete(), end.endedWithoutSegment(),
                end.endedBeforeIvr(), end.total() - end.ended(), maxOpenPast, complete ? "YES" : "NO"));
        if (underLoad.size() < 3) {
            // a warm-up third and a line need three samples: a shorter run says nothing about growth
            v.append("; heap, threads, open files NOT JUDGED (").append(underLoad.size())
                    .append(" samples under load, 3 needed)");
        } else {
            v.append(heap && noPerCallGrowth && threads && files ? "; heap, threads, open files FLAT" : "; NOT flat");
        }
        return v.toString();
    }

    private static boolean flat(StringBuilder out, String name, List<Sample> samples, ToDoubleFunction<Sample> f,
                                double slackPerHour, String unit) {
        int n = samples.size();
        int warm = n >= 3 ? n / 3 : 0;
        String warmUp = warm == 0 ? "none"
                : String.format(java.util.Locale.ROOT, "%.1f%s", mean(samples, 0, warm, f), unit);
        List<Sample> judged = samples.subList(warm, n);
        double mean = mean(samples, warm, n, f);
        double perHour = slopePerMinute(judged, f) * 60;
        boolean flat = perHour <= mean * 0.05 + slackPerHour;
        out.append(String.format(java.util.Locale.ROOT, "%s%s warm-up %s, after it %.1f%s on average and %+.1f%s"
                        + " an hour at the fitted slope (%s)", out.length() > 9 ? ", " : "", name, warmUp, mean,
                unit, perHour, unit, flat ? "flat" : "GROWING"));
        return flat;
    }

    /** The least-squares slope of {@code f} against the samples' minutes; 0 for fewer than two samples. */
    static double slopePerMinute(List<Sample> samples, ToDoubleFunction<Sample> f) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double mt = samples.stream().mapToDouble(Sample::minute).average().orElse(0);
        double mv = samples.stream().mapToDouble(f).average().orElse(0);
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.minute() - mt) * (f.applyAsDouble(s) - mv);
            den += (s.minute() - mt) * (s.minute() - mt);
        }
        return den == 0 ? 0 : num / den;
    }

    private static double mean(List<Sample> samples, int from, int to, ToDoubleFunction<Sample> f) {
        return samples.subList(from, to).stream().mapToDouble(f).average().orElse(0);
    }
}
