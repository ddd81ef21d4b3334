package cc.core.domain.customer;

import java.util.List;
import java.util.Objects;

/**
 * A customer as a source system (a CRM, an ERP) states it: the whole record, replacing what we hold for its external
 * id. Fields left out are empty, so an upsert of the same profile twice changes nothing the second time.
 *
 * @param source        the source system's name ({@code crm}); with {@code externalId} the key of the upsert
 * @param externalId    the source system's id for the customer
 * @param name          display name
 * @param phones        numbers as given (caller ID is matched on their digits), in order
 * @param emails        addresses, lower case
 * @param accountNumber the account number a caller can key in the IVR, empty if none
 * @param language      preferred language tag ({@code fa}, {@code en})
 * @param segment       segment name, empty if none
 * @param timeZone      IANA zone id, empty for the dialer's default
 */
public record CustomerProfile(String source, String externalId, String name, List<String> phones, List<String> emails,
                              String accountNumber, String language, String segment, String timeZone) {
    public CustomerProfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        accountNumber = accountNumber == null ? "" : accountNumber;
        language = language == null || language.isBlank() ? "en" : language;
        segment = segment == null ? "" : segment;
        timeZone = timeZone == null ? "" : timeZone;
    }
}
