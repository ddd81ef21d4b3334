package cc.dialer.domain.pacing;

import java.util.Objects;

/**
 * One agent of the campaign as the pacer sees it.
 *
 * @param activity          what the agent is doing
 * @param secondsInActivity how long the agent has been doing it
 */
public record AgentView(Activity activity, double secondsInActivity) {

    /** The agent activities that matter to pacing. */
    public enum Activity {
        /** Ready for a call now. */
        IDLE,
        /** On a call; free after the rest of the talk and the wrap-up. */
        TALKING,
        /** Finishing the last call's notes. */
        WRAP_UP,
        /** Logged in but not taking dialer calls (paused, previewing, on a callback). */
        UNAVAILABLE
    }

    public AgentView {
        Objects.requireNonNull(activity, "activity");
        if (secondsInActivity < 0) {
            throw new IllegalArgumentException("secondsInActivity must not be negative");
        }
    }

    public static AgentView idle() {
        return new AgentView(Activity.IDLE, 0);
    }

    public static AgentView talking(double seconds) {
        return new AgentView(Activity.TALKING, seconds);
    }

    public static AgentView wrapUp(double seconds) {
        return new AgentView(Activity.WRAP_UP, seconds);
    }
}
