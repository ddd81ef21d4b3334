package cc.warehouse.domain;

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

class WarehouseDomainPurityTest {
    private static final Path DOMAIN = Path.of("src/main/java/cc/warehouse/domain");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> CLOCK_READS = List.of("Instant.now(", "System.currentTimeMillis(",
            "System.nanoTime(", "LocalDate.now(", "LocalDateTime.now(", "Clock.system");

    @Test
    @DisplayName("the warehouse's core imports only java.*, and never reads a clock (the export's 'now' is passed in)")
    void domainIsPure() throws IOException {
        assertTrue(Files.isDirectory(DOMAIN), "run from the launcher module: " + DOMAIN.toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(DOMAIN)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String src = Files.readString(p);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    if (!m.group(2).startsWith("java.") && !m.group(2).startsWith("cc.warehouse.domain")) {
                        violations.add(p + " imports " + m.group(2));
                    }
                }
                for (String read : CLOCK_READS) {
                    if (src.contains(read)) {
                        violations.add(p + " calls " + read);
                    }
                }
            }
        }
        assertTrue(files > 5, "found only " + files + " domain sources");
        assertEquals(List.of(), violations);
    }
}
