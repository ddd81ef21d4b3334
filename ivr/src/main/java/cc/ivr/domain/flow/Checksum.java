package cc.ivr.domain.flow;

import java.util.Locale;

/** Check-digit schemes a collected number can be validated with. */
public enum Checksum {
    /** Luhn mod 10 (card and many account numbers): the last digit checks the rest. */
    LUHN {
        @Override
        public boolean accepts(String digits) {
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
                return false;
            }
            int sum = 0;
            boolean twice = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (twice) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                twice = !twice;
            }
            return sum % 10 == 0;
        }
    };

    public abstract boolean accepts(String digits);

    /** The scheme for a config name, or an error naming the known ones. */
    public static Checksum parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown checksum '" + name + "' (known: luhn)");
        }
    }
}
