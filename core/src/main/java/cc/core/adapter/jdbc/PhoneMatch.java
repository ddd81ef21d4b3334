package cc.core.adapter.jdbc;

/**
 * How a caller ID is matched to a customer's stored numbers: by the last ten digits.
 *
 * <p>Everything but digits is dropped (Persian and Arabic-Indic digits count as digits), then the last ten digits
 * are kept; a number with fewer digits is kept whole. Ten digits is an Iranian national significant number
 * ({@code 912 000 1111}), so {@code +98 912 000 1111}, {@code 00989120001111} and {@code 09120001111} all match,
 * whatever trunk prefix or country code the network presented. The price: two numbers in different countries
 * that share their last ten digits are the same number to us.
 */
public final class PhoneMatch {

    /** How many trailing digits identify a number. */
    public static final int DIGITS = 10;

    private PhoneMatch() {
    }

    /** The match key of {@code number}; empty when it has no digits (anonymous, withheld). */
    public static String key(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            int d = Character.digit(number.charAt(i), 10);
            if (d >= 0) {
                digits.append((char) ('0' + d));
            }
        }
        return digits.length() <= DIGITS ? digits.toString() : digits.substring(digits.length() - DIGITS);
    }
}
