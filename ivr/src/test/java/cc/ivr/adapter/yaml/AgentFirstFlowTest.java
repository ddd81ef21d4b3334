package cc.ivr.adapter.yaml;

import cc.ivr.domain.engine.AgiOutcome;
import cc.ivr.domain.engine.FlowInterpreter;
import cc.ivr.domain.engine.IvrAction;
import cc.ivr.domain.engine.IvrDecision;
import cc.ivr.domain.engine.IvrSession;
import cc.ivr.domain.flow.Flow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped click-to-talk confirmation for "ring the agent first" queues, run as Dial's U() subroutine: only a 1
 * clears GOSUB_RESULT (Dial then bridges the agent); another key or silence leaves ABORT. The {@code return} node
 * hands the customer back to the dialplan without hanging up.
 */
class AgentFirstFlowTest {
    static Flow flow;
    final FlowInterpreter interpreter = new FlowInterpreter();
    final Instant now = Instant.parse("2026-11-23T06:30:00Z");

    @BeforeAll
    static void load() throws Exception {
        flow = new YamlFlowLoader().load("click-to-talk-agent-first.yaml",
                Files.readString(Path.of("..", "config", "ivr", "click-to-talk-agent-first.yaml")));
    }

    private IvrDecision asked(String lang) {
        IvrDecision d = interpreter.next(IvrSession.start("1.2", "PJSIP/trunk-0001", flow, lang,
                Map.of("param.request", "r1"), now), new AgiOutcome.Started(now));
        assertEquals(List.of(new IvrAction.CollectDigits(List.of(lang + "/ivr/click-to-talk-press-1"),
                java.time.Duration.ofSeconds(8), 1, "")), d.actions());
        return d;
    }

    @Test
    @DisplayName("a 1 returns to the dialplan confirmed, with GOSUB_RESULT cleared and no hang-up")
    void oneConfirms() {
        IvrDecision d = interpreter.next(asked("fa").session(), new AgiOutcome.Digits("1", now));
        assertEquals(List.of(new IvrAction.SetChannelVariable("CC_CALLBACK_CONFIRM", "confirmed"),
                new IvrAction.SetChannelVariable("GOSUB_RESULT", "")), d.actions());
        assertEquals(Optional.of(FlowInterpreter.RETURNED), d.ended());
        assertEquals("confirmed", d.entered().get(d.entered().size() - 1).node(), "the path ends at confirmed");
    }

    @Test
    @DisplayName("a 2 or silence says goodbye and returns declined with GOSUB_RESULT=ABORT")
    void anythingElseDeclines() {
        for (String keys : List.of("2", "")) {
            IvrDecision d = interpreter.next(asked("en").session(), new AgiOutcome.Digits(keys, now));
            assertEquals(List.of(new IvrAction.Play(List.of("en/ivr/goodbye")),
                    new IvrAction.SetChannelVariable("CC_CALLBACK_CONFIRM", "declined"),
                    new IvrAction.SetChannelVariable("GOSUB_RESULT", "ABORT")), d.actions(), "keys '" + keys + "'");
            assertTrue(d.actions().stream().noneMatch(a -> a instanceof IvrAction.Hangup));
            assertEquals("declined", d.entered().get(d.entered().size() - 1).node(), "the path ends at declined");
        }
    }

    @Test
    @DisplayName("a return node may set only GOSUB_RESULT and CC_ variables")
    void onlyOurVariables() {
        FlowConfigException e = assertThrows(FlowConfigException.class, () -> new YamlFlowLoader().load("x.yaml",
                "languages: [en]\nstart: r\nnodes:\n  r:\n    type: return\n    variables: {CALLERID(num): '1'}\n"));
        assertTrue(e.getMessage().contains("variables"), e.getMessage());
    }
}
