package cc.console.domain.i18n;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersianDigitsTest {
    @Test
    @DisplayName("numbers are written with Persian digits for Persian readers only")
    void writes() {
        assertEquals("۰۹۱۲ ۳۴۵ ۶۷۸۹", PersianDigits.toPersian("0912 345 6789"));
        assertEquals("صف ۳", PersianDigits.forLanguage("صف 3", "fa"));
        assertEquals("queue 3", PersianDigits.forLanguage("queue 3", "en"));
    }

    @Test
    @DisplayName("numbers typed with Persian or Arabic digits are read as ASCII")
    void reads() {
        assertEquals("09123456789", PersianDigits.toAscii("۰۹۱۲۳۴۵۶۷۸۹"));
        assertEquals("0123", PersianDigits.toAscii("٠١٢٣"));
        assertEquals("IRR 1500", PersianDigits.toAscii("IRR ۱۵۰۰"));
    }
}
