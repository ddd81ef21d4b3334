package cc.console.domain.quality;

import java.util.Locale;

/** How a criterion is answered: yes or no, or a mark from 1 (poor) to 5 (excellent). */
public enum Scale {
    YES_NO("yes-no"), ONE_TO_FIVE("1-5");

    private final String code;

    Scale(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The scale named {@code yes-no} or {@code 1-5}; anything else is refused. */
    public static Scale of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (Scale s : values()) {
            if (s.code.equals(c)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be yes-no or 1-5, was '" + code + "'");
    }
}
