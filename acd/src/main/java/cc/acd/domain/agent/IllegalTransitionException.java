package cc.acd.domain.agent;

/** An agent state change the state machine does not allow; the agent's state is left as it was. */
public final class IllegalTransitionException extends IllegalStateException {
    private final AgentStatus from;
    private final AgentStatus to;

    public IllegalTransitionException(AgentStatus from, AgentStatus to) {
        super("an agent cannot move from " + from.wireName() + " to " + to.wireName());
        this.from = from;
        this.to = to;
    }

    public AgentStatus from() {
        return from;
    }

    public AgentStatus to() {
        return to;
    }
}
