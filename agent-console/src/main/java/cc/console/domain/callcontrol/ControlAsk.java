package cc.console.domain.callcontrol;

import cc.core.domain.callcontrol.Intents;

import java.util.List;
import java.util.Set;

/**
 * What a user asked of a call, as typed on the page or sent on the live channel, before any check.
 *
 * @param interactionId the call
 * @param intent        a wire name of call control ({@link #INTENTS})
 * @param targetKind    {@code agent}, {@code queue}, {@code number} or empty
 * @param target        the agent id, queue name or number, or empty
 * @param notes         the agent's notes, handed on with a transfer
 */
public record ControlAsk(String interactionId, String intent, String targetKind, String target, String notes) {
    /** Every intent call control carries out, in the order the page shows them (core's one list). */
    public static final List<String> INTENTS = Intents.ALL;

    /** What a supervisor or admin may do on another agent's call (core's one list). */
    public static final Set<String> SUPERVISOR_INTENTS = Intents.SUPERVISOR;

    /** Notes longer than this are refused: they travel with the call to the next agent's pop. */
    public static final int NOTES_LIMIT = 2_000;

    public ControlAsk {
        interactionId = interactionId == null ? "" : interactionId.strip();
        intent = intent == null ? "" : intent.strip();
        targetKind = targetKind == null ? "" : targetKind.strip();
        target = target == null ? "" : target.strip();
        notes = notes == null ? "" : notes;
    }

    /** The target kinds an intent accepts; an empty set means the intent takes no target. */
    public static Set<String> targetKinds(String intent) {
        return Intents.targetKinds(intent);
    }
}
