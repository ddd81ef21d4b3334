package cc.dialer.domain.list;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a call list.
 *
 * @param id         unique within the list
 * @param listId     the list
 * @param phone      the number in E.164 form
 * @param name       the customer's name as imported
 * @param zone       the customer's time zone: calling hours apply in it
 * @param score      the customer's score (value, propensity): higher is called first
 * @param customerId the CRM customer, when known
 */
public record Contact(String id, String listId, String phone, String name, ZoneId zone, double score,
                      Optional<Long> customerId) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(phone, "phone");
        name = name == null ? "" : name;
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(customerId, "customerId");
    }
}
