package cc.dialer.app;

import cc.dialer.domain.list.ContactProgress;

import java.time.Instant;

/**
 * Where a running campaign writes what must survive a restart and feed its reports. Called on the runner's context;
 * implementations write asynchronously, in call order, and log (never throw) a failed write.
 */
public interface CampaignJournal {
    /** A contact's new retry state. */
    void progress(ContactProgress progress);

    /** An attempt placed or changed (the whole row). */
    void attempt(AttemptState attempt);

    /** {@code agentSeconds} of agent time given to the campaign up to {@code at}. */
    void agentTime(Instant at, double agentSeconds);

    /** Writes nothing: a campaign run only in memory (tests of the runner alone). */
    CampaignJournal NONE = new CampaignJournal() {
        @Override
        public void progress(ContactProgress progress) {}

        @Override
        public void attempt(AttemptState attempt) {}

        @Override
        public void agentTime(Instant at, double agentSeconds) {}
    };
}
