package cc.console.domain.callcontrol;

/**
 * What the console decided about a {@link ControlAsk} before asking call control: refused (with the same error codes
 * call control replies with, so the page and the API map both alike) or allowed, with the fields of the request to
 * send.
 */
public sealed interface ControlDecision {
    /**
     * Send the request.
     *
     * @param agentId    the agent acting (their own call) or, for a supervisor, the call's agent
     * @param supervisor whether a supervisor or admin acts on another agent's call
     */
    record Allowed(String agentId, boolean supervisor, String intent, String targetKind, String target, String notes)
            implements ControlDecision {}

    /**
     * Do not send anything.
     *
     * @param error   {@code bad-request}, {@code not-your-call}, {@code no-such-call} or {@code agent-unavailable}
     * @param message a sentence for the user
     */
    record Refused(String error, String message) implements ControlDecision {}
}
