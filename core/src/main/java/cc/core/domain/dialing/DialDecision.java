package cc.core.domain.dialing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a number may be dialled now, and why: one audit-log entry.
 *
 * @param allowed     true when the call may be placed
 * @param reason      the rule that decided
 * @param detail      a sentence for people reading the audit log
 * @param number      the number as requested
 * @param dialDigits  the digits to send to the trunk (national form at home, international prefix abroad), empty
 *                    when the number was malformed
 * @param numberClass what the number is
 * @param pattern     the configured pattern that matched, if any
 * @param campaignId  the campaign, empty for click-to-dial
 * @param requestedBy who asked
 * @param at          when
 */
public record DialDecision(boolean allowed, Reason reason, String detail, String number, String dialDigits,
                           NumberClass numberClass, Optional<String> pattern, Optional<String> campaignId,
                           String requestedBy, Instant at) {

    /** The rule that decided. */
    public enum Reason {
        ALLOWED,
        MALFORMED,
        EMERGENCY_REFUSED,
        PREMIUM_REFUSED,
        INTERNATIONAL_REFUSED,
        CLASS_NOT_ALLOWED,
        NO_MATCHING_PATTERN,
        GLOBAL_LINE_CAP,
        CAMPAIGN_LINE_CAP
    }

    public DialDecision {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(dialDigits, "dialDigits");
        Objects.requireNonNull(numberClass, "numberClass");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(campaignId, "campaignId");
        if (allowed != (reason == Reason.ALLOWED)) {
            throw new IllegalArgumentException("allowed must match the reason " + reason);
        }
    }
}
