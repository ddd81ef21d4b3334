package cc.ivr.prompts;

import cc.ivr.adapter.yaml.YamlFlowLoader;
import cc.ivr.app.FlowLibrary;
import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.FlowPrompts;
import cc.ivr.domain.speech.Vocabulary;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prompt a shipped flow or a queue announcement may play has a text in {@code config/ivr/prompts.tsv}, so the
 * prompt script makes a sound for it: without one a caller hears silence where the flow speaks.
 */
class ShippedPromptsTest {

    @Test
    void everyPromptOfTheShippedFlowsAndAnnouncementsHasAText() throws Exception {
        Map<String, String> texts = PromptTexts.read();
        Map<String, Set<String>> missing = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "config", "ivr"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no shipped flows found");
        for (Path p : files) {
            String name = p.getFileName().toString();
            Flow flow = new YamlFlowLoader().load(name, Files.readString(p, StandardCharsets.UTF_8));
            for (FlowPrompts.UsedPrompt used : FlowPrompts.of(flow)) {
                if (!texts.containsKey(used.file())) {
                    missing.computeIfAbsent(used.file(), k -> new TreeSet<>()).add(name + " node " + used.node());
                }
            }
        }
        Flow builtIn = new FlowLibrary("none", "support").resolve("none");
        for (FlowPrompts.UsedPrompt used : FlowPrompts.of(builtIn)) {
            if (!texts.containsKey(used.file())) {
                missing.computeIfAbsent(used.file(), k -> new TreeSet<>()).add("the built-in default flow");
            }
        }
        for (String language : List.of("fa", "en")) {
            for (String file : Vocabulary.queueAnnouncements(language)) {
                if (!texts.containsKey(file)) {
                    missing.computeIfAbsent(file, k -> new TreeSet<>()).add("queue announcements");
                }
            }
        }
        assertEquals(Map.of(), missing, "prompts used but not in " + PromptTexts.FILE);
    }

    @Test
    void everyTextIsInItsFilesLanguageFolder() throws Exception {
        for (String file : PromptTexts.read().keySet()) {
            assertTrue(file.matches("(fa|en)/[a-z]+/[a-z0-9-]+"), file + ": must be fa/... or en/..., lower case");
        }
    }
}
