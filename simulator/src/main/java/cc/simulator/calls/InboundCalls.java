package cc.simulator.calls;

import cc.simulator.CallOutcome;
import cc.simulator.DtmfStep;
import cc.simulator.InboundCall;
import cc.simulator.Timings;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.ChannelState;
import cc.simulator.channel.Pbx;
import cc.simulator.dialplan.DialplanExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Callers dialling in: one {@code PJSIP/trunk-N} channel in Ring state, run through the dialplan from the call's
 * context and DID. Once answered the caller presses their keys; they hang up when patience runs out before reaching
 * an agent, or after their talk time once bridged.
 *
 * <p>Threading: event loop only.
 */
public final class InboundCalls {
    private final Pbx pbx;
    private final DialplanExecutor executor;
    private final Timings timings;

    public InboundCalls(Pbx pbx, DialplanExecutor executor, Timings timings) {
        this.pbx = pbx;
        this.executor = executor;
        this.timings = timings;
    }

    private static final class State {
        boolean answered;
        boolean bridged;
        boolean abandoned;
        long patienceTimer = -1;
        long talkTimer = -1;
    }

    public Channel place(InboundCall call, Consumer<CallOutcome> onEnd) {
        pbx.counters().inc("calls.started");
        String uid = pbx.nextUniqueid();
        Channel ch = pbx.newChannel("PJSIP/trunk-" + pbx.nextPjsipSuffix(), "PJSIP", ChannelState.RING,
            call.context(), call.did(), uid, uid, call.callerNumber(), call.callerName());
        ch.setQuietVar("__DNID", call.did());
        State st = new State();
        ch.owner = call;
        ch.setOnAnswered(() -> {
            st.answered = true;
            pbx.counters().inc("calls.answered");
            runScript(ch, call.dtmfScript(), 0);
        });
        if (call.patienceMs() > 0) {
            st.patienceTimer = pbx.after(call.patienceMs(), () -> {
                if (!st.bridged && ch.isAlive() && !ch.hangupRequested()) {
                    st.abandoned = true;
                    pbx.counters().inc("calls.abandoned");
                    pbx.remoteHangup(ch, Causes.NORMAL_CLEARING);
                }
            });
        }
        ch.setOnBridged(() -> {
            if (st.bridged) {
                return;
            }
            st.bridged = true;
            pbx.counters().inc("calls.reached-agent");
            pbx.cancel(st.patienceTimer);
            if (call.talkTimeMs() > 0) {
                st.talkTimer = pbx.after(call.talkTimeMs(), () -> pbx.remoteHangup(ch, Causes.NORMAL_CLEARING));
            }
        });
        ch.onHangup(c -> {
            pbx.cancel(st.patienceTimer);
            pbx.cancel(st.talkTimer);
            pbx.counters().inc(st.abandoned ? "calls.ended-abandoned" : "calls.completed");
            onEnd.accept(new CallOutcome(c.name(), c.uniqueid(), st.answered, st.bridged, st.abandoned,
                c.hangupCause(), c.var("AGISTATUS"), List.copyOf(c.agiTranscript), new LinkedHashMap<>(c.vars())));
        });
        executor.run(ch);
        return ch;
    }

    /** The caller presses keys: DTMF received on their own trunk channel. */
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
