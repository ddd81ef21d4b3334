package cc.core.contract;

/**
 * Event-bus addresses, {@code cc.<owner>.<entity>.<verb>}: commands imperative, events past tense.
 * Each constant names the body record it carries.
 */
public final class Addresses {
    private Addresses() {}

    /** {@link IvrStepEntered}: a caller entered an IVR node (published by ivr, kept on the interaction by core). */
    public static final String IVR_STEP_ENTERED = "cc.ivr.step.entered";

    /** {@link IvrSessionEnded}: an IVR session ended (flow finished, caller hung up, or handed on). */
    public static final String IVR_SESSION_ENDED = "cc.ivr.session.ended";

    /** {@link SurveyAnswered}: a caller gave the post-call survey score (kept on the interaction by core). */
    public static final String IVR_SURVEY_ANSWERED = "cc.ivr.survey.answered";

    /** {@link EnqueueCall}: the IVR hands a caller to the ACD (request; the reply is the queue position). */
    public static final String ACD_CALL_ENQUEUE = "cc.acd.call.enqueue";

    /** {@link InteractionUpdated}: an interaction record changed (published by core after it is stored). */
    public static final String INTERACTION_UPDATED = "cc.core.interaction.updated";
}
