package cc.acd.domain.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who an agent is to routing: the skills with their proficiency, and the queues the agent takes calls from.
 *
 * @param agentId the agent
 * @param skills  skill name to proficiency, 1 (novice) to 10 (expert)
 * @param queues  the queues the agent serves; one fair order is kept across all of them
 */
public record AgentProfile(String agentId, Map<String, Integer> skills, List<String> queues) {
    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 10;

    public AgentProfile {
        Objects.requireNonNull(agentId, "agentId");
        if (agentId.isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
        skills = Map.copyOf(skills);
        queues = List.copyOf(queues);
        skills.forEach((skill, level) -> {
            if (level < MIN_LEVEL || level > MAX_LEVEL) {
                throw new IllegalArgumentException("agent " + agentId + ": skill " + skill + " level must be "
                        + MIN_LEVEL + ".." + MAX_LEVEL + ", was " + level);
            }
        });
        if (queues.size() != queues.stream().distinct().count()) {
            throw new IllegalArgumentException("agent " + agentId + ": a queue is listed twice in " + queues);
        }
    }

    /** The agent's level in the skill, 0 when the agent does not have it. */
    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
