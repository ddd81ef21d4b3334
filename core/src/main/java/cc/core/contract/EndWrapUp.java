package cc.core.contract;

/** The agent finished the wrap-up of the last call and is ready for the next. */
public record EndWrapUp(String agentId) {}
