package cc.acd.domain.routing;

import cc.acd.domain.queue.SkillRequirement;

import java.time.Instant;
import java.util.List;

/**
 * A caller as the router sees them now.
 *
 * @param callId        the call
 * @param queueId       the queue it is in
 * @param phase         where it is
 * @param agentId       the agent offered, reserved or talking; empty otherwise
 * @param priority      base priority including the queue's boost
 * @param enqueuedAt    when it started waiting (for a scheduled callback: when it fell due); ordering ages from here
 * @param virtual       a virtual caller holding a callback's place
 * @param requiredSkills the skill needs in force now, after relaxation
 */
public record CallView(String callId, String queueId, CallPhase phase, String agentId, int priority,
                       Instant enqueuedAt, boolean virtual, List<SkillRequirement> requiredSkills) {}
