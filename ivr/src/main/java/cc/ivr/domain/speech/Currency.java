package cc.ivr.domain.speech;

import java.util.Locale;

/** The currencies the IVR can speak. Rial and toman have no minor unit in speech; the dollar has cents. */
public enum Currency {
    RIAL(false), TOMAN(false), DOLLAR(true);

    private final boolean hasCents;

    Currency(boolean hasCents) {
        this.hasCents = hasCents;
    }

    public boolean hasCents() {
        return hasCents;
    }

    /** The currency for a config or database name ({@code rial}, {@code IRR}, {@code toman}, {@code dollar}, {@code USD}). */
    public static Currency parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "rial":
            case "irr":
                return RIAL;
            case "toman":
                return TOMAN;
            case "dollar":
            case "usd":
            case "$":
                return DOLLAR;
            default:
                throw new IllegalArgumentException("unknown currency '" + name + "' (rial, toman, dollar)");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
