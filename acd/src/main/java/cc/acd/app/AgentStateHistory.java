package cc.acd.app;

import cc.acd.domain.agent.AgentStateSpell;
import cc.acd.domain.agent.TimeInState;
import cc.core.contract.AgentStateChanged;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * Every agent's states over time, one spell per state entered, for reports on how each agent's day was spent.
 *
 * <p>An agent's spells follow each other without gap or overlap: each ends when the next starts, and the latest is
 * open. A change is placed on the agent's timeline by its {@code since}, so a change that arrives late (older than
 * the agent's current spell, as around a routing takeover) splits the spell it falls in instead of ending the
 * current one: the agent was in the late state from its {@code since} until the next change already known.
 * Among changes at the same instant, the one recorded later comes later.
 *
 * <p>Implementations may be called from any thread; callers keep the changes of one agent in order and do not
 * record two changes of one agent at once.
 */
public interface AgentStateHistory {

    /** What {@link #record} did with a change. */
    enum Outcome {
        /** A new spell that is now the agent's current state; the previous current spell ends at its start. */
        OPENED,
        /** A late change: a new spell inside the history, ending where the next known change starts. */
        INSERTED,
        /** The same agent, state, reason and since is recorded already (a redelivery): nothing changed. */
        DUPLICATE,
        /** The agent was already in this state, with this reason and call, at that time: nothing changed. */
        CONTINUED;

        /** Lower-case name for metrics tags and logs. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Records the change in one transaction: the spell it falls in ends at the change's {@code since} and a spell
     * in the new state starts there. Recording the same change again changes nothing, so a write retried after a
     * lost acknowledgement is safe. Fails with an {@link IllegalArgumentException} when the change can never be
     * stored (a value too long for its column); any other failure may pass and is worth retrying.
     */
    Future<Outcome> record(AgentStateChanged change);

    /** The agent's spells overlapping {@code [from, to)}, in order, unclipped (the first may start before from). */
    Future<List<AgentStateSpell>> spells(String agentId, Instant from, Instant to);

    /** Every agent's spells overlapping {@code [from, to)}, by agent and then in order, unclipped. */
    Future<List<AgentStateSpell>> spells(Instant from, Instant to);

    /**
     * The agent's time per state and reason inside {@code [from, to)}. The current spell counts up to {@code to}:
     * for a range reaching past the present, pass the present as {@code to}.
     */
    default Future<List<TimeInState>> timeInStates(String agentId, Instant from, Instant to) {
        return spells(agentId, from, to).map(spells -> TimeInState.of(spells, from, to));
    }
}
