package cc.core.contract;

import java.time.Instant;

/**
 * The IVR identified the caller (by caller ID or by the account number keyed).
 *
 * @param uniqueId   the caller's channel Uniqueid
 * @param customerId the customer
 * @param at         when
 */
public record CustomerIdentified(String uniqueId, long customerId, Instant at) {}
