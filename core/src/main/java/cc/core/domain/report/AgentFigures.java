package cc.core.domain.report;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One agent's figures for one bucket. Call figures count the calls offered in the bucket; time in states is the
 * part of each state spell that falls in the bucket.
 *
 * @param callsHandled calls the agent talked on
 * @param talk         the agent's talk time on them
 * @param hold         the agent's hold time on them
 * @param wrapUp       the agent's wrap-up time after them
 * @param transfers    transfers the agent made
 * @param timeInState  time per state ({@code available}, {@code on-call}, {@code paused}...)
 * @param pauseReasons time paused per reason code
 */
public record AgentFigures(long callsHandled, Duration talk, Duration hold, Duration wrapUp, long transfers,
                           Map<String, Duration> timeInState, Map<String, Duration> pauseReasons) {
    public static final String LOGGED_OUT = "logged-out";
    public static final String PAUSED = "paused";

    public AgentFigures {
        timeInState = Map.copyOf(timeInState);
        pauseReasons = Map.copyOf(pauseReasons);
    }

    public static final AgentFigures ZERO = new AgentFigures(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
            Map.of(), Map.of());

    /**
     * These figures and {@code o}'s together (times per state and per pause reason summed key by key): every figure
     * is a count or a summed time, so an hour, day, week or month is the sum of its 15-minute figures.
     */
    public AgentFigures plus(AgentFigures o) {
        Map<String, Duration> states = new HashMap<>(timeInState);
        o.timeInState.forEach((k, v) -> states.merge(k, v, Duration::plus));
        Map<String, Duration> pauses = new HashMap<>(pauseReasons);
        o.pauseReasons.forEach((k, v) -> pauses.merge(k, v, Duration::plus));
        return new AgentFigures(callsHandled + o.callsHandled, talk.plus(o.talk), hold.plus(o.hold),
                wrapUp.plus(o.wrapUp), transfers + o.transfers, states, pauses);
    }

    /** Time logged in: every state but logged-out. */
    public Duration loggedIn() {
        return timeInState.entrySet().stream().filter(e -> !e.getKey().equals(LOGGED_OUT)).map(Map.Entry::getValue)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Time ready for or busy with calls: logged in and not paused. */
    public Duration staffed() {
        return loggedIn().minus(timeInState.getOrDefault(PAUSED, Duration.ZERO));
    }

    public Duration handleTime() {
        return talk.plus(hold).plus(wrapUp);
    }

    /** Talk, hold and wrap-up over staffed time; empty when the agent was never staffed. */
    public Optional<Double> occupancy() {
        Duration staffed = staffed();
        return staffed.isZero() ? Optional.empty() : Optional.of(handleTime().toMillis() / (double) staffed.toMillis());
    }

    /** Talk, hold and wrap-up over logged-in time; empty when the agent never logged in. */
    public Optional<Double> utilisation() {
        Duration in = loggedIn();
        return in.isZero() ? Optional.empty() : Optional.of(handleTime().toMillis() / (double) in.toMillis());
    }
}
