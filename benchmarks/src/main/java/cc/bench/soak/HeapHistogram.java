package cc.bench.soak;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live objects per class (the JVM's {@code GC.class_histogram}, taken after a full GC), and which classes grew
 * between two of them: where a heap that is not flat went.
 */
final class HeapHistogram {
    /** Instances and bytes of one class. */
    record Count(long instances, long bytes) {}

    private HeapHistogram() {
    }

    /** This JVM's histogram now, by class name. */
    static Map<String, Count> take() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        Map<String, Count> counts = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] p = line.trim().split("\\s+");
            // "  12:      3456     78901  java.lang.String (java.base@17)"
            if (p.length >= 4 && p[0].endsWith(":")) {
                counts.put(p[3], new Count(Long.parseLong(p[1]), Long.parseLong(p[2])));
            }
        }
        return counts;
    }

    /** The {@code top} classes whose bytes grew most from {@code before} to {@code after}, one line each. */
    static List<String> growth(Map<String, Count> before, Map<String, Count> after, int top) {
        List<Map.Entry<String, Count>> grown = new ArrayList<>(after.entrySet());
        grown.sort((a, b) -> Long.compare(delta(before, b), delta(before, a)));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Count> e : grown.subList(0, Math.min(top, grown.size()))) {
            Count was = before.getOrDefault(e.getKey(), new Count(0, 0));
            lines.add(String.format(Locale.ROOT, "%+10.1f KiB %+9d instances  %s (%d -> %d instances)",
                    delta(before, e) / 1024.0, e.getValue().instances() - was.instances(), e.getKey(),
                    was.instances(), e.getValue().instances()));
        }
        return lines;
    }

    /** The class whose live instances grew most from {@code before} to {@code after}, and by how many. */
    static SoakFigures.ClassGrowth mostInstancesGrown(Map<String, Count> before, Map<String, Count> after,
                                                      long callsOffered) {
        String name = "";
        long most = 0;
        for (Map.Entry<String, Count> e : after.entrySet()) {
            long grew = e.getValue().instances() - before.getOrDefault(e.getKey(), new Count(0, 0)).instances();
            if (grew > most) {
                most = grew;
                name = e.getKey();
            }
        }
        return new SoakFigures.ClassGrowth(name, most, callsOffered);
    }

    private static long delta(Map<String, Count> before, Map.Entry<String, Count> e) {
        return e.getValue().bytes() - before.getOrDefault(e.getKey(), new Count(0, 0)).bytes();
    }
}
