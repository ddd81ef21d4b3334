package cc.core.contract;

/**
 * An intent on a call in progress, asked by a user of the console (checked there: an agent only on their own call)
 * or by a module. Call control checks again that the acting agent is on the call.
 *
 * <p>Intents (wire names) and what {@code targetKind}/{@code target} mean for them:
 * <ul>
 *   <li>{@code hold}, {@code resume}: the caller hears music, the agent's line stays up;</li>
 *   <li>{@code transfer}: blind; {@code targetKind} {@code agent} (an agent id, only when available), {@code queue}
 *       (a queue name: the caller keeps priority, skills and pop data, and the next agent's pop says who transferred
 *       and {@code notes}) or {@code number} (digits, checked against the dial rules, every dial audited);</li>
 *   <li>{@code consult}: warm transfer, the caller on hold while the agent talks to the target ({@code agent} or
 *       {@code number}); then {@code consult-complete} (the caller with the target, the agent leaves) or
 *       {@code consult-cancel} (the target hung up, the caller back with the agent);</li>
 *   <li>{@code conference}: the target ({@code agent} or {@code number}) joins the caller and the agent;
 *       {@code leave-conference}: the agent leaves, the other two stay;</li>
 *   <li>{@code hangup}: ends the call for the caller and the agent;</li>
 *   <li>{@code record-start}, {@code record-pause}, {@code record-resume}, {@code record-stop};</li>
 *   <li>{@code take-over}: a supervisor ({@code target} = the supervisor's agent id, whose phone rings) replaces the
 *       call's agent.</li>
 * </ul>
 *
 * @param interactionId the call's interaction record
 * @param agentId       the agent acting on the call (their own leg), or for a supervisor the agent whose call it is
 * @param actor         the signed-in user name, for the audit log ({@code system} for modules)
 * @param supervisor    whether the actor is a supervisor or admin acting on another agent's call
 * @param intent        one of the wire names above
 * @param targetKind    {@code agent}, {@code queue}, {@code number}, or empty
 * @param target        the agent id, queue name or number, or empty
 * @param notes         the agent's notes so far, handed to the next agent on a transfer; may be empty
 */
public record CallControlRequest(String interactionId, String agentId, String actor, boolean supervisor,
                                 String intent, String targetKind, String target, String notes) {}
