package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.TextMutator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames of every recorded AMI trace, mutated, written over a real TCP socket to the AMI adapter (asterisk-java's
 * reader underneath, behind our guard). After each mutated input comes a frame terminator and a well-formed
 * Newchannel (a sentinel): every sentinel written while the link was up must arrive as a call, the link must stay up
 * or come back, and the adapter must keep reading.
 */
class AmiFuzzIT {
    private static final int CHUNK = 50;

    @Test
    @DisplayName("mutated trace frames are skipped, the link stays up or reconnects, the well-formed events after them arrive")
    void mutatedFrames() throws Exception {
        TextMutator mutator = new TextMutator(traceFrames());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (TraceAmiPeer peer = new TraceAmiPeer("cc", "cc-secret");
             AmiHarness h = new AmiHarness(List.of(AmiHarness.server("pbx", peer, "cc-secret")), AmiOptions.defaults())) {
            h.telephony.onCallEvent(e -> {
                if (e instanceof CallEvent.CallStarted && e.leg().uniqueId().startsWith("fz.")) {
                    seen.add(e.leg().uniqueId());
                }
            });
            AmiHarness.await(h.telephony.start());
            h.untilLink("resynced", e -> e instanceof LinkEvent.LinkResynced);
            List<String> sentinels = new ArrayList<>();
            int[] lostToReconnect = {0};

            Fuzz.Summary s = Fuzz.run("ami-frames", Fuzz.inputs(), (input, note) -> {
                byte[] garbage = mutator.nextBytes(input.random());
                note.input(new String(garbage, StandardCharsets.UTF_8));
                String id = "fz." + input.index();
                peer.injectBytes(garbage);
                peer.inject(List.of("", "")); // ends whatever frame the garbage left open
                peer.inject(newchannel(id));
                sentinels.add(id);
                if (sentinels.size() == CHUNK) {
                    lostToReconnect[0] += settle(h, seen, sentinels, input.seed());
                    sentinels.clear();
                    h.calls.clear();
                }
                return Fuzz.Verdict.ACCEPTED;
            });
            lostToReconnect[0] += settle(h, seen, sentinels, 0);
            long downs = h.links.stream().filter(e -> e instanceof LinkEvent.LinkDown).count();
            System.out.println("fuzz ami-frames: sentinels arrived=" + seen.size() + " of " + s.inputs()
                    + " lost while the link was re-established=" + lostToReconnect[0] + " link drops=" + downs
                    + " unmapped events=" + h.telephony.unmappedEvents().values().stream().mapToLong(Long::longValue).sum()
                    + " link up=" + h.telephony.isUp("pbx"));
            assertTrue(h.telephony.isUp("pbx"), "the link is up after the fuzzing");
            assertEquals(s.inputs(), seen.size() + lostToReconnect[0]);
        }
    }

    /**
     * Waits for the chunk's sentinels. When the link dropped meanwhile (garbage Asterisk itself would send only when
     * shutting down, such as a Shutdown event), waits for it to come back and counts the chunk's missing sentinels
     * as lost to the reconnect; otherwise every sentinel must arrive.
     */
    private static int settle(AmiHarness h, Set<String> seen, List<String> chunk, long seed) throws Exception {
        long downsBefore = h.links.stream().filter(e -> e instanceof LinkEvent.LinkDown).count();
        long deadline = System.currentTimeMillis() + AmiHarness.WAIT.toMillis();
        while (!seen.containsAll(chunk) && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        if (seen.containsAll(chunk)) {
            return 0;
        }
        long downs = h.links.stream().filter(e -> e instanceof LinkEvent.LinkDown).count();
        AmiHarness.until("the link back up", () -> h.telephony.isUp("pbx"));
        List<String> missing = chunk.stream().filter(id -> !seen.contains(id)).toList();
        if (downs == 0 && downsBefore == 0 && h.links.stream().noneMatch(e -> e instanceof LinkEvent.LinkDown)) {
            throw new AssertionError("link stayed up but " + missing.size() + " sentinels never arrived (the "
                    + CHUNK + " inputs up to seed " + seed + "): " + missing);
        }
        return missing.size();
    }

    private static List<String> newchannel(String id) {
        return List.of("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/1001-" + id, "ChannelState: 4",
                "ChannelStateDesc: Ring", "CallerIDNum: 1001", "CallerIDName: Desk One", "Context: from-phones",
                "Exten: 100", "Priority: 1", "Uniqueid: " + id, "Linkedid: " + id, "");
    }

    /** Every frame Asterisk sent in the recorded traces, each as on the wire (CRLF lines, a blank line after). */
    static List<String> traceFrames() throws IOException {
        List<String> frames = new ArrayList<>();
        for (String name : traceNames()) {
            for (AmiTrace.Exchange e : AmiTrace.load(name).exchanges()) {
                StringBuilder f = new StringBuilder();
                for (String line : e.received()) {
                    f.append(line).append("\r\n");
                    if (line.isEmpty()) {
                        frames.add(f.toString());
                        f.setLength(0);
                    }
                }
            }
        }
        assertTrue(frames.size() > 200, "frames from the traces: " + frames.size());
        return frames;
    }

    private static List<String> traceNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = AmiFuzzIT.class.getResourceAsStream("/traces/")) {
            for (String n : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (n.startsWith("ami-") && n.endsWith(".txt")) {
                    names.add(n);
                }
            }
        }
        return names;
    }
}
