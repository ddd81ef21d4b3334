package cc.acd.domain.queue;

import cc.acd.domain.agent.AgentProfile;

import java.util.Objects;

/**
 * A skill a caller needs, at least at this level.
 *
 * @param skill    the skill name
 * @param minLevel the lowest proficiency that may take the call, 1..10
 */
public record SkillRequirement(String skill, int minLevel) {
    public SkillRequirement {
        Objects.requireNonNull(skill, "skill");
        if (minLevel < AgentProfile.MIN_LEVEL || minLevel > AgentProfile.MAX_LEVEL) {
            throw new IllegalArgumentException("skill " + skill + " minimum level must be 1..10, was " + minLevel);
        }
    }
}
