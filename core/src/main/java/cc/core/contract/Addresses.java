package cc.core.contract;

/**
 * Event-bus addresses, {@code cc.<owner>.<entity>.<verb>}: commands imperative, events past tense.
 * Each constant names the body record it carries.
 */
public final class Addresses {
    private Addresses() {}

    /** {@link IvrStepEntered}: a caller entered an IVR node (published by ivr, kept on the interaction by core). */
    public static final String IVR_STEP_ENTERED = "cc.ivr.step.entered";

    /** {@link IvrSessionStarted}: an IVR session began on a caller's channel (kept on the interaction by core). */
    public static final String IVR_SESSION_STARTED = "cc.ivr.session.started";

    /** {@link IvrInputGiven}: a caller pressed keys at an IVR node (kept on the interaction by core). */
    public static final String IVR_INPUT_GIVEN = "cc.ivr.input.given";

    /** {@link IvrSessionEnded}: an IVR session ended (flow finished, caller hung up, or handed on). */
    public static final String IVR_SESSION_ENDED = "cc.ivr.session.ended";

    /** {@link CustomerIdentified}: the IVR identified the caller (kept on the interaction by core). */
    public static final String IVR_CUSTOMER_IDENTIFIED = "cc.ivr.customer.identified";

    /** {@link SurveyAnswered}: a caller gave the post-call survey score (kept on the interaction by core). */
    public static final String IVR_SURVEY_ANSWERED = "cc.ivr.survey.answered";

    /** {@link EnqueueCall}: the IVR hands a caller to the ACD (request; the reply is the queue position). */
    public static final String ACD_CALL_ENQUEUE = "cc.acd.call.enqueue";

    /** {@link AgentStateChanged}: an agent's state changed (published by acd; consoles and wallboards listen). */
    public static final String ACD_AGENT_STATE_CHANGED = "cc.acd.agent.state-changed";

    /** {@link ChangeAgentState}: an agent or supervisor asks for a state change (request; reply empty or fail). */
    public static final String ACD_AGENT_CHANGE_STATE = "cc.acd.agent.change-state";

    /** {@link CallOffered}: a call is ringing an agent's phone (published by acd; the screen-pop starts here). */
    public static final String ACD_CALL_OFFERED = "cc.acd.call.offered";

    /** {@link CallQueueEntered}: a caller joined a queue (published by acd; kept on the interaction by core). */
    public static final String ACD_CALL_QUEUE_ENTERED = "cc.acd.call.queue-entered";

    /** {@link CallQueueLeft}: a caller left a queue, and why (published by acd; kept on the interaction by core). */
    public static final String ACD_CALL_QUEUE_LEFT = "cc.acd.call.queue-left";

    /** {@link OfferEnded}: an agent's phone stopped ringing with a call, and why (published by acd). */
    public static final String ACD_OFFER_ENDED = "cc.acd.offer.ended";

    /** {@link QueueStatsUpdated}: live queue and agent figures (published by acd at least once a second). */
    public static final String ACD_QUEUE_STATS_UPDATED = "cc.acd.queue.stats-updated";

    /** {@link DisposeInteraction}: an agent saves the outcome and notes of a call (request to core's recorder). */
    public static final String INTERACTION_DISPOSE = "cc.core.interaction.dispose";

    /** {@link FindInteractionByChannel}: which interaction a channel's call is (request; reply {@link InteractionFound}). */
    public static final String INTERACTION_FIND_BY_CHANNEL = "cc.core.interaction.find-by-channel";

    /**
     * {@link InteractionUpdated}: an interaction record changed (published by core after it is stored; with several
     * nodes, on a node that does not record the call's Asterisk server, as soon as its recorder followed the change).
     */
    public static final String INTERACTION_UPDATED = "cc.core.interaction.updated";

    /**
     * {@link DisposeInteraction}: a disposition the recorder of this node accepted (published by core), so the
     * recorders of the other nodes, which follow the same call, hold it too (several nodes: relayed to them).
     */
    public static final String INTERACTION_DISPOSED = "cc.core.interaction.disposed";
}
