package cc.core.testkit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs one fuzz target over {@code -Dfuzz.inputs} generated inputs (default {@link #DEFAULT_INPUTS}), each from its
 * own {@link Random} seeded {@code base + i}, the base being {@code -Dfuzz.seed} or a fresh random number printed in
 * the summary. A target answers {@link Verdict#ACCEPTED} or {@link Verdict#REJECTED} (it saw the clear error it
 * expects); anything it throws is an escaped exception, recorded with the input's seed and an excerpt of the input,
 * and fails the run after all inputs (so one run reports every distinct failure, not just the first).
 */
public final class Fuzz {
    /** At least 10,000 inputs per target in the test command, as issue 16 asks. */
    public static final int DEFAULT_INPUTS = 10_000;
    private static final int KEPT_FAILURES = 8;

    /** What the target made of one input. */
    public enum Verdict { ACCEPTED, REJECTED }

    /** One generated input: its seed (to replay it) and a random source for generating and mutating it. */
    public record Input(long seed, int index, Random random) {}

    /** The target: generate from {@code input.random()}, feed the parser, judge. {@code note} keeps an excerpt. */
    @FunctionalInterface
    public interface Target {
        Verdict run(Input input, Note note) throws Exception;
    }

    /** Where a target leaves the text it generated, so a failure can show it. */
    public static final class Note {
        private String text = "";

        public void input(String generated) {
            this.text = generated;
        }

        String excerpt() {
            String t = text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
            // control characters escaped: the excerpt goes into an assertion message that Maven prints to its console
            StringBuilder b = new StringBuilder(t.length());
            t.chars().forEach(c -> {
                if (c == '\r') {
                    b.append("\\r");
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (Character.isISOControl(c)) {
                    b.append(String.format("\\u%04X", c));
                } else {
                    b.append((char) c);
                }
            });
            return b.toString();
        }
    }

    /** The outcome of a run; {@link #line()} is the one-line summary each fuzz test prints. */
    public record Summary(String target, long baseSeed, int inputs, int rejected, int accepted, int escaped,
                          long millis, List<String> failures) {
        public String line() {
            return "fuzz " + target + ": inputs=" + inputs + " rejected clearly=" + rejected + " accepted=" + accepted
                    + " escaped exceptions=" + escaped + " seed=" + baseSeed + " in " + millis + " ms";
        }
    }

    private Fuzz() {
    }

    public static int inputs() {
        return Integer.getInteger("fuzz.inputs", DEFAULT_INPUTS);
    }

    /** Inputs for a target whose every input costs a socket or an HTTP round trip: the same default, scaled by the caller. */
    public static int inputs(int defaultInputs) {
        return Integer.getInteger("fuzz.inputs", defaultInputs);
    }

    public static long baseSeed() {
        Long fixed = Long.getLong("fuzz.seed");
        return fixed != null ? fixed : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    /** Runs the target and throws an {@link AssertionError} listing the seeds of escaped exceptions, if any. */
    public static Summary run(String target, Target t) {
        return run(target, inputs(), t);
    }

    public static Summary run(String target, int inputs, Target t) {
        Summary s = explore(target, baseSeed(), inputs, t);
        System.out.println(s.line());
        if (s.escaped() > 0) {
            throw new AssertionError(s.line() + "\n" + String.join("\n", s.failures()));
        }
        return s;
    }

    /**
     * As {@link #run(String, int, Target)} with {@code threads} inputs in flight at once, for targets whose inputs
     * mostly wait on a socket (a FastAGI session waiting for a command that will not come). Each input still has its
     * own seed, so a failure replays alone with {@code -Dfuzz.seed=N -Dfuzz.inputs=1}.
     */
    public static Summary runParallel(String target, int inputs, int threads, Target t) throws InterruptedException {
        long base = baseSeed();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Summary> parts = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < inputs) {
                    int index = i;
                    parts.add(explore(target, base + index, 1, (input, note) ->
                            t.run(new Input(input.seed(), index, input.random()), note)));
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new AssertionError(target + ": inputs still running after 30 minutes");
        }
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        int accepted = 0;
        int escaped = 0;
        for (Summary p : parts) {
            rejected += p.rejected();
            accepted += p.accepted();
            escaped += p.escaped();
            if (failures.size() < KEPT_FAILURES) {
                failures.addAll(p.failures());
            }
        }
        Summary s = new Summary(target, base, inputs, rejected, accepted, escaped,
                (System.nanoTime() - start) / 1_000_000, List.copyOf(failures));
        System.out.println(s.line());
        if (s.escaped() > 0) {
            throw new AssertionError(s.line() + "\n" + String.join("\n", s.failures()));
        }
        return s;
    }

    /** Runs without failing: for targets that must check more (link up, records closed) before judging. */
    public static Summary explore(String target, long base, int inputs, Target t) {
        int rejected = 0;
        int accepted = 0;
        int escaped = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inputs; i++) {
            long seed = base + i;
            Note note = new Note();
            try {
                Verdict v = t.run(new Input(seed, i, new Random(seed)), note);
                if (v == Verdict.REJECTED) {
                    rejected++;
                } else {
                    accepted++;
                }
            } catch (Throwable e) {
                escaped++;
                if (failures.size() < KEPT_FAILURES) {
                    failures.add("  " + target + " input seed " + seed + " (replay: -Dfuzz.seed=" + seed
                            + " -Dfuzz.inputs=1): " + e + (e.getCause() != null ? " caused by " + e.getCause() : "")
                            + "\n    at " + where(e) + "\n    input: " + note.excerpt());
                }
            }
        }
        return new Summary(target, base, inputs, rejected, accepted, escaped,
                (System.nanoTime() - start) / 1_000_000, List.copyOf(failures));
    }

    private static String where(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(4, st.length); i++) {
            s.append(i == 0 ? "" : " < ").append(st[i]);
        }
        return s.toString();
    }
}
