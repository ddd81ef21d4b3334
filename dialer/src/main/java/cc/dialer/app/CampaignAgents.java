package cc.dialer.app;

import cc.dialer.domain.pacing.AgentView;

import java.util.List;

/**
 * The campaign's agents as the pacer needs them, asked once a tick on the runner's context (so it must answer from
 * memory, without blocking).
 */
@FunctionalInterface
public interface CampaignAgents {
    List<AgentView> now();
}
