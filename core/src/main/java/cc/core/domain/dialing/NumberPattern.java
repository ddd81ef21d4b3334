package cc.core.domain.dialing;

import java.util.ArrayList;
import java.util.List;
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

    /** Iran's number classes: mobiles 09, premium 0909, the landline area codes, and the emergency short codes. */
    public static List<NumberPattern> iran() {
        List<NumberPattern> patterns = new ArrayList<>();
        patterns.add(new NumberPattern("ir-mobile", NumberClass.MOBILE, "09", 11, 11));
        patterns.add(new NumberPattern("ir-premium", NumberClass.PREMIUM, "0909", 11, 11));
        for (String area : List.of("11", "13", "17", "21", "23", "24", "25", "26", "28", "31", "34", "35", "38", "41",
                "44", "45", "51", "54", "56", "58", "61", "66", "71", "74", "76", "77", "81", "83", "84", "86", "87")) {
            patterns.add(new NumberPattern("ir-landline-" + area, NumberClass.LANDLINE, "0" + area, 11, 11));
        }
        for (String code : List.of("110", "115", "125", "112")) {
            patterns.add(new NumberPattern("ir-emergency-" + code, NumberClass.EMERGENCY, code, 3, 3));
        }
        return List.copyOf(patterns);
    }
}
