package cc.dialer.domain.list;

import java.util.Optional;

/**
 * Why a contact is not dialled now. Each reason has a stable {@link #code()}: the dial audit's {@code SKIPPED} rows
 * start their detail with it, so people and queries can count skips by reason without parsing sentences.
 */
public enum SkipReason {
    /** Reached, or a final outcome, or refused by the dial permissions: the row that finished it says which. */
    FINISHED("finished"),
    /** Every attempt the campaign allows was used on outcomes that would otherwise be tried again. */
    MAX_ATTEMPTS("max-attempts"),
    RETRY_NOT_DUE("retry-not-due"),
    CALLBACK_NOT_DUE("callback-not-due"),
    /** Before the campaign's first day or after its last, in the contact's own zone. */
    OUTSIDE_CAMPAIGN_DAYS("outside-campaign-days"),
    /** Outside the calling hours of the day in the contact's own zone. */
    OUTSIDE_HOURS("outside-hours"),
    DAY_OFF("day-off"),
    HOLIDAY("holiday"),
    DO_NOT_CALL("do-not-call"),
    /** The contact's stored time zone is no zone this server knows: its calling hours cannot be kept. */
    UNKNOWN_TIME_ZONE("unknown-time-zone"),
    NOT_IN_CAMPAIGN_LISTS("not-in-campaign-lists");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    /** The stable, lower-case code of the reason ({@code do-not-call}, {@code outside-hours}...). */
    public String code() {
        return code;
    }

    /** The reason whose {@link #code()} this is, if any. */
    public static Optional<SkipReason> ofCode(String code) {
        for (SkipReason r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
