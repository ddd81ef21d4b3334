package cc.core.domain.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything we hold on one customer, as the back-office API and the customer events show it.
 *
 * @param id             our id
 * @param externalSource the source system that upserts it, empty for a customer made here
 * @param externalId     the source system's id, empty with {@code externalSource}
 * @param phones         numbers as stored, in order
 * @param emails         addresses, lower case, in order
 * @param mergedInto     the customer this one was merged into, 0 while it stands on its own
 * @param createdAt      when the record was made
 */
public record CustomerRecord(long id, String externalSource, String externalId, String name, List<String> phones,
                             List<String> emails, String accountNumber, String language, String segment,
                             String timeZone, long mergedInto, Instant createdAt) {
    public CustomerRecord {
        Objects.requireNonNull(name, "name");
        externalSource = externalSource == null ? "" : externalSource;
        externalId = externalId == null ? "" : externalId;
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        accountNumber = accountNumber == null ? "" : accountNumber;
        language = language == null ? "" : language;
        segment = segment == null ? "" : segment;
        timeZone = timeZone == null ? "" : timeZone;
    }

    public Optional<Long> mergedIntoId() {
        return mergedInto == 0 ? Optional.empty() : Optional.of(mergedInto);
    }

    /**
     * The names of the fields whose values differ from {@code before} (phones and emails compared in order): what a
     * {@code customer.changed} event lists; empty when nothing a reader could see changed.
     */
    public List<String> changedFrom(CustomerRecord before) {
        List<String> changed = new ArrayList<>();
        diff(changed, "externalSource", before.externalSource, externalSource);
        diff(changed, "externalId", before.externalId, externalId);
        diff(changed, "name", before.name, name);
        diff(changed, "phones", before.phones, phones);
        diff(changed, "emails", before.emails, emails);
        diff(changed, "accountNumber", before.accountNumber, accountNumber);
        diff(changed, "language", before.language, language);
        diff(changed, "segment", before.segment, segment);
        diff(changed, "timeZone", before.timeZone, timeZone);
        diff(changed, "mergedInto", before.mergedInto, mergedInto);
        return changed;
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!before.equals(after)) {
            changed.add(field);
        }
    }
}
