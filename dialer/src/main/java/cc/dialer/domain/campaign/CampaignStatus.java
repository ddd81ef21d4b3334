package cc.dialer.domain.campaign;

import java.util.Optional;

/** Where a campaign stands; the manager's START, PAUSE and STOP move it, running out of contacts finishes it. */
public enum CampaignStatus {
    /** Saved, never started. */
    DRAFT,
    /** Placing calls. */
    RUNNING,
    /** No new calls; may start again. */
    PAUSED,
    /** Ended for good by the manager. */
    STOPPED,
    /** Nothing left to dial; may start again when lists or retries give it more. */
    FINISHED;

    /** The status after {@code action}, or empty with the reason in {@code why} when the action does not apply. */
    public Optional<CampaignStatus> after(String action) {
        switch (action) {
            case "START":
                return this == STOPPED || this == RUNNING ? Optional.empty() : Optional.of(RUNNING);
            case "PAUSE":
                return this == RUNNING ? Optional.of(PAUSED) : Optional.empty();
            case "STOP":
                return this == STOPPED ? Optional.empty() : Optional.of(STOPPED);
            default:
                return Optional.empty();
        }
    }

    /** Whether the definition may be changed in this status. */
    public boolean editable() {
        return this != RUNNING && this != STOPPED;
    }
}
