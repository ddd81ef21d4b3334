package cc.ivr.adapter.yaml;

import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.TextMutator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shipped IVR flows (config/ivr/*.yaml), mutated: every input is either a flow or a {@link FlowConfigException}
 * whose problems each name the file and read as sentences, never a Java class name or a bare "null".
 */
class FlowYamlFuzzTest {

    static List<String> shippedFlows() throws IOException {
        List<String> flows = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../config/ivr"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                flows.add(Files.readString(p));
            }
        }
        flows.add(YamlFlowLoaderTest.GOOD);
        return flows;
    }

    @Test
    @DisplayName("mutated flow files load or are refused naming the file, never another exception")
    void mutatedFlows() throws Exception {
        TextMutator mutator = new TextMutator(shippedFlows());
        YamlFlowLoader loader = new YamlFlowLoader();
        Fuzz.run("ivr-flow-yaml", (input, note) -> {
            String text = mutator.next(input.random());
            note.input(text);
            try {
                loader.load("fuzzed.yaml", text);
                return Fuzz.Verdict.ACCEPTED;
            } catch (FlowConfigException e) {
                for (String p : e.problems()) {
                    if (!p.startsWith("fuzzed.yaml: ") || p.contains("java.") || p.endsWith(": null")) {
                        throw new AssertionError("unclear problem: " + p);
                    }
                }
                return Fuzz.Verdict.REJECTED;
            }
        });
    }
}
