package cc.dialer.domain.list;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a call list.
 *
 * @param id          unique within the list
 * @param listId      the list
 * @param phone       the number in E.164 form
 * @param name        the customer's name as imported
 * @param zone        the customer's time zone: calling hours apply in it (UTC, and never used, when the zone stored
 *                    for the contact is unknown: see {@code unknownZone})
 * @param score       the customer's score (value, propensity): higher is called first
 * @param customerId  the CRM customer, when known
 * @param unknownZone the zone stored for the contact when no such zone exists (a row written around the imports'
 *                    checks, or a zone a newer time-zone database knows and this one does not); empty normally. Such
 *                    a contact is never dialled: nobody knows its calling hours
 */
public record Contact(String id, String listId, String phone, String name, ZoneId zone, double score,
                      Optional<Long> customerId, String unknownZone) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(phone, "phone");
        name = name == null ? "" : name;
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(customerId, "customerId");
        unknownZone = unknownZone == null ? "" : unknownZone;
    }

    /** A contact whose zone is known. */
    public Contact(String id, String listId, String phone, String name, ZoneId zone, double score,
                   Optional<Long> customerId) {
        this(id, listId, phone, name, zone, score, customerId, "");
    }

    /** A contact whose stored zone names no zone this server knows. */
    public static Contact withUnknownZone(String id, String listId, String phone, String name, String zone,
                                          double score, Optional<Long> customerId) {
        return new Contact(id, listId, phone, name, ZoneOffset.UTC, score, customerId,
                zone == null || zone.isBlank() ? "(none)" : zone);
    }

    public boolean zoneKnown() {
        return unknownZone.isEmpty();
    }
}
