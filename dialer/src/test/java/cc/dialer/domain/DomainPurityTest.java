package cc.dialer.domain;

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

/** Keeps the dialer's domain pure: java.* and domain imports only, and no clock reads. */
class DomainPurityTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    @DisplayName("dialer domain code imports only java.* and domain packages and never reads the clock")
    void domainIsPure() throws IOException {
        Path root = Path.of("src/main/java/cc/dialer/domain");
        assertTrue(Files.isDirectory(root), "run from the dialer module: " + root.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imp = m.group(2);
                    if (!imp.startsWith("java.") && !imp.startsWith("cc.dialer.domain.")
                            && !imp.startsWith("cc.core.domain.")) {
                        violations.add(f + ": import " + imp);
                    }
                }
                for (String banned : List.of("Instant.now(", "System.currentTimeMillis", "System.nanoTime",
                        "LocalDateTime.now(", "ZonedDateTime.now(", "LocalDate.now(", "Clock.system")) {
                    if (src.contains(banned)) {
                        violations.add(f + ": " + banned);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
