package cc.dialer.domain.report;

import cc.dialer.domain.campaign.AttemptOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One dial attempt as the reports need it.
 *
 * @param campaignId       the campaign
 * @param contactId        the contact dialled
 * @param dialedAt         when the dial left
 * @param outcome          how it ended
 * @param answeredTime     from answer to hang-up (what the carrier bills), zero when never answered
 * @param talkTime         agent talk time, zero unless connected
 * @param amdFalsePositive answering-machine detection dropped a live person (from review or a reasoned estimate)
 * @param converted        the agent recorded a conversion (sale, promise to pay...)
 */
public record AttemptRecord(String campaignId, String contactId, Instant dialedAt, AttemptOutcome outcome,
                            Duration answeredTime, Duration talkTime, boolean amdFalsePositive, boolean converted) {
    public AttemptRecord {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(dialedAt, "dialedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(answeredTime, "answeredTime");
        Objects.requireNonNull(talkTime, "talkTime");
        if (amdFalsePositive && outcome != AttemptOutcome.MACHINE) {
            throw new IllegalArgumentException("only a machine outcome can be an AMD false positive");
        }
    }

    /** The same attempt for another campaign. */
    public AttemptRecord withCampaign(String otherCampaign) {
        return new AttemptRecord(otherCampaign, contactId, dialedAt, outcome, answeredTime, talkTime,
                amdFalsePositive, converted);
    }

    /** Started minutes billed for the call. */
    public long billedMinutes() {
        long s = answeredTime.toSeconds() + (answeredTime.toNanosPart() > 0 ? 1 : 0);
        return (s + 59) / 60;
    }
}
