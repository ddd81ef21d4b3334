package cc.acd.domain.queue;

import java.util.Comparator;

/**
 * How a queue chooses among the available agents who can take its caller. Each strategy is its own order over
 * {@link Rank}; the router takes the first agent in that order.
 */
public enum RoutingStrategy {
    /** The agent who has been available the longest. */
    LONGEST_IDLE,

    /** The agent with the least busy time (talk plus wrap-up) since logging in; ties go to the longest idle. */
    LEAST_OCCUPIED,

    /** Turn by turn: the agent offered a call from this queue least recently (never offered comes first). */
    ROUND_ROBIN,

    /**
     * The agent with the highest proficiency summed over the caller's required skills; ties go to the longest idle.
     * The only strategy whose order depends on the caller.
     */
    BEST_SKILL_MATCH;

    // written out rather than chained with Comparator.comparing...thenComparing: the router compares ranks on every
    // agent becoming available and every offer, and the chained lambdas cost several calls per comparison
    private final Comparator<Rank> order = this::compare;

    /** Best agent first. */
    public Comparator<Rank> order() {
        return order;
    }

    /** Negative when {@code a} comes before {@code b} in this strategy's order (best agent first). */
    public int compare(Rank a, Rank b) {
        int c;
        switch (this) {
            case LONGEST_IDLE:
                c = Long.compare(a.idleSince(), b.idleSince());
                break;
            case LEAST_OCCUPIED:
                c = Long.compare(a.busyMillis(), b.busyMillis());
                if (c == 0) {
                    c = Long.compare(a.idleSince(), b.idleSince());
                }
                break;
            case ROUND_ROBIN:
                c = Long.compare(a.lastOfferedInQueue(), b.lastOfferedInQueue());
                break;
            case BEST_SKILL_MATCH:
                c = Integer.compare(b.skillScore(), a.skillScore());
                if (c == 0) {
                    c = Long.compare(a.idleSince(), b.idleSince());
                }
                break;
            default:
                throw new IllegalStateException("unknown strategy " + this);
        }
        return c != 0 ? c : Integer.compare(a.agentOrdinal(), b.agentOrdinal());
    }

    /** Whether the order depends on the caller's skill needs (and so cannot be kept sorted per queue ahead of time). */
    public boolean dependsOnCaller() {
        return this == BEST_SKILL_MATCH;
    }

    /**
     * What a strategy may compare about an available agent.
     *
     * @param agentOrdinal       a stable per-agent number; the last tie-breaker, so every order is total
     * @param idleSince          when the agent last became available (epoch millis)
     * @param busyMillis         talk plus wrap-up time since the agent logged in
     * @param lastOfferedInQueue the router's offer counter when this queue last offered the agent a call, 0 never
     * @param skillScore         the agent's levels summed over the caller's required skills (0 when not scored)
     */
    public record Rank(int agentOrdinal, long idleSince, long busyMillis, long lastOfferedInQueue, int skillScore) {}
}
