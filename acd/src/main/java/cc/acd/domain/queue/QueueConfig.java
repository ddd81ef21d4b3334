package cc.acd.domain.queue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One queue's routing rules.
 *
 * @param id                    the queue's name
 * @param strategy              how an agent is chosen among the available ones
 * @param serviceLevelThreshold a call answered within this wait counts toward the service level
 * @param maxWaiting            most callers on the line at once, waiting or ringing an agent (virtual callback
 *                              callers not counted); 0 = no limit
 * @param waitLimit             longest wait before overflow; zero = no limit
 * @param overflow              where callers go when the queue is full or the wait limit passes
 * @param open                  business hours: whether the queue takes new callers now (an input, not a clock read)
 * @param whenClosed            where new callers go while the queue is closed
 * @param requiredSkills        skills every caller of the queue needs (added to the caller's own)
 * @param relaxation            how required levels relax while a caller waits
 * @param priorityBoost         added to the base priority of every caller of the queue
 * @param wrapUp                wrap-up time after each call; zero = available straight after the call
 * @param announceEvery         how often waiting callers hear their position and estimated wait; zero = only once
 * @param expectedHandleTime    the handle time the wait estimate assumes before any call has been handled
 */
public record QueueConfig(String id, RoutingStrategy strategy, Duration serviceLevelThreshold, int maxWaiting,
                          Duration waitLimit, OverflowTarget overflow, boolean open, OverflowTarget whenClosed,
                          List<SkillRequirement> requiredSkills, SkillRelaxation relaxation, int priorityBoost,
                          Duration wrapUp, Duration announceEvery, Duration expectedHandleTime) {
    public QueueConfig {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("queue id must not be blank");
        }
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(serviceLevelThreshold, "serviceLevelThreshold");
        Objects.requireNonNull(waitLimit, "waitLimit");
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(whenClosed, "whenClosed");
        requiredSkills = List.copyOf(requiredSkills);
        Objects.requireNonNull(relaxation, "relaxation");
        Objects.requireNonNull(wrapUp, "wrapUp");
        Objects.requireNonNull(announceEvery, "announceEvery");
        Objects.requireNonNull(expectedHandleTime, "expectedHandleTime");
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("queue " + id + ": maxWaiting must be >= 0, was " + maxWaiting);
        }
        for (Duration d : List.of(serviceLevelThreshold, waitLimit, wrapUp, announceEvery, expectedHandleTime)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("queue " + id + ": durations must not be negative");
            }
        }
        if (overflow instanceof OverflowTarget.ToQueue q && q.queueId().equals(id)
                || whenClosed instanceof OverflowTarget.ToQueue c && c.queueId().equals(id)) {
            throw new IllegalArgumentException("queue " + id + " cannot overflow into itself");
        }
    }

    /**
     * A queue with common defaults: longest idle, 20 s service level, no limits, voicemail in a box named after the
     * queue, open, no skills, no relaxation, no wrap-up, announcements every 60 s, 180 s expected handle time.
     */
    public static QueueConfig of(String id) {
        OverflowTarget voicemail = new OverflowTarget.ToVoicemail(id);
        return new QueueConfig(id, RoutingStrategy.LONGEST_IDLE, Duration.ofSeconds(20), 0, Duration.ZERO, voicemail,
                true, voicemail, List.of(), SkillRelaxation.NONE, 0, Duration.ZERO, Duration.ofSeconds(60),
                Duration.ofSeconds(180));
    }

    public QueueConfig withStrategy(RoutingStrategy s) {
        return new QueueConfig(id, s, serviceLevelThreshold, maxWaiting, waitLimit, overflow, open, whenClosed,
                requiredSkills, relaxation, priorityBoost, wrapUp, announceEvery, expectedHandleTime);
    }

    public QueueConfig withLimits(int maxCallers, Duration limit, OverflowTarget target) {
        return new QueueConfig(id, strategy, serviceLevelThreshold, maxCallers, limit, target, open, whenClosed,
                requiredSkills, relaxation, priorityBoost, wrapUp, announceEvery, expectedHandleTime);
    }

    public QueueConfig withHours(boolean isOpen, OverflowTarget closedTarget) {
        return new QueueConfig(id, strategy, serviceLevelThreshold, maxWaiting, waitLimit, overflow, isOpen,
                closedTarget, requiredSkills, relaxation, priorityBoost, wrapUp, announceEvery, expectedHandleTime);
    }

    public QueueConfig withSkills(List<SkillRequirement> skills, SkillRelaxation relax) {
        return new QueueConfig(id, strategy, serviceLevelThreshold, maxWaiting, waitLimit, overflow, open, whenClosed,
                skills, relax, priorityBoost, wrapUp, announceEvery, expectedHandleTime);
    }

    public QueueConfig withPriorityBoost(int boost) {
        return new QueueConfig(id, strategy, serviceLevelThreshold, maxWaiting, waitLimit, overflow, open, whenClosed,
                requiredSkills, relaxation, boost, wrapUp, announceEvery, expectedHandleTime);
    }

    public QueueConfig withWrapUp(Duration wrap) {
        return new QueueConfig(id, strategy, serviceLevelThreshold, maxWaiting, waitLimit, overflow, open, whenClosed,
                requiredSkills, relaxation, priorityBoost, wrap, announceEvery, expectedHandleTime);
    }

    public QueueConfig withAnnouncements(Duration every, Duration expectedHandle) {
        return new QueueConfig(id, strategy, serviceLevelThreshold, maxWaiting, waitLimit, overflow, open, whenClosed,
                requiredSkills, relaxation, priorityBoost, wrapUp, every, expectedHandle);
    }

    public QueueConfig withServiceLevel(Duration threshold) {
        return new QueueConfig(id, strategy, threshold, maxWaiting, waitLimit, overflow, open, whenClosed,
                requiredSkills, relaxation, priorityBoost, wrapUp, announceEvery, expectedHandleTime);
    }
}
