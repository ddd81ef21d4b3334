package cc.console.domain.i18n;

/** Writes numbers with Persian digits (۰۱۲۳۴۵۶۷۸۹) for Persian readers, and reads either kind back. */
public final class PersianDigits {
    private static final char PERSIAN_ZERO = '\u06F0';
    private static final char ARABIC_ZERO = '\u0660';

    private PersianDigits() {}

    /** Every ASCII digit replaced by its Persian form; everything else unchanged. */
    public static String toPersian(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= '0' && c <= '9' ? (char) (PERSIAN_ZERO + (c - '0')) : c);
        }
        return b.toString();
    }

    /** Persian and Arabic-Indic digits replaced by ASCII digits (what a Persian keyboard types into a number field). */
    public static String toAscii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= PERSIAN_ZERO && c <= PERSIAN_ZERO + 9) {
                b.append((char) ('0' + (c - PERSIAN_ZERO)));
            } else if (c >= ARABIC_ZERO && c <= ARABIC_ZERO + 9) {
                b.append((char) ('0' + (c - ARABIC_ZERO)));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The text as a reader of {@code language} expects its digits. */
    public static String forLanguage(String text, String language) {
        return "fa".equals(language) ? toPersian(text) : text;
    }
}
