package cc.core;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's check for dependencies with known critical vulnerabilities (the {@code maven-enforcer-plugin} execution
 * {@code no-known-critical-vulnerabilities} of the root {@code pom.xml}) can fail: the same plugin block, copied into a
 * throw-away project that depends on commons-text inside the Text4Shell range, fails {@code mvn -o validate} naming
 * the artifact; at a version past the fix it passes. Offline, like the real build: the dependency comes from a
 * {@code file:} repository in the test's own directory, at versions ({@code -cc-fixture}) no real repository has, so
 * nothing is downloaded and nothing real is shadowed.
 */
class KnownVulnerabilitiesIT {
    private static final String FIXTURE_VERSION_BANNED = "1.9-cc-fixture";
    private static final String FIXTURE_VERSION_FIXED = "1.13-cc-fixture";

    @Test
    @DisplayName("a dependency at a version with a known critical vulnerability fails the offline build; past the fix it passes")
    void bannedVersionFailsTheBuild() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String rootPom = Files.readString(root.resolve("pom.xml"));
        Matcher plugin = Pattern.compile("(<plugin>\\s*<!-- Security review.*?</plugin>)", Pattern.DOTALL)
                .matcher(rootPom);
        assertTrue(plugin.find(), "the root pom has the security review's enforcer execution");
        Path dir = Files.createTempDirectory(Path.of("target"), "vulnerable-");
        Path repo = dir.resolve("repo");
        for (String v : List.of(FIXTURE_VERSION_BANNED, FIXTURE_VERSION_FIXED)) {
            Path pom = repo.resolve("org/apache/commons/commons-text/" + v + "/commons-text-" + v + ".pom");
            Files.createDirectories(pom.getParent());
            Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                    + "<groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId><version>" + v
                    + "</version><packaging>pom</packaging></project>");
        }

        Result banned = validate(dir, repo, plugin.group(1), FIXTURE_VERSION_BANNED);
        assertNotEquals(0, banned.exit, banned.output);
        assertTrue(banned.output.contains("commons-text:pom:" + FIXTURE_VERSION_BANNED)
                && banned.output.contains("banned"), banned.output);
        Result fixed = validate(dir, repo, plugin.group(1), FIXTURE_VERSION_FIXED);
        assertEquals(0, fixed.exit, fixed.output);
    }

    private record Result(int exit, String output) {}

    private static Result validate(Path dir, Path repo, String plugin, String version)
            throws IOException, InterruptedException {
        Path project = dir.resolve(version);
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>cc.test</groupId><artifactId>vulnerable</artifactId>"
                + "<version>1</version><repositories><repository><id>fixture</id><url>" + repo.toUri()
                + "</url></repository></repositories><dependencies><dependency><groupId>org.apache.commons</groupId>"
                + "<artifactId>commons-text</artifactId><version>" + version + "</version><type>pom</type>"
                + "</dependency></dependencies><build><plugins>" + plugin + "</plugins></build></project>");
        Process p = new ProcessBuilder("mvn", "-B", "-ntp", "-o", "validate").directory(project.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mvn validate finished");
        return new Result(p.exitValue(), out);
    }
}
