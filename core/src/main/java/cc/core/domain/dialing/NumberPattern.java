package cc.core.domain.dialing;

import java.util.Objects;

/**
 * A configured class of national numbers: numbers in national form (with the trunk prefix, e.g. {@code 0912...})
 * starting with {@code prefix} and {@code minDigits..maxDigits} digits long.
 *
 * @param name        for the audit log, e.g. {@code ir-mobile}
 * @param numberClass what such numbers are
 * @param prefix      digits the national form starts with
 * @param minDigits   shortest valid length of the national form
 * @param maxDigits   longest valid length of the national form
 */
public record NumberPattern(String name, NumberClass numberClass, String prefix, int minDigits, int maxDigits) {
    public NumberPattern {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(numberClass, "numberClass");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("pattern " + name + ": prefix must be digits, was '" + prefix + "'");
        }
        if (minDigits < prefix.length() || maxDigits < minDigits) {
            throw new IllegalArgumentException("pattern " + name + ": need prefix length <= minDigits <= maxDigits");
        }
        if (numberClass == NumberClass.INTERNATIONAL || numberClass == NumberClass.UNKNOWN) {
            throw new IllegalArgumentException("pattern " + name + ": national patterns cannot be " + numberClass);
        }
    }

    public boolean matches(String nationalDigits) {
        return nationalDigits.startsWith(prefix) && nationalDigits.length() >= minDigits
                && nationalDigits.length() <= maxDigits;
    }
}
