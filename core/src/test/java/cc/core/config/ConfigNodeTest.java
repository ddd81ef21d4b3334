package cc.core.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigNodeTest {
    private static ConfigNode parse(String yaml) {
        return ConfigNode.parse("config/server.yaml", yaml, Map.of("AMI_SECRET", "s3cret")::get);
    }

    @Test
    @DisplayName("a wrong value names the file, the full key path and what was expected")
    void wrongValueNamesFileAndKey() {
        ConfigNode root = parse("asterisk:\n  servers:\n    - name: pbx1\n      port: abc\n");
        ConfigNode server = root.child("asterisk").children("servers").get(0);
        ConfigException e = assertThrows(ConfigException.class, () -> server.integer("port", 5038, 1, 65535));
        assertEquals("config/server.yaml: asterisk.servers[0].port: must be a whole number from 1 to 65535, "
                + "was \"abc\"", e.getMessage());
    }

    @Test
    @DisplayName("an unknown key is refused with a suggestion instead of silently using a default")
    void unknownKeyRefused() {
        ConfigNode root = parse("http:\n  prot: 8080\n");
        root.child("http").integer("port", 8080, 1, 65535);
        ConfigException e = assertThrows(ConfigException.class, root::finish);
        assertEquals("config/server.yaml: http.prot: is not a known key (did you mean \"port\"?)", e.getMessage());
    }

    @Test
    @DisplayName("a key that is not text (a lone '?' makes a null key, '1:' a number) is refused by name (found by fuzzing)")
    void keyThatIsNotText() {
        ConfigException nullKey = assertThrows(ConfigException.class, parse("?")::finish);
        assertEquals("config/server.yaml: null: is not a known key", nullKey.getMessage());
        ConfigException number = assertThrows(ConfigException.class, parse("1: x")::finish);
        assertEquals("config/server.yaml: 1: is not a known key", number.getMessage());
    }

    @Test
    @DisplayName("secrets come from the environment, and a missing variable is named")
    void environmentReferences() {
        ConfigNode root = parse("secret: ${AMI_SECRET}\nother: ${NOT_SET:-fallback}\nbad: ${NOT_SET}\n");
        assertEquals("s3cret", root.requiredString("secret"));
        assertEquals("fallback", root.requiredString("other"));
        ConfigException e = assertThrows(ConfigException.class, () -> root.requiredString("bad"));
        assertTrue(e.getMessage().contains("bad: refers to environment variable NOT_SET, which is not set"));
    }

    @Test
    @DisplayName("durations, booleans, choices and lists read as written")
    void typedValues() {
        ConfigNode root = parse("a: 500ms\nb: 2m\nc: yes\nd: Redis\ne: [x, y]\n");
        assertEquals(Duration.ofMillis(500), root.duration("a", Duration.ZERO));
        assertEquals(Duration.ofMinutes(2), root.duration("b", Duration.ZERO));
        assertTrue(root.bool("c", false));
        assertEquals("redis", root.oneOf("d", "memory", List.of("memory", "redis")));
        assertEquals(List.of("x", "y"), root.strings("e", List.of()));
        assertEquals(Duration.ofSeconds(3), root.duration("missing", Duration.ofSeconds(3)));
        root.finish();
    }

    @Test
    @DisplayName("broken YAML is reported with the file name")
    void brokenYaml() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("a: [unclosed\n"));
        assertTrue(e.getMessage().startsWith("config/server.yaml: not valid YAML"), e.getMessage());
    }

    @Test
    @DisplayName("Secrets come from ${env:NAME} or ${file:path}; an error names the variable or file, never a value")
    void secretsFromEnvironmentAndFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path secret = dir.resolve("ami");
        java.nio.file.Files.writeString(secret, "s3cr3t-from-file\n");
        ConfigNode n = ConfigNode.parse("server.yaml", String.join("\n",
                "a: ${env:CC_AMI_SECRET}",
                "b: '${file:" + secret + "}'",
                "c: ${env:MISSING:-fallback}",
                "d: '${file:" + dir.resolve("absent") + "}'",
                "e: ${env:MISSING}", ""), Map.of("CC_AMI_SECRET", "s3cr3t-from-env")::get);
        assertEquals("s3cr3t-from-env", n.string("a", ""));
        assertEquals("s3cr3t-from-file", n.string("b", ""));
        assertEquals("fallback", n.string("c", ""));
        ConfigException noFile = assertThrows(ConfigException.class, () -> n.string("d", ""));
        assertTrue(noFile.getMessage().startsWith("server.yaml: d: refers to file ") && noFile.getMessage()
                .contains("absent"), noFile.getMessage());
        ConfigException noVar = assertThrows(ConfigException.class, () -> n.string("e", ""));
        assertEquals("server.yaml: e: refers to environment variable MISSING, which is not set", noVar.getMessage());
    }

    @Test
    @DisplayName("a key given twice is refused naming the file and the key, not silently replaced (found by fuzzing)")
    void duplicateKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("http:\n  port: 8080\n  port: 9090\n"));
        assertTrue(e.getMessage().startsWith("config/server.yaml: not valid YAML"), e.getMessage());
        assertTrue(e.getMessage().contains("duplicate key port"), e.getMessage());
    }

    @Test
    @DisplayName("a duration with more digits than a number holds is refused naming the file and key (found by fuzzing)")
    void hugeDuration() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("t: 9223372036854775808s\n").duration("t", Duration.ZERO));
        assertTrue(e.getMessage().startsWith("config/server.yaml: t: is too long a duration"), e.getMessage());
        ConfigException days = assertThrows(ConfigException.class,
                () -> parse("t: 9223372036854775807d\n").duration("t", Duration.ZERO));
        assertTrue(days.getMessage().startsWith("config/server.yaml: t: is too long a duration"), days.getMessage());
    }
}
