package cc.core.domain.callcontrol;

/**
 * A call the ACD joined an agent to, as call control knows it: its channels, who is on it, and what it is now.
 * Changed only by {@link CallControlBook}.
 */
public final class ControlledCall {
    /** What the call is now, by its wire name. */
    public enum State {
        TALKING, HELD, CONSULTING, CONFERENCE, TRANSFERRING, ENDED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the call is being recorded. */
    public enum Recording {
        OFF, ON, PAUSED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final String callId;
    final String server;
    final String callerChannel;
    /** When the ACD first connected it: a call still here long after is one whose end Asterisk never reported. */
    final java.time.Instant since;
    String interactionId = "";
    String agentId;
    String agentChannel;
    /** Whether the agent on it came by a consultation or a conference, not by the ACD's own connection. */
    boolean agentByConsultation;
    String queue;
    State state = State.TALKING;
    /** Who else is on (or being rung onto) the line: an agent id or a number; empty when nobody. */
    String party = "";
    boolean partyIsAgent;
    String partyChannel = "";
    /** Whether the party answered (a ringing agent's channel is known before they do). */
    boolean partyAnswered;
    String partyRingId = "";
    /** The ConfBridge room of a conference; empty when there is none. */
    String conference = "";
    Recording recording = Recording.OFF;
    String recordingFile = "";
    String recordingId = "";
    int files;
    int rings;
    /** The last agent rung for this call who answered, and that agent's leg (a node following the call learns it). */
    String ringAnsweredBy = "";
    String ringAnsweredChannel = "";
    /**
     * Why this node cannot act on the call as it is now (it followed the call from another node and missed a channel
     * it would need); empty when it knows the call whole.
     */
    String unsure = "";
    /** Every channel the call has had, as the book indexes it for hang-ups. */
    final java.util.Set<String> channels = new java.util.HashSet<>();

    ControlledCall(String callId, String server, String callerChannel, String agentId, String agentChannel,
                   String queue, java.time.Instant since) {
        this.callId = callId;
        this.since = since;
        this.server = server;
        this.callerChannel = callerChannel;
        this.agentId = agentId;
        this.agentChannel = agentChannel;
        this.queue = queue;
    }

    public String callId() {
        return callId;
    }

    public String server() {
        return server;
    }

    public String interactionId() {
        return interactionId;
    }

    public String agentId() {
        return agentId;
    }

    public State state() {
        return state;
    }

    public String party() {
        return party;
    }

    public Recording recording() {
        return recording;
    }

    public String callerChannel() {
        return callerChannel;
    }

    public String agentChannel() {
        return agentChannel;
    }

    public String partyChannel() {
        return partyChannel;
    }

    public String queue() {
        return queue;
    }

    /** Why this node could not act on the call as it is now; empty when it could. */
    public String unsure() {
        return unsure;
    }

    /** A copy to restore when a plan fails half-way. */
    ControlledCall copy() {
        ControlledCall c = new ControlledCall(callId, server, callerChannel, agentId, agentChannel, queue, since);
        c.restore(this);
        return c;
    }

    void restore(ControlledCall from) {
        interactionId = from.interactionId;
        agentId = from.agentId;
        agentChannel = from.agentChannel;
        agentByConsultation = from.agentByConsultation;
        queue = from.queue;
        state = from.state;
        party = from.party;
        partyIsAgent = from.partyIsAgent;
        partyChannel = from.partyChannel;
        partyAnswered = from.partyAnswered;
        partyRingId = from.partyRingId;
        conference = from.conference;
        recording = from.recording;
        recordingFile = from.recordingFile;
        recordingId = from.recordingId;
        files = from.files;
        rings = from.rings;
        ringAnsweredBy = from.ringAnsweredBy;
        ringAnsweredChannel = from.ringAnsweredChannel;
        unsure = from.unsure;
    }
}
