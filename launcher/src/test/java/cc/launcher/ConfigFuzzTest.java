package cc.launcher;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.TextMutator;
import cc.integration.IntegrationSection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The shipped configuration (config/server.yaml, config/integration.yaml), mutated: each input is read whole or
 * refused with a {@link ConfigException} that names the file (and the key, when the YAML itself parsed).
 */
class ConfigFuzzTest {
    private static final Map<String, String> ENV = Map.of();

    @Test
    @DisplayName("mutated server.yaml is read or refused naming file and key, never another exception")
    void mutatedServerConfig() throws Exception {
        TextMutator mutator = new TextMutator(sections(Files.readString(Path.of("../config/server.yaml"))));
        Fuzz.run("server-config-yaml", Fuzz.inputs(), (input, note) -> {
            String text = mutator.next(input.random());
            note.input(text);
            try {
                ServerConfig.read(ConfigNode.parse("fuzzed.yaml", text, ENV::get));
                return Fuzz.Verdict.ACCEPTED;
            } catch (ConfigException e) {
                return clear(e);
            }
        });
    }

    @Test
    @DisplayName("mutated integration.yaml is read or refused naming file and key, never another exception")
    void mutatedIntegrationConfig() throws Exception {
        TextMutator mutator = new TextMutator(List.of(Files.readString(Path.of("../config/integration.yaml"))));
        Fuzz.run("integration-config-yaml", (input, note) -> {
            String text = mutator.next(input.random());
            note.input(text);
            try {
                IntegrationSection.read(ConfigNode.parse("fuzzed.yaml", text, ENV::get), ENV::get);
                return Fuzz.Verdict.ACCEPTED;
            } catch (ConfigException e) {
                return clear(e);
            }
        });
    }

    /**
     * The file whole and each top-level section alone (every key has a default, so a section alone is a whole
     * configuration): the file is 30 KB, and mutating one section at a time reaches every section's reader as often
     * for a tenth of the parsing.
     */
    static List<String> sections(String file) {
        List<String> out = new java.util.ArrayList<>(List.of(file));
        StringBuilder section = new StringBuilder();
        for (String line : file.split("\n", -1)) {
            boolean top = !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#");
            if (top && section.toString().strip().length() > 0 && !section.toString().strip().startsWith("#")) {
                out.add(section.toString());
                section.setLength(0);
            } else if (top) {
                section.setLength(0);
            }
            section.append(line).append('\n');
        }
        out.add(section.toString());
        return out;
    }

    private static Fuzz.Verdict clear(ConfigException e) {
        String m = String.valueOf(e.getMessage());
        if (!m.startsWith("fuzzed.yaml: ") || m.contains("java.") || m.endsWith(": null")) {
            throw new AssertionError("unclear configuration error: " + m);
        }
        return Fuzz.Verdict.REJECTED;
    }
}
