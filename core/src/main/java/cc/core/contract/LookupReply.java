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
 */
public record LookupReply(String lookup, Status status, List<Map<String, String>> rows, String reason,
        boolean fromCache) {

    public enum Status { FOUND, NONE, UNAVAILABLE, UNKNOWN_LOOKUP }

    public LookupReply {
        rows = List.copyOf(rows);
    }
}
