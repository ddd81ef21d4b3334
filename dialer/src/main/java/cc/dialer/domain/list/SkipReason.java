package cc.dialer.domain.list;

/** Why a contact is not dialled now. */
public enum SkipReason {
    FINISHED,
    MAX_ATTEMPTS,
    RETRY_NOT_DUE,
    CALLBACK_NOT_DUE,
    OUTSIDE_CAMPAIGN_DAYS,
    OUTSIDE_HOURS,
    DAY_OFF,
    HOLIDAY,
    DO_NOT_CALL,
    NOT_IN_CAMPAIGN_LISTS
}
