package cc.email.domain;

import java.util.Optional;

/**
 * What to do with one received message.
 *
 * @param action      where it goes
 * @param robot       what sent it
 * @param acknowledge whether the sender gets an automatic acknowledgement
 * @param why         why not, when no acknowledgement is sent (for the log and the metrics), empty otherwise
 */
public record IntakeDecision(Action action, Robot robot, boolean acknowledge, String why) {

    public enum Action {
        /** A Message-ID we already hold: the same message again (a resend, a second copy in the mailbox). */
        IGNORE_DUPLICATE,
        /** A new thread, routed to a queue. */
        NEW_THREAD,
        /** Added to a thread still open; the agent holding it is told. */
        ADD_TO_OPEN,
        /** Added to a closed thread, which is routed again as a new interaction. */
        REOPEN,
        /** Added to a closed thread without routing it (a robot's message about a finished case). */
        ADD_TO_CLOSED,
        /** A robot's message about nothing we know: kept as a closed thread, routed to nobody. */
        FILE_UNROUTED
    }

    /** Decides, from what the store knows of the message and its sender; a pure function of its arguments. */
    public static IntakeDecision decide(boolean duplicate, Optional<ThreadState> thread, Robot robot,
                                        int acksToSenderToday, int maxAcksPerSenderPerDay) {
        if (duplicate) {
            return new IntakeDecision(Action.IGNORE_DUPLICATE, robot, false, "duplicate message");
        }
        Action action;
        if (thread.isPresent() && thread.get().open()) {
            return new IntakeDecision(Action.ADD_TO_OPEN, robot, false, "reply to an open case");
        } else if (thread.isPresent()) {
            action = robot == Robot.NONE ? Action.REOPEN : Action.ADD_TO_CLOSED;
        } else {
            action = robot == Robot.NONE ? Action.NEW_THREAD : Action.FILE_UNROUTED;
        }
        if (robot != Robot.NONE) {
            return new IntakeDecision(action, robot, false, robot == Robot.BOUNCE ? "bounce" : "automatic reply");
        }
        if (acksToSenderToday >= maxAcksPerSenderPerDay) {
            return new IntakeDecision(action, robot, false, "acknowledgements to this sender capped at "
                    + maxAcksPerSenderPerDay + " a day");
        }
        return new IntakeDecision(action, robot, true, "");
    }
}
