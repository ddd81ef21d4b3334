package cc.bench.callcontrol;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The line every call-control benchmark prints first: the figures mean little without the machine and its load. */
final class Machine {
    private Machine() {}

    static void print() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        long memGiB = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        String[] loadavg = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        System.out.printf("machine: %d cores, %d GiB, %s; java %s (%s); load average at start: %s %s %s%n",
                Runtime.getRuntime().availableProcessors(), memGiB, cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), loadavg[0], loadavg[1], loadavg[2]);
    }

    /** Removes a benchmark's temporary directory: database, flows and the simulated host's recordings. */
    static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** The collectors' counts and total pause time in this JVM so far: a long pause shows in every p99. */
    static String gcSummary() {
        StringBuilder b = new StringBuilder("garbage collections:");
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            b.append(' ').append(gc.getName()).append(' ').append(gc.getCollectionCount()).append(" (")
                    .append(gc.getCollectionTime()).append(" ms)");
        }
        return b.toString();
    }

    static String loadAverage() throws Exception {
        String[] loadavg = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return loadavg[0] + " " + loadavg[1] + " " + loadavg[2];
    }
}
