package cc.core.contract;

import java.util.Map;

/**
 * Asks a configured lookup ({@code orders}) about a customer.
 *
 * @param lookup   the lookup's name in {@code config/lookups.yaml}
 * @param keys     what is known of the customer: {@code customerId}, {@code phone}, {@code accountNumber}, {@code email}
 * @param budgetMs how long the asker will wait at most; the reply comes within it (UNAVAILABLE when the system is slower)
 */
public record LookupRequest(String lookup, Map<String, String> keys, long budgetMs) {
    public LookupRequest {
        keys = Map.copyOf(keys);
    }
}
