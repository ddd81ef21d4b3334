package cc.core.contract;

import java.time.Instant;

/**
 * The reply to {@link AddDoNotCall}.
 *
 * @param number  the number as the list keeps it (E.164)
 * @param addedAt when
 */
public record DoNotCallAdded(String number, Instant addedAt) {}
