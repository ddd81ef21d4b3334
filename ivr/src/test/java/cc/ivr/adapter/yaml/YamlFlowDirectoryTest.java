package cc.ivr.adapter.yaml;

import cc.ivr.app.FlowLibrary;
import cc.ivr.domain.engine.AgiOutcome;
import cc.ivr.domain.engine.FlowInterpreter;
import cc.ivr.domain.engine.IvrAction;
import cc.ivr.domain.engine.IvrDecision;
import cc.ivr.domain.engine.IvrSession;
import cc.ivr.domain.flow.Flow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlFlowDirectoryTest {
    static final String V1 = String.join("\n",
            "languages: [en]",
            "start: hello",
            "nodes:",
            "  hello: {type: play, prompt: {en: en/v1-hello}, next: more}",
            "  more: {type: play, prompt: {en: en/v1-more}, next: bye}",
            "  bye: {type: hangup}");

    @Test
    @DisplayName("A changed file is reloaded without a restart; sessions in progress finish on their version")
    void reload(@TempDir Path dir) throws Exception {
        FlowLibrary library = new FlowLibrary("main", "support");
        YamlFlowDirectory watcher = new YamlFlowDirectory(dir, library);
        Files.writeString(dir.resolve("main.yaml"), V1);
        assertEquals(List.of(), watcher.scan());
        Flow v1 = library.resolve("main");

        FlowInterpreter interpreter = new FlowInterpreter();
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        IvrDecision d = interpreter.next(IvrSession.start("1.1", "Local/x", v1, "en", Map.of(), now),
                new AgiOutcome.Started(now));

        Files.writeString(dir.resolve("main.yaml"), V1.replace("v1-", "v2-"));
        assertEquals(List.of(), watcher.scan());
        Flow v2 = library.resolve("main");
        assertFalse(v1.version().equals(v2.version()));

        IvrDecision next = interpreter.next(d.session(), new AgiOutcome.Completed(now));
        assertEquals(List.of(new IvrAction.Play(List.of("en/v1-more"))), next.actions(), "old session, old flow");
        IvrDecision fresh = interpreter.next(IvrSession.start("1.2", "Local/y", library.resolve("main"), "en",
                Map.of(), now), new AgiOutcome.Started(now));
        assertEquals(List.of(new IvrAction.Play(List.of("en/v2-hello"))), fresh.actions(), "new session, new flow");
    }

    @Test
    @DisplayName("A broken edit is refused and the previous version stays in service; a deleted file is dropped")
    void brokenEdit(@TempDir Path dir) throws Exception {
        FlowLibrary library = new FlowLibrary("main", "support");
        YamlFlowDirectory watcher = new YamlFlowDirectory(dir, library);
        Files.writeString(dir.resolve("main.yaml"), V1);
        Files.writeString(dir.resolve("sales.yaml"), V1);
        watcher.scan();
        String version = library.resolve("main").version();
        Files.writeString(dir.resolve("main.yaml"), V1.replace("next: bye", "next: by"));
        List<String> refused = watcher.scan();
        assertEquals(List.of("main.yaml: node 'more': branch to 'by', which does not exist"), refused);
        assertEquals(version, library.resolve("main").version());
        assertEquals(List.of(), watcher.scan(), "an unchanged broken file is not reported again");
        Files.createDirectories(dir.resolve("survey"));
        Files.writeString(dir.resolve("survey").resolve("run.agi.yaml"), V1);
        watcher.scan();
        assertEquals("survey/run.agi", library.resolve("survey/run.agi").name(), "subdirectories name flows by path");
        Files.delete(dir.resolve("sales.yaml"));
        watcher.scan();
        assertTrue(library.find("sales").isEmpty());
        assertEquals("main", library.resolve("sales").name(), "a missing flow falls back to the default flow");
    }

    @Test
    @DisplayName("Every flow shipped in config/ivr loads without a problem")
    void shippedFlows() throws Exception {
        Path config = Path.of("..", "config", "ivr");
        FlowLibrary library = new FlowLibrary("main", "support");
        assertEquals(List.of(), new YamlFlowDirectory(config, library).scan());
        try (Stream<Path> files = Files.list(config)) {
            long yaml = files.filter(p -> p.toString().endsWith(".yaml")).count();
            assertEquals(yaml, library.all().size());
            assertTrue(yaml >= 1);
        }
        assertTrue(library.find("main").isPresent());
    }
}
