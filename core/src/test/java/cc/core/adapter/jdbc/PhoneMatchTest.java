package cc.core.adapter.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneMatchTest {

    @Test
    @DisplayName("international, 00-prefixed and national forms of one number have the same key")
    void formsOfOneNumberMatch() {
        assertEquals("9120001111", PhoneMatch.key("+98 912 000 1111"));
        assertEquals("9120001111", PhoneMatch.key("00989120001111"));
        assertEquals("9120001111", PhoneMatch.key("09120001111"));
        assertEquals("9120001111", PhoneMatch.key("(0912) 000-1111"));
        assertEquals("9120001111", PhoneMatch.key("۰۹۱۲۰۰۰۱۱۱۱"));
    }

    @Test
    @DisplayName("short numbers are kept whole, and a number without digits has no key")
    void shortAndEmpty() {
        assertEquals("1234", PhoneMatch.key("ext 1234"));
        assertEquals("", PhoneMatch.key("anonymous"));
        assertEquals("", PhoneMatch.key(null));
    }
}
