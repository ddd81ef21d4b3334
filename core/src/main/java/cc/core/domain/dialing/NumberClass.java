package cc.core.domain.dialing;

/** What kind of number a dialled number is, as the dial plan classifies it. */
public enum NumberClass {
    MOBILE,
    LANDLINE,
    TOLL_FREE,
    /** Premium-rate or shared-cost: costs the caller (us) more; refused unless allowed. */
    PREMIUM,
    /** Emergency and short service codes: never dialled by the contact center. */
    EMERGENCY,
    /** A number in another country; refused unless allowed. */
    INTERNATIONAL,
    /** A national number no configured pattern matches. */
    UNKNOWN
}
