package cc.core.contract;

import java.util.Objects;

/**
 * An agent asks for the next record of a running preview campaign on their queues.
 *
 * @param agentId the agent who will review and dial it
 */
public record TakePreviewRecord(String agentId) {
    public TakePreviewRecord {
        Objects.requireNonNull(agentId, "agentId");
    }
}
