package cc.dialer.domain.list;

import java.util.Optional;

/**
 * Puts phone numbers in one canonical E.164 form ({@code +98912...}) so that de-duplication and do-not-call
 * matching do not depend on how a number was written.
 */
public final class PhoneNumbers {
    private final String countryCode;
    private final String trunkPrefix;
    private final String internationalPrefix;

    /** E.g. {@code new PhoneNumbers("98", "0", "00")} for Iran, {@code ("44", "0", "00")} for the UK. */
    public PhoneNumbers(String countryCode, String trunkPrefix, String internationalPrefix) {
        this.countryCode = countryCode;
        this.trunkPrefix = trunkPrefix;
        this.internationalPrefix = internationalPrefix;
    }

    /** The E.164 form, or empty when {@code raw} is not a phone number. */
    public Optional<String> canonical(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        String s = raw.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '+' && b.length() == 0) {
                b.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        String n = b.toString();
        String e164;
        if (n.startsWith("+")) {
            e164 = n.substring(1);
        } else if (n.startsWith(internationalPrefix)) {
            e164 = n.substring(internationalPrefix.length());
        } else if (!trunkPrefix.isEmpty() && n.startsWith(trunkPrefix)) {
            e164 = countryCode + n.substring(trunkPrefix.length());
        } else {
            return Optional.empty();
        }
        if (e164.length() < 8 || e164.length() > 15 || e164.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + e164);
    }
}
