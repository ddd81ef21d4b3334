package cc.dialer.domain.list;

import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a contact may be dialled at a moment: the picker uses it to choose, and the dialing owner calls it again
 * right before the dial, so a number put on the do-not-call list, or hours that closed, since the pick still stop it.
 */
public final class Eligibility {
    private Eligibility() {}

    /** Empty when the contact may be dialled now; otherwise the first reason it may not. */
    public static Optional<SkipReason> check(Campaign campaign, Contact contact, ContactProgress progress,
                                             DoNotCallList dnc, Instant now) {
        if (!campaign.listIds().contains(contact.listId())) {
            return Optional.of(SkipReason.NOT_IN_CAMPAIGN_LISTS);
        }
        if (dnc.blocks(contact.phone())) {
            return Optional.of(SkipReason.DO_NOT_CALL);
        }
        if (progress.finished()) {
            return Optional.of(attemptsUsedUp(campaign, progress) ? SkipReason.MAX_ATTEMPTS : SkipReason.FINISHED);
        }
        if (progress.attempts() >= campaign.retries().maxAttempts() && progress.callbackAt().isEmpty()) {
            return Optional.of(SkipReason.MAX_ATTEMPTS);
        }
        if (progress.callbackAt().isPresent() && progress.callbackAt().get().isAfter(now)) {
            return Optional.of(SkipReason.CALLBACK_NOT_DUE);
        }
        if (progress.retryAt().isPresent() && progress.retryAt().get().isAfter(now)) {
            return Optional.of(SkipReason.RETRY_NOT_DUE);
        }
        if (!contact.zoneKnown()) {
            return Optional.of(SkipReason.UNKNOWN_TIME_ZONE);
        }
        if (!campaign.runsOn(now, contact.zone())) {
            return Optional.of(SkipReason.OUTSIDE_CAMPAIGN_DAYS);
        }
        CallingHours.Verdict v = campaign.hours().check(now, contact.zone());
        switch (v) {
            case HOLIDAY:
                return Optional.of(SkipReason.HOLIDAY);
            case DAY_OFF:
                return Optional.of(SkipReason.DAY_OFF);
            case OUTSIDE_HOURS:
                return Optional.of(SkipReason.OUTSIDE_HOURS);
            default:
                return Optional.empty();
        }
    }

    /**
     * Finished only because the attempts ran out: the last outcome would have been tried again. Told apart from other
     * finished contacts because "attempts used up" is a decision not to dial that the audit must name.
     */
    private static boolean attemptsUsedUp(Campaign campaign, ContactProgress progress) {
        return progress.attempts() >= campaign.retries().maxAttempts()
                && progress.lastOutcome().flatMap(campaign.retries()::delayAfter).isPresent();
    }
}
