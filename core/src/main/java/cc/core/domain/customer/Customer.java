package cc.core.domain.customer;

import java.util.List;
import java.util.Objects;

/**
 * A customer of the organisation.
 *
 * @param id           our id
 * @param name         display name
 * @param phoneNumbers numbers in E.164 or national form as stored; caller ID is matched against them
 * @param accountNumber the account number a caller can key in the IVR, empty if none
 * @param language     preferred language tag ({@code fa}, {@code en})
 * @param segment      the segment name the list generator and routing use, empty if none
 */
public record Customer(long id, String name, List<String> phoneNumbers, String accountNumber, String language,
                       String segment) {
    public Customer {
        Objects.requireNonNull(name, "name");
        phoneNumbers = List.copyOf(phoneNumbers);
        accountNumber = accountNumber == null ? "" : accountNumber;
        language = language == null || language.isBlank() ? "en" : language;
        segment = segment == null ? "" : segment;
    }
}
