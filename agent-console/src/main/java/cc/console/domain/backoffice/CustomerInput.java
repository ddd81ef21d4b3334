package cc.console.domain.backoffice;

import cc.console.domain.i18n.PersianDigits;
import cc.core.domain.customer.CustomerProfile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer sent by another system, checked before anything is stored: one JSON object (an upsert, a JSON line) or
 * a CSV line under its header. Every refusal names the field and says what is expected, for the import's report and
 * the API's 400 answers.
 */
public final class CustomerInput {
    /** The fields a customer may have, as JSON keys and CSV columns. */
    public static final List<String> FIELDS = List.of("externalId", "name", "phones", "emails", "accountNumber",
            "language", "segment", "timeZone");
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_PHONES = 10;
    private static final int MAX_EMAILS = 10;

    private CustomerInput() {
    }

    /** A valid customer, or why not. */
    public sealed interface Result permits Valid, Invalid {}

    public record Valid(CustomerProfile profile) implements Result {}

    public record Invalid(String reason) implements Result {}

    /** Why a source system's name is refused, if it is. */
    public static Optional<String> checkSource(String source) {
        return source != null && SOURCE.matcher(source).matches() ? Optional.empty()
                : Optional.of("source: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    /** Why an external id is refused, if it is. */
    public static Optional<String> checkExternalId(String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            return Optional.of("externalId: 1 to 128 characters");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("externalId: no control characters");
        }
        return Optional.empty();
    }

    /**
     * A JSON object's fields: strings, and arrays of strings for {@code phones} and {@code emails}. {@code externalId}
     * is the one the address names (the body may repeat it) or, for a JSON line, the body's.
     */
    public static Result fromMap(String source, Optional<String> pathExternalId, Map<String, Object> fields) {
        for (String key : fields.keySet()) {
            if (!FIELDS.contains(key)) {
                return new Invalid(key + ": not a customer field (fields: " + String.join(", ", FIELDS) + ")");
            }
        }
        Object bodyId = fields.get("externalId");
        if (bodyId instanceof Number n) {
            bodyId = n.toString(); // a source system's numeric ids are taken as their digits
        }
        if (bodyId != null && !(bodyId instanceof String)) {
            return new Invalid("externalId: must be a string");
        }
        if (pathExternalId.isPresent() && bodyId != null && !pathExternalId.get().equals(bodyId)) {
            return new Invalid("externalId: the body says '" + bodyId + "' but the address says '"
                    + pathExternalId.get() + "'");
        }
        String externalId = pathExternalId.orElse(bodyId == null ? "" : (String) bodyId);
        List<String> phones;
        List<String> emails;
        try {
            phones = strings(fields.get("phones"), "phones");
            emails = strings(fields.get("emails"), "emails");
            return build(source, externalId, text(fields, "name"), phones, emails, text(fields, "accountNumber"),
                    text(fields, "language"), text(fields, "segment"), text(fields, "timeZone"));
        } catch (IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        }
    }

    /** Why a CSV header is refused, if it is: unknown or repeated columns, or no {@code externalId} or {@code name}. */
    public static Optional<String> checkHeader(List<String> header) {
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!FIELDS.contains(column)) {
                return Optional.of("header: '" + column + "' is not a customer field (columns: "
                        + String.join(", ", FIELDS) + ")");
            }
            if (!seen.add(column)) {
                return Optional.of("header: column '" + column + "' appears twice");
            }
        }
        if (!seen.contains("externalId") || !seen.contains("name")) {
            return Optional.of("header: needs at least the columns externalId and name");
        }
        return Optional.empty();
    }

    /** A CSV line's fields under a header {@link #checkHeader} accepted; phones and emails separated by ';'. */
    public static Result fromCsv(String source, List<String> header, List<String> cells) {
        if (cells.size() != header.size()) {
            return new Invalid("the line has " + cells.size() + " fields, the header " + header.size());
        }
        String[] v = new String[FIELDS.size()];
        for (int i = 0; i < header.size(); i++) {
            v[FIELDS.indexOf(header.get(i))] = cells.get(i);
        }
        try {
            return build(source, orEmpty(v[0]), orEmpty(v[1]), list(v[2]), list(v[3]), orEmpty(v[4]), orEmpty(v[5]),
                    orEmpty(v[6]), orEmpty(v[7]));
        } catch (IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        }
    }

    private static Result build(String source, String externalId, String name, List<String> phones,
                                List<String> emails, String account, String language, String segment, String zone) {
        Optional<String> bad = checkSource(source).or(() -> checkExternalId(externalId.strip()));
        if (bad.isPresent()) {
            return new Invalid(bad.get());
        }
        name = name.strip();
        if (name.isEmpty() || name.length() > 200) {
            return new Invalid("name: 1 to 200 characters");
        }
        if (phones.size() > MAX_PHONES) {
            return new Invalid("phones: at most " + MAX_PHONES);
        }
        List<String> numbers = new ArrayList<>();
        for (String p : phones) {
            String number = PersianDigits.toAscii(p.strip());
            long digits = number.chars().filter(Character::isDigit).count();
            if (digits < 3 || number.length() > 64 || !number.matches("[+0-9 ()./-]+")) {
                return new Invalid("phones: '" + p + "' is not a phone number (digits, spaces, +, -, ., ( ) only)");
            }
            numbers.add(number);
        }
        if (emails.size() > MAX_EMAILS) {
            return new Invalid("emails: at most " + MAX_EMAILS);
        }
        List<String> addresses = new ArrayList<>();
        for (String e : emails) {
            String address = e.strip().toLowerCase(Locale.ROOT);
            if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
                return new Invalid("emails: '" + e + "' is not an email address");
            }
            addresses.add(address);
        }
        account = PersianDigits.toAscii(account.strip());
        if (account.length() > 64) {
            return new Invalid("accountNumber: at most 64 characters");
        }
        language = language.strip().isEmpty() ? "fa" : language.strip();
        if (!LANGUAGE.matcher(language).matches()) {
            return new Invalid("language: a language tag such as fa or en");
        }
        segment = segment.strip();
        if (segment.length() > 64) {
            return new Invalid("segment: at most 64 characters");
        }
        zone = zone.strip();
        if (!zone.isEmpty()) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                return new Invalid("timeZone: '" + zone + "' is not a time zone (an IANA id such as Asia/Tehran)");
            }
        }
        return new Valid(new CustomerProfile(source, externalId.strip(), name, numbers, addresses, account, language,
                segment, zone));
    }

    private static String text(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(key + ": must be a string");
        }
        return s;
    }

    private static List<String> strings(Object v, String key) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(key + ": must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException(key + ": must be an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    private static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
