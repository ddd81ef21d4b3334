package cc.acd.app;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.queue.QueueConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the ACD verticle needs to run.
 *
 * @param server             the telephony server that carries the queued callers and the agents' phones
 * @param ringTimeout        how long an agent's phone rings before ring-no-answer
 * @param callerId           caller ID shown on agents' phones and on callbacks; empty for the platform default
 * @param priorityPointWorth how much waiting one point of caller priority is worth
 * @param tickEvery          how often time is passed to the router (timers fall due at most this late)
 * @param interval           the reporting interval length (e.g. 15 minutes)
 * @param callbackDial       the dial string of a callback, {@code {number}} replaced by the customer's number,
 *                           e.g. {@code PJSIP/{number}@trunk}
 * @param voicemailContext   dialplan context a caller is redirected to for voicemail; the mailbox is the extension
 * @param callbackContext    dialplan context (extension {@code s}) that confirms a callback and hangs up
 * @param announceContext    dialplan context (extension {@code s}) a waiting caller is redirected to, to hear the
 *                           place in line and the estimated wait from the IVR and return to the music; empty = the
 *                           announcements are not played
 * @param agentWaitContext   dialplan context (extension {@code s}) an agent's answered leg waits in, in a loop, until
 *                           the AMI {@code Bridge} action joins it to the caller (trace ami-17); it waits there again
 *                           whenever that bridge ends, so the caller can be put on hold and taken back (ami-25)
 * @param conferenceContext  dialplan context whose extension is a conference's name ({@code ConfBridge(${EXTEN})}):
 *                           an agent rung to join a conference is sent there once answered
 * @param queues             the queues
 * @param recordingPolicies  each queue's call recording: {@code always}, {@code never} or {@code on-demand} (the
 *                           default for a queue not listed)
 * @param agents             the agents with their phones
 */
public record AcdSettings(String server, Duration ringTimeout, String callerId, Duration priorityPointWorth,
                          Duration tickEvery, Duration interval, String callbackDial, String voicemailContext,
                          String callbackContext, String announceContext, String agentWaitContext,
                          String conferenceContext, List<QueueConfig> queues,
                          List<AgentPhone> agents, Map<String, String> recordingPolicies) {
    public AcdSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        callerId = callerId == null ? "" : callerId;
        Objects.requireNonNull(priorityPointWorth, "priorityPointWorth");
        Objects.requireNonNull(tickEvery, "tickEvery");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(callbackDial, "callbackDial");
        if (!callbackDial.contains("{number}")) {
            throw new IllegalArgumentException("callbackDial must contain {number}, was " + callbackDial);
        }
        Objects.requireNonNull(voicemailContext, "voicemailContext");
        Objects.requireNonNull(callbackContext, "callbackContext");
        announceContext = announceContext == null ? "" : announceContext;
        Objects.requireNonNull(agentWaitContext, "agentWaitContext");
        Objects.requireNonNull(conferenceContext, "conferenceContext");
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        recordingPolicies = Map.copyOf(recordingPolicies);
        if (tickEvery.isZero() || tickEvery.isNegative() || interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("tickEvery and interval must be positive");
        }
    }

    /** Call recording policies: recorded from the answer on, never recorded, or when the agent asks. */
    public static final List<String> RECORDING_POLICIES = List.of("always", "never", "on-demand");

    /** The queue's call recording policy. */
    public String recordingPolicy(String queue) {
        return recordingPolicies.getOrDefault(queue, "on-demand");
    }

    /** The same settings for another telephony server. */
    public AcdSettings withServer(String name) {
        return new AcdSettings(name, ringTimeout, callerId, priorityPointWorth, tickEvery, interval, callbackDial,
                voicemailContext, callbackContext, announceContext, agentWaitContext, conferenceContext, queues, agents,
                recordingPolicies);
    }

    /**
     * An agent and the phone the agent takes calls on.
     *
     * @param profile    skills and queues
     * @param dialString how to ring the agent, e.g. {@code PJSIP/1001}
     */
    public record AgentPhone(AgentProfile profile, String dialString) {
        public AgentPhone {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(dialString, "dialString");
        }
    }
}
