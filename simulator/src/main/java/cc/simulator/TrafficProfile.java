package cc.simulator;

import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.people.Distribution;
import java.util.List;

/**
 * Poisson arrivals of inbound callers.
 *
 * @param callsPerSecond mean arrival rate (real time)
 * @param dids dialled numbers, picked uniformly
 * @param scripts caller key-press scripts with their weights
 * @param patience how long a caller waits for an agent; null = forever
 * @param talkTime how long a caller talks once bridged; null = until the agent hangs up
 * @param callerNumberPrefix caller numbers are this prefix plus a running number
 */
public record TrafficProfile(double callsPerSecond, List<String> dids, String context, List<WeightedScript> scripts,
                             Distribution patience, Distribution talkTime, String callerNumberPrefix) {

    /** A DTMF script and its relative weight in the mix. */
    public record WeightedScript(double weight, List<DtmfStep> steps) {
        public WeightedScript {
            if (weight < 0) {
                throw new IllegalArgumentException("weight must be >= 0");
            }
            steps = List.copyOf(steps);
        }
    }

    public TrafficProfile {
        if (!(callsPerSecond > 0)) {
            throw new IllegalArgumentException("callsPerSecond must be > 0, was " + callsPerSecond);
        }
        if (dids == null || dids.isEmpty()) {
            throw new IllegalArgumentException("a traffic profile needs at least one DID");
        }
        dids = List.copyOf(dids);
        context = context == null ? DefaultDialplan.INBOUND_CONTEXT : context;
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        callerNumberPrefix = callerNumberPrefix == null ? "0912" : callerNumberPrefix;
    }

    public static TrafficProfile of(double callsPerSecond, String did) {
        return new TrafficProfile(callsPerSecond, List.of(did), null, List.of(), null, null, null);
    }

    public TrafficProfile withScripts(List<WeightedScript> s) {
        return new TrafficProfile(callsPerSecond, dids, context, s, patience, talkTime, callerNumberPrefix);
    }

    public TrafficProfile withPatience(Distribution d) {
        return new TrafficProfile(callsPerSecond, dids, context, scripts, d, talkTime, callerNumberPrefix);
    }

    public TrafficProfile withTalkTime(Distribution d) {
        return new TrafficProfile(callsPerSecond, dids, context, scripts, patience, d, callerNumberPrefix);
    }
}
