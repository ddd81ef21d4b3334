package cc.core.contract;

import java.util.Objects;

/**
 * A number goes on the do-not-call list at once; every later campaign dial checks it.
 *
 * @param number the number as written (national or international form)
 * @param reason why (kept with the number)
 * @param byUser the console user who added it
 */
public record AddDoNotCall(String number, String reason, String byUser) {
    public AddDoNotCall {
        Objects.requireNonNull(number, "number");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(byUser, "byUser");
    }
}
