package cc.acd;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainPurityTest {
    private static final Path DOMAIN = Path.of("src/main/java/cc/acd/domain");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> CLOCK_READS = List.of("Instant.now(", "System.currentTimeMillis(",
            "System.nanoTime(", "LocalDateTime.now(", "Clock.system", "new Random(", "Math.random(");

    @Test
    @DisplayName("the routing core imports only java.* and the core domain, and never reads a clock")
    void domainIsPure() throws IOException {
        assertTrue(Files.isDirectory(DOMAIN), "run from the acd module: " + DOMAIN.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(DOMAIN)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String src = Files.readString(p);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imported = m.group(2);
                    if (!imported.startsWith("java.") && !imported.startsWith("cc.acd.domain")
                            && !imported.startsWith("cc.core.domain")) {
                        violations.add(p + " imports " + imported);
                    }
                }
                for (String read : CLOCK_READS) {
                    if (src.contains(read)) {
                        violations.add(p + " calls " + read);
                    }
                }
            }
        }
        assertTrue(files > 10, "found only " + files + " domain sources");
        assertEquals(List.of(), violations);
    }
}
