package cc.dialer.app;

import cc.core.contract.CampaignDefinition;
import cc.dialer.domain.InvalidField;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the calls of a campaign that the ACD joins to an agent are recorded. The ACD and call control carry the
 * policy out; the campaign only says whether its own choice overrides the queue's.
 */
public enum RecordingChoice {
    /** The campaign's queue decides ({@code acd.queues[].recording}). */
    INHERIT,
    /** Recorded from the agent's answer. */
    ALWAYS,
    /** Never recorded, not even on the agent's request. */
    NEVER,
    /** The agent starts and stops recording. */
    ON_DEMAND;

    /** The value as the contract spells it: {@code inherit}, {@code always}, {@code never}, {@code on-demand}. */
    public String contractValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What to put under {@link cc.core.contract.EnqueueCall#RECORDING_KEY}: nothing when the queue decides. */
    public Optional<String> acdPolicy() {
        return this == INHERIT ? Optional.empty() : Optional.of(contractValue());
    }

    /** The choice a manager gave, or {@link InvalidField} on {@code recording}; {@code null} or blank is inherit. */
    public static RecordingChoice of(String value) {
        String v = value == null || value.isBlank() ? CampaignDefinition.RECORDING_INHERIT
                : value.strip().toLowerCase(Locale.ROOT);
        for (RecordingChoice c : values()) {
            if (c.contractValue().equals(v)) {
                return c;
            }
        }
        throw new InvalidField("recording", "'" + value + "' is not one of "
                + String.join(", ", CampaignDefinition.RECORDING_CHOICES));
    }
}
