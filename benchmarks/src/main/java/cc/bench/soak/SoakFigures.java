package cc.bench.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The soak's samples and the verdict drawn from them: heap, threads and open files are flat when the mean of the last
 * third of the samples taken under load is at most 10 % (plus a small slack: 2 MiB, 2 threads, 20 files) above the
 * mean of the first third; every record is complete when, after the drain, each record has ended with an end cause
 * and at least one segment (or none because its caller hung up before the IVR began), and no sample saw a record open
 * more than two minutes.
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
    static String verdict(List<Sample> underLoad, Sample afterDrain) {
        StringBuilder v = new StringBuilder("verdict: ");
        boolean heap = flat(v, "heap", underLoad, Sample::heapMiB, 2, "MiB");
        boolean threads = flat(v, "threads", underLoad, s -> s.threads(), 2, "");
        boolean files = flat(v, "open files", underLoad, s -> s.openFiles(), 20, "");
        Records end = afterDrain.records();
        long maxOpenPast = underLoad.stream().mapToLong(s -> s.records().openPast2Min()).max().orElse(0);
        boolean complete = end.total() > 0 && end.complete() == end.total() && maxOpenPast == 0
                && end.openPast2Min() == 0;
        v.append(String.format("; records after the drain %d, complete %d, without segment %d (%d of callers who"
                        + " hung up before the IVR began), open %d, most open past 2 min at a sample %d -> every"
                        + " record complete: %s", end.total(), end.complete(), end.endedWithoutSegment(),
                end.endedBeforeIvr(), end.total() - end.ended(), maxOpenPast, complete ? "YES" : "NO"));
        v.append(heap && threads && files ? "; heap, threads, open files FLAT" : "; NOT flat");
        return v.toString();
    }

    private static boolean flat(StringBuilder out, String name, List<Sample> samples, ToDoubleFunction<Sample> f,
                                double slack, String unit) {
        int third = Math.max(1, samples.size() / 3);
        double first = samples.subList(0, third).stream().mapToDouble(f).average().orElse(0);
        double last = samples.subList(samples.size() - third, samples.size()).stream().mapToDouble(f).average()
                .orElse(0);
        boolean flat = last <= first * 1.10 + slack;
        out.append(String.format("%s%s first third %.1f%s, last third %.1f%s (%s)", out.length() > 9 ? ", " : "",
                name, first, unit, last, unit, flat ? "flat" : "GROWING"));
        return flat;
    }
}
