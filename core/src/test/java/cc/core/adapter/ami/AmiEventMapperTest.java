package cc.core.adapter.ami;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AmiEventMapperTest {
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    private final UnmappedEvents unmapped = new UnmappedEvents(new SimpleMeterRegistry());
    private final AmiEventMapper mapper = new AmiEventMapper(VariableFilter.defaults(), unmapped);

    @Test
    @DisplayName("only Ringing and Up states are handed on; a missing Linkedid falls back to the Uniqueid")
    void newState() {
        NewStateEvent ringing = new NewStateEvent(this);
        ringing.setChannel("PJSIP/1001-00000001");
        ringing.setUniqueId("1.0");
        ringing.setChannelState(5);
        NewStateEvent ring = new NewStateEvent(this);
        ring.setUniqueId("1.0");
        ring.setChannelState(4);

        assertEquals(new AmiSignal.StateChanged("1.0", "1.0", "PJSIP/1001-00000001", false, AT), mapper.map(ringing, AT));
        assertNull(mapper.map(ring, AT));
        assertEquals(Map.of(), unmapped.snapshot());
    }

    @Test
    @DisplayName("digits sent by the channel and variables outside the filter are dropped without counting as unmapped")
    void filtered() {
        DtmfEndEvent sent = new DtmfEndEvent(this);
        sent.setUniqueId("1.0");
        sent.setDigit("5");
        sent.setDirection("Sent");
        VarSetEvent queueName = new VarSetEvent(this);
        queueName.setUniqueId("1.0");
        queueName.setVariable("QUEUENAME");
        queueName.setValue("support");
        VarSetEvent amd = new VarSetEvent(this);
        amd.setUniqueId("1.0");
        amd.setLinkedId("0.9");
        amd.setChannel("Local/x@customers-00000001;2");
        amd.setVariable("AMDSTATUS");
        amd.setValue("MACHINE");

        assertNull(mapper.map(sent, AT));
        assertNull(mapper.map(queueName, AT));
        assertEquals(new AmiSignal.VariableChanged("1.0", "0.9", "Local/x@customers-00000001;2", "AMDSTATUS", "MACHINE",
                AT), mapper.map(amd, AT));
        assertEquals(Map.of(), unmapped.snapshot());
    }

    @Test
    @DisplayName("a hangup without cause maps to cause 0; <unknown> texts become empty")
    void hangupWithoutCause() {
        HangupEvent e = new HangupEvent(this);
        e.setUniqueId("1.0");
        e.setChannel("<unknown>");

        assertEquals(new AmiSignal.HungUp("1.0", "1.0", "", 0, "", AT), mapper.map(e, AT));
    }

    @Test
    @DisplayName("events asterisk-java makes up for old Asterisk versions are not counted; real unmapped ones are")
    void legacyAndUnmapped() {
        assertNull(mapper.map(new DialEvent(this), AT));
        assertNull(mapper.map(new BridgeEvent(this), AT));
        NewExtenEvent exten = new NewExtenEvent(this);
        exten.setUniqueId("1.0");
        assertNull(mapper.map(exten, AT));

        assertEquals(Map.of("NewExten", 1L), unmapped.snapshot());
    }
}
