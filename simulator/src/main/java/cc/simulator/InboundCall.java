package cc.simulator;

import cc.simulator.dialplan.DefaultDialplan;
import java.util.List;

/**
 * A caller dialling in. The simulator places it as the recording lab does, as an originated Local pair
 * {@code Local/<did>@<context>}: the caller's number and name reach AMI clients only by NewCallerid (ami-20), not in
 * Newchannel.
 *
 * @param callerNumber the caller's number; empty for none
 * @param callerName the caller's name; empty for none (AMI then shows {@code <unknown>})
 * @param did the dialled number: the extension the call runs in {@code context}
 * @param context where the call arrives (default {@code cc-inbound})
 * @param dtmfScript the keys the caller presses once answered
 * @param patienceMs the caller hangs up after this long unless talking to an agent by then; 0 = infinite
 * @param talkTimeMs once bridged to an agent, the caller hangs up after this long; 0 = never (the agent ends it)
 */
public record InboundCall(String callerNumber, String callerName, String did, String context,
                          List<DtmfStep> dtmfScript, long patienceMs, long talkTimeMs) {

    public InboundCall {
        if (did == null || did.isBlank()) {
            throw new IllegalArgumentException("an inbound call needs the dialled number (did)");
        }
        context = context == null ? DefaultDialplan.INBOUND_CONTEXT : context;
        callerNumber = callerNumber == null ? "" : callerNumber;
        callerName = callerName == null ? "" : callerName;
        dtmfScript = dtmfScript == null ? List.of() : List.copyOf(dtmfScript);
    }

    public static InboundCall of(String callerNumber, String callerName, String did) {
        return new InboundCall(callerNumber, callerName, did, null, List.of(), 0, 0);
    }

    public InboundCall withContext(String ctx) {
        return new InboundCall(callerNumber, callerName, did, ctx, dtmfScript, patienceMs, talkTimeMs);
    }

    /**
     * The call arrives through the simulator's normalising trunk ({@link DefaultDialplan#NORMALISING_TRUNK_CONTEXT}):
     * its dialplan runs {@code Set(CALLERID(num)=+98${CALLERID(num):1})} on the {@code ;2} half (one more
     * NewCallerid, on that half only), then goes on in {@code cc-inbound} at the same DID. For national numbers
     * ({@code 09121234567} becomes {@code +989121234567}).
     */
    public InboundCall viaNormalisingTrunk() {
        return withContext(DefaultDialplan.NORMALISING_TRUNK_CONTEXT);
    }

    public InboundCall withDtmf(DtmfStep... steps) {
        return new InboundCall(callerNumber, callerName, did, context, List.of(steps), patienceMs, talkTimeMs);
    }

    public InboundCall withDtmf(List<DtmfStep> steps) {
        return new InboundCall(callerNumber, callerName, did, context, steps, patienceMs, talkTimeMs);
    }

    public InboundCall withPatienceMs(long ms) {
        return new InboundCall(callerNumber, callerName, did, context, dtmfScript, ms, talkTimeMs);
    }

    public InboundCall withTalkTimeMs(long ms) {
        return new InboundCall(callerNumber, callerName, did, context, dtmfScript, patienceMs, ms);
    }
}
