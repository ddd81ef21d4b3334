package cc.dialer.domain.segment;

import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.PhoneNumbers;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the customers a segment matched (highest score first) into a call list: each customer's first number that
 * is a phone number (put in E.164 form) becomes a contact; a customer whose number is already on the list is counted
 * a duplicate; a customer with no usable number is reported with the reason. Nothing is dropped silently:
 * {@code rows = accepted + duplicates + problems}.
 */
public final class SegmentListBuilder {
    private final PhoneNumbers numbers;
    private final ZoneId defaultZone;

    public SegmentListBuilder(PhoneNumbers numbers, ZoneId defaultZone) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /**
     * One matched customer.
     *
     * @param customerId the customer
     * @param name       the customer's name
     * @param timeZone   the customer's zone id, empty when unknown (the default zone applies)
     * @param score      the score the list is ordered by (0 when the customer has none)
     * @param phones     the customer's numbers as entered, first the preferred one
     */
    public record CustomerRow(long customerId, String name, Optional<String> timeZone, double score,
                              List<String> phones) {
        public CustomerRow {
            name = name == null ? "" : name;
            Objects.requireNonNull(timeZone, "timeZone");
            phones = List.copyOf(phones);
        }

        String describe() {
            return name + " (customer " + customerId + ")";
        }
    }

    /** A customer that did not become a contact, and why. */
    public record Problem(long customerId, String reason, String row) {}

    /** The list built: contacts in call order, duplicates left out, problems. */
    public record Built(int rows, List<Contact> accepted, int duplicates, List<Problem> problems) {
        public Built {
            accepted = List.copyOf(accepted);
            problems = List.copyOf(problems);
        }
    }

    /** Builds list {@code listId} from {@code rows}, taking at most {@code limit} contacts (0: all). */
    public Built build(String listId, List<CustomerRow> rows, int limit) {
        List<Contact> accepted = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> firstCustomerOfNumber = new HashMap<>();
        int duplicates = 0;
        int read = 0;
        for (CustomerRow r : rows) {
            if (limit > 0 && accepted.size() >= limit) {
                break;
            }
            read++;
            if (r.phones().isEmpty()) {
                problems.add(new Problem(r.customerId(), "no phone number", r.describe()));
                continue;
            }
            Optional<String> phone = Optional.empty();
            for (String raw : r.phones()) {
                phone = numbers.canonical(raw);
                if (phone.isPresent()) {
                    break;
                }
            }
            if (phone.isEmpty()) {
                problems.add(new Problem(r.customerId(), "'" + String.join("', '", r.phones())
                        + "' is not a phone number", r.describe()));
                continue;
            }
            ZoneId zone = defaultZone;
            if (r.timeZone().isPresent() && !r.timeZone().get().isBlank()) {
                try {
                    zone = ZoneId.of(r.timeZone().get());
                } catch (DateTimeException e) {
                    problems.add(new Problem(r.customerId(), "unknown time zone '" + r.timeZone().get() + "'",
                            r.describe()));
                    continue;
                }
            }
            if (firstCustomerOfNumber.putIfAbsent(phone.get(), r.customerId()) != null) {
                duplicates++;
                continue;
            }
            accepted.add(new Contact(listId + "-" + r.customerId(), listId, phone.get(), r.name(), zone, r.score(),
                    Optional.of(r.customerId())));
        }
        return new Built(read, accepted, duplicates, problems);
    }
}
