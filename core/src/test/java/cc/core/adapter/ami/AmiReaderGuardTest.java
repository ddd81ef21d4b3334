package cc.core.adapter.ami;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.internal.AmiDecoderProbe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames that stopped asterisk-java's reader (found by fuzzing mutated traces), kept as plain tests. */
class AmiReaderGuardTest {

    private static byte[] wire(String... frames) {
        return ("Asterisk Call Manager/11.0.0\r\n" + String.join("", frames)).getBytes(StandardCharsets.UTF_8);
    }

    private static String frame(List<String> lines) {
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l).append("\r\n"));
        return s.toString();
    }

    @Test
    @DisplayName("a BridgeEnter without BridgeUniqueid is skipped and the frames after it are still read")
    void bridgeEnterWithoutBridgeId() throws Exception {
        byte[] in = wire("Event: BridgeEnter\r\nChannel: PJSIP/1001-00000001\r\nUniqueid: 1.0\r\n\r\n",
                "Event: BridgeLeave\r\nUniqueid: 1.0\r\n\r\n", "Event: BridgeDestroy\r\n\r\n",
                frame(newchannel("2.0")));

        AmiDecoderProbe.Decoded guarded = AmiDecoderProbe.decode(in, AmiReaderGuardTest::guard, GuardedManagerConnection.SingleHeaders::new);

        List<String> after = guarded.events().stream().filter(e -> e instanceof NewChannelEvent)
                .map(e -> ((NewChannelEvent) e).getUniqueId()).toList();
        assertEquals(List.of("2.0"), after, "the Newchannel after the bad bridge frames");
    }

    @Test
    @DisplayName("a response with a header twice is skipped and the frames after it are still read")
    void responseWithHeaderTwice() throws Exception {
        byte[] in = wire("Response: Success\r\nResponse: Success\r\nActionID: ping-1\r\nPing: Pong\r\n\r\n",
                frame(newchannel("3.0")));

        AmiDecoderProbe.Decoded guarded = AmiDecoderProbe.decode(in, AmiReaderGuardTest::guard, GuardedManagerConnection.SingleHeaders::new);

        assertTrue(guarded.events().stream().anyMatch(e -> e instanceof NewChannelEvent), guarded.events().toString());
    }

    @Test
    @DisplayName("without the guard the library's reader stops at such a frame (why the guard exists)")
    void unguardedReaderStops() throws Exception {
        byte[] in = wire("Event: BridgeEnter\r\nUniqueid: 1.0\r\n\r\n", frame(newchannel("2.0")));

        List<ManagerEvent> events = AmiDecoderProbe.decode(in).events();

        assertTrue(events.stream().noneMatch(e -> e instanceof NewChannelEvent), events.toString());
    }

    @Test
    @DisplayName("the guard reaches the reader of a real connection before it logs in")
    void installsOnARealConnection() {
        assertTrue(new GuardedManagerConnection("127.0.0.1", 1, "cc", "x").guarded());
    }

    private static List<String> newchannel(String uniqueId) {
        return List.of("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/1001-" + uniqueId,
                "ChannelState: 4", "ChannelStateDesc: Ring", "CallerIDNum: 1001", "CallerIDName: Desk One",
                "Context: from-phones", "Exten: 100", "Priority: 1", "Uniqueid: " + uniqueId,
                "Linkedid: " + uniqueId, "");
    }

    private static void guard(Object reader) {
        try {
            AmiReaderGuard.guardReader(reader);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
