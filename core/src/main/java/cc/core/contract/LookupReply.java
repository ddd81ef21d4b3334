package cc.core.contract;

import java.util.List;
import java.util.Map;

/**
 * What a lookup found.
 *
 * @param lookup    the lookup asked
 * @param status    FOUND (rows), NONE (the system answered: nothing), UNAVAILABLE (slow, down, refused, or its circuit
 *                  is open), UNKNOWN_LOOKUP (no such lookup configured)
 * @param rows      the records found, each a flat map of display fields in the order configured (orders: number,
 *                  date, status, total)
 * @param reason    for UNAVAILABLE, what the agent is told ("the order system did not answer within 300 ms")
 * @param fromCache whether the rows came from the cache rather than the system just now
 * @param reasonFa  the reason in Persian, for agents whose console speaks it
 */
public record LookupReply(String lookup, Status status, List<Map<String, String>> rows, String reason,
        boolean fromCache, String reasonFa) {

    public enum Status { FOUND, NONE, UNAVAILABLE, UNKNOWN_LOOKUP }

    public LookupReply {
        rows = List.copyOf(rows);
    }

    /** A reply whose reason is told in English only (the Persian text is the same). */
    public LookupReply(String lookup, Status status, List<Map<String, String>> rows, String reason, boolean fromCache) {
        this(lookup, status, rows, reason, fromCache, reason);
    }
}
