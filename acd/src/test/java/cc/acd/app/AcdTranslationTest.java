package cc.acd.app;

import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.SkillRequirement;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.core.app.telephony.OriginateRequest;
import cc.core.contract.CallOverflowed;
import cc.core.contract.EnqueueCall;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcdTranslationTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final AcdSettings SETTINGS = new AcdSettings("pbx1", Duration.ofSeconds(18),
            "\"Contact Center\" <02100000>", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(15),
            "PJSIP/{number}@trunk", "cc-voicemail", "cc-callback-confirm", "cc-announce", "cc-agent-wait", "cc-conference", List.of(QueueConfig.of("support")),
            List.of(), java.util.Map.of());

    @Test
    @DisplayName("a caller handed over by the IVR keeps its id, queue, priority, skill needs and callback number")
    void enqueueToArrival() {
        EnqueueCall e = new EnqueueCall("1763890000.42", "PJSIP/trunk-0000002a", "support", 3, "fa",
                Map.of("skills", "billing:6, fa", "callerNumber", "09121234567"), AT);
        AcdEvent.CallArrived a = AcdTranslation.callArrived(e, AT.plusMillis(5));
        assertEquals(new AcdEvent.CallArrived("1763890000.42", "support",
                List.of(new SkillRequirement("billing", 6), new SkillRequirement("fa", 1)), 3, "09121234567",
                AT.plusMillis(5)), a);
    }

    @Test
    @DisplayName("a malformed skill entry is refused with the entry named")
    void badSkills() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AcdTranslation.parseSkills("billing:6, sales:eleven"));
        assertTrue(e.getMessage().contains("sales:eleven"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AcdTranslation.parseSkills("billing:11"));
        assertThrows(IllegalArgumentException.class, () -> AcdTranslation.parseSkills(":3"));
        assertEquals(List.of(), AcdTranslation.parseSkills(" "));
    }

    @Test
    @DisplayName("ringing an agent originates the agent's phone into the agent-wait context, to be bridged on answer")
    void offerOriginate() {
        OriginateRequest r = AcdTranslation.offer(SETTINGS, "PJSIP/1001",
                new AcdCommand.OfferCall("1763890000.42", "agent7", "support"));
        assertEquals("pbx1", r.server());
        assertEquals("PJSIP/1001", r.dialString());
        assertEquals(new OriginateRequest.DialplanTarget("cc-agent-wait", "s", 1), r.target());
        assertEquals(Duration.ofSeconds(18), r.ringTimeout());
        assertEquals("1763890000.42", r.variables().get(AcdTranslation.OFFER_VARIABLE));
        assertEquals("\"Contact Center\" <02100000>", r.callerId());
    }

    @Test
    @DisplayName("a callback rings the agent first, then dials the customer through the trunk")
    void callbackOriginate() {
        OriginateRequest r = AcdTranslation.callback(SETTINGS, "PJSIP/1001",
                new AcdCommand.PlaceCallback("cb1", "agent7", "support", "02188776655"));
        assertEquals(new OriginateRequest.ApplicationTarget("Dial", "PJSIP/02188776655@trunk"), r.target());
    }

    @Test
    @DisplayName("agent statuses travel by their hyphenated names; unknown names are refused")
    void statusNames() {
        assertEquals(AgentStatus.LOGGED_OUT, AcdTranslation.requestedStatus("logged-out"));
        assertEquals(AgentStatus.AVAILABLE, AcdTranslation.requestedStatus(" Available "));
        assertThrows(IllegalArgumentException.class, () -> AcdTranslation.requestedStatus("lunch"));
        assertEquals("wrap-up", AgentStatus.WRAP_UP.wireName());
    }

    @Test
    @DisplayName("an overflow is published with its target kind, place and reason in wire form")
    void overflowMessage() {
        CallOverflowed m = AcdTranslation.overflowed(new AcdCommand.Overflow("c1", "support",
                new OverflowTarget.ToVoicemail("support-vm"), AcdCommand.OverflowReason.WAIT_LIMIT), "PJSIP/x-1", AT);
        assertEquals(new CallOverflowed("c1", "PJSIP/x-1", "support", "voicemail", "support-vm", "wait-limit", AT), m);
    }

    @Test
    @DisplayName("a callback dial string without the number placeholder is refused")
    void settingsCheckPlaceholder() {
        assertThrows(IllegalArgumentException.class, () -> new AcdSettings("pbx1", Duration.ofSeconds(18), "",
                Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(15), "PJSIP/trunk", "vm", "cb",
                "", "cc-agent-wait", "cc-conference", List.of(), List.of(), java.util.Map.of()));
    }

    @Test
    @DisplayName("the announcement query carries place, wait (-1 for none) and only a plain language tag")
    void announcementQuery() {
        assertEquals("position=3&wait=240&lang=fa", AcdTranslation.announcement(3, 240, "fa"));
        assertEquals("position=1&wait=-1&lang=en", AcdTranslation.announcement(1, -1, "en"));
        assertEquals("position=2&wait=30", AcdTranslation.announcement(2, 30, ""));
        assertEquals("position=2&wait=30", AcdTranslation.announcement(2, 30, "fa&wait=0"));
    }
}
