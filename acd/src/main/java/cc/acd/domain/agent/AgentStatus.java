package cc.acd.domain.agent;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an agent is in the working day, and which moves between states are legal.
 *
 * <p>{@link #RESERVED} holds an agent for a callback being placed; {@link #RINGING} is an agent whose phone is
 * offered a waiting caller.
 */
public enum AgentStatus {
    LOGGED_OUT, AVAILABLE, RESERVED, RINGING, ON_CALL, WRAP_UP, PAUSED;

    static {
        LOGGED_OUT.next = EnumSet.of(AVAILABLE, PAUSED);
        AVAILABLE.next = EnumSet.of(RESERVED, RINGING, PAUSED, LOGGED_OUT);
        RESERVED.next = EnumSet.of(ON_CALL, AVAILABLE, PAUSED, LOGGED_OUT);
        RINGING.next = EnumSet.of(ON_CALL, AVAILABLE, PAUSED, LOGGED_OUT);
        ON_CALL.next = EnumSet.of(WRAP_UP, AVAILABLE);
        WRAP_UP.next = EnumSet.of(AVAILABLE, PAUSED, LOGGED_OUT);
        PAUSED.next = EnumSet.of(AVAILABLE, PAUSED, LOGGED_OUT);
    }

    private Set<AgentStatus> next;

    /** Whether the state machine allows this move at all (whoever asks for it). */
    public boolean canMoveTo(AgentStatus target) {
        return next.contains(target);
    }

    /**
     * Whether the agent (or a supervisor on the agent's behalf) may ask for this move. Agents choose only between
     * available, paused and logged out; the router alone moves them through reserved, ringing, on call and wrap-up.
     * An agent may not pause away a ringing call (that is ring-no-answer's job) but may be logged out from it, so a
     * lost console never leaves an agent stuck holding a caller.
     */
    public boolean agentMayRequest(AgentStatus target) {
        if (!canMoveTo(target)) {
            return false;
        }
        return switch (target) {
            case AVAILABLE, PAUSED -> this == LOGGED_OUT || this == AVAILABLE || this == WRAP_UP || this == PAUSED;
            case LOGGED_OUT -> true;
            default -> false;
        };
    }

    /** Whether an agent in this state counts as staffing the queues they serve (logged in and not paused). */
    public boolean isStaffed() {
        return this != LOGGED_OUT && this != PAUSED;
    }

    /** The lower-case, hyphenated name used in presence, metrics tags and logs. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
