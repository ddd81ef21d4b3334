package cc.core.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the pure cores pure: a module's {@code domain} packages may import only {@code java.*} and the domain
 * packages of cc, and may not read the wall clock. Every module runs it from a test of its own.
 */
public final class DomainPurity {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern WALL_CLOCK =
            Pattern.compile("Instant\\.now\\(|System\\.currentTimeMillis\\(|LocalDate(Time)?\\.now\\(|Clock\\.system");

    private DomainPurity() {}

    /** Fails listing every offending import in {@code src/main/java} of the module run from the current directory. */
    public static void assertDomainPackagesArePure() throws IOException {
        Path src = Path.of("src/main/java");
        assertTrue(Files.isDirectory(src), "run from a module directory with src/main/java");
        List<String> offences = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (!src.relativize(f).toString().replace('\\', '/').contains("/domain/")) {
                    continue;
                }
                checked++;
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imported = m.group(2);
                    boolean allowed = imported.startsWith("java.")
                            || (imported.startsWith("cc.") && imported.contains(".domain."));
                    if (!allowed) {
                        offences.add(f + " imports " + imported);
                    }
                }
                Matcher clock = WALL_CLOCK.matcher(text);
                if (clock.find()) {
                    offences.add(f + " reads the wall clock (" + clock.group() + "); take now as a value");
                }
            }
        }
        if (!offences.isEmpty()) {
            fail("domain packages must be pure:\n  " + String.join("\n  ", offences));
        }
        assertTrue(checked > 0, "no domain sources found under " + src.toAbsolutePath());
    }
}
