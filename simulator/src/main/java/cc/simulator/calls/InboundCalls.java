package cc.simulator.calls;

import cc.simulator.CallOutcome;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.Timings;
import cc.simulator.channel.CallerId;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Pbx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Callers dialling in, placed the way the recording lab places them (ami-05, ami-20): an originated Local pair
 * {@code Local/<did>@<context>-N}, whose {@code ;2} half runs the dialplan from the call's context and DID while the
 * {@code ;1} half is the person. The pair is born without caller ID; the caller's number and name arrive after
 * Newchannel, by NewCallerid and NewConnectedLine. Once answered the caller presses their keys (received on
 * {@code ;2}); they hang up ({@code ;1}) when patience runs out before reaching an agent, or after their talk time
 * once bridged.
 *
 * <p>Threading: event loop only.
 */
public final class InboundCalls {
    private final Pbx pbx;
    private final Originator originator;
    private final Timings timings;

    public InboundCalls(Pbx pbx, Originator originator, Timings timings) {
        this.pbx = pbx;
        this.originator = originator;
        this.timings = timings;
    }

    /** The caller's originate has no ring timeout of its own: patience decides when an unanswered caller leaves. */
    private static final long RINGS_UNTIL_PATIENCE_ENDS_MS = 24L * 3600 * 1000;

    private static final class State {
        boolean answered;
        boolean bridged;
        boolean abandoned;
        int halvesEnded;
        long patienceTimer = -1;
        long talkTimer = -1;
    }

    /** Places the call; returns the {@code ;2} half, the channel the dialplan, the IVR and the agents deal with. */
    public Channel place(InboundCall call, Consumer<CallOutcome> onEnd) {
        pbx.counters().inc("calls.started");
        State st = new State();
        Channel[] pair = {null, null};
        Consumer<Channel> ended = c -> {
            if (++st.halvesEnded < 2) {
                return;
            }
            pbx.cancel(st.patienceTimer);
            pbx.cancel(st.talkTimer);
            pbx.counters().inc(st.abandoned ? "calls.ended-abandoned" : "calls.completed");
            Channel two = pair[1];
            onEnd.accept(new CallOutcome(two.name(), two.uniqueid(), st.answered, st.bridged, st.abandoned,
                two.hangupCause(), two.var("AGISTATUS"), List.copyOf(two.agiTranscript),
                new LinkedHashMap<>(two.vars())));
        };
        OriginateSpec spec = new OriginateSpec("Local/" + call.did() + "@" + call.context(), null, null, 1, null, null,
            new CallerId(call.callerNumber(), call.callerName()), RINGS_UNTIL_PATIENCE_ENDS_MS, Map.of(), null, null);
        originator.originateCaller(spec, new Originator.Listener() {
            @Override
            public void created(Channel one, Channel two) {
                pair[0] = one;
                pair[1] = two;
                one.owner = call;
                two.owner = call;
                one.onHangup(ended);
                two.onHangup(ended);
            }

            @Override
            public void answered(Channel one) {
                st.answered = true;
                pbx.counters().inc("calls.answered");
                runScript(pair[1], call.dtmfScript(), 0);
            }

            @Override
            public void failed(int reason) {
                pbx.counters().inc("calls.failed");
            }
        });
        Channel two = pair[1];
        if (call.patienceMs() > 0) {
            st.patienceTimer = pbx.after(call.patienceMs(), () -> {
                if (!st.bridged && two.isAlive() && !two.hangupRequested()) {
                    st.abandoned = true;
                    pbx.counters().inc("calls.abandoned");
                    hangUp(two);
                }
            });
        }
        two.setOnBridged(() -> {
            if (st.bridged) {
                return;
            }
            st.bridged = true;
            pbx.counters().inc("calls.reached-agent");
            pbx.cancel(st.patienceTimer);
            if (call.talkTimeMs() > 0) {
                st.talkTimer = pbx.after(call.talkTimeMs(), () -> hangUp(two));
            }
        });
        return two;
    }

    /**
     * The caller hangs up: their own half ({@code ;1}) ends with cause 16, and {@code ;2} gets a HangupRequest as
     * from any far end. {@code ch} is the channel {@link #place} returned.
     */
    public void hangUp(Channel ch) {
        Channel person = ch.localPeer() != null && !ch.isLocalOne() ? ch.localPeer() : ch;
        if (person.isAlive() && !person.hangupRequested()) {
            pbx.softHangup(person, Causes.NORMAL_CLEARING);
        } else if (ch.isAlive()) {
            pbx.remoteHangup(ch, Causes.NORMAL_CLEARING);
        }
    }

    /** The caller presses keys: DTMF received on the channel {@link #place} returned. */
    public void sendDtmf(Channel ch, String digits) {
        pbx.playDtmf(ch, digits, timings.dtmfDurationMs(), timings.dtmfGapMs(), null);
    }

    private void runScript(Channel ch, List<DtmfStep> steps, int i) {
        if (i >= steps.size()) {
            return;
        }
        DtmfStep s = steps.get(i);
        pbx.after(s.delayMs(), () -> {
            if (!ch.isAlive() || ch.hangupRequested()) {
                return;
            }
            pbx.playDtmf(ch, s.digits(), timings.dtmfDurationMs(), timings.dtmfGapMs(), () -> runScript(ch, steps, i + 1));
        });
    }
}
