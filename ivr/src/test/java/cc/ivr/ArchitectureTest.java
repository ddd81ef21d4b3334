package cc.ivr;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps the layers honest: the domain stays pure, and asterisk-java stays inside the AGI adapter. */
class ArchitectureTest {
    static final Path MAIN = Path.of("src", "main", "java", "cc", "ivr");

    static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    @DisplayName("Domain code imports only java.* and the core and ivr domains, and never reads the clock")
    void pureDomain() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files = sources(MAIN.resolve("domain"));
        assertTrue(files.size() > 10, "domain sources found");
        for (Path p : files) {
            for (String line : Files.readAllLines(p)) {
                String t = line.trim();
                if (t.startsWith("import ") && !(t.startsWith("import java.") || t.startsWith("import cc.core.domain.")
                        || t.startsWith("import cc.ivr.domain.") || t.startsWith("import static java."))) {
                    violations.add(p.getFileName() + ": " + t);
                }
                if (t.contains("Instant.now(") || t.contains("currentTimeMillis") || t.contains("LocalDate.now(")
                        || t.contains("LocalTime.now(") || t.contains("nanoTime")) {
                    violations.add(p.getFileName() + ": reads the clock: " + t);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    @DisplayName("asterisk-java types are used only in the FastAGI adapter")
    void asteriskJavaStaysInAdapter() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path p : sources(MAIN)) {
            if (p.startsWith(MAIN.resolve("adapter").resolve("agi"))) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                if (line.contains("org.asteriskjava")) {
                    violations.add(p + ": " + line.trim());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    @DisplayName("Every package has a package-info.java")
    void packageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path dir : s.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> f = Files.list(dir)) {
                    hasJava = f.anyMatch(p -> p.toString().endsWith(".java"));
                }
                if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
                    missing.add(dir.toString());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
