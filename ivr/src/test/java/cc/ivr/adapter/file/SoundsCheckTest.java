package cc.ivr.adapter.file;

import cc.ivr.adapter.yaml.YamlFlowLoader;
import cc.ivr.domain.flow.Flow;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load-time warning about prompts missing from Asterisk's sounds directory: once per file, naming flow and node. */
class SoundsCheckTest {

    @Test
    void warnsOncePerMissingPromptNamingFlowAndNode(@TempDir Path sounds) throws Exception {
        Files.createDirectories(sounds.resolve("en/ivr"));
        Files.writeString(sounds.resolve("en/ivr/welcome.sln16"), "x");
        Flow flow = new YamlFlowLoader().load("shop.yaml", String.join("\n",
                "languages: [en]",
                "start: hello",
                "nodes:",
                "  hello: {type: play, prompt: {en: en/ivr/welcome}, next: bye}",
                "  bye: {type: hangup, prompt: {en: en/ivr/goodbye}}", ""));
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(SoundsCheck.class);
        logger.addAppender(logged);
        try {
            SoundsCheck check = new SoundsCheck(sounds);
            assertEquals(Map.of("en/ivr/goodbye", Set.of("bye")), check.check(flow));
            check.check(flow); // a reload of the same flow
            List<String> warnings = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("IVR flow 'shop'") && warnings.get(0).contains("node bye")
                    && warnings.get(0).contains("en/ivr/goodbye"), warnings.get(0));
        } finally {
            logger.detachAppender(logged);
        }
    }
}
