package cc.core.config;

import cc.core.domain.dialing.DialPlanConfig;
import cc.core.domain.dialing.NumberClass;
import cc.core.domain.dialing.NumberPattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialPlanSectionTest {
    private static DialPlanConfig read(String yaml) {
        ConfigNode root = ConfigNode.parse("plan.yaml", yaml, Map.<String, String>of()::get);
        DialPlanConfig c = DialPlanSection.read(root.child("numbers"), 25);
        root.finish();
        return c;
    }

    @Test
    @DisplayName("left out, the section is Iran's numbers with mobiles and landlines allowed, nothing abroad")
    void defaults() {
        DialPlanConfig c = read("{}");
        assertEquals("98", c.countryCode());
        assertEquals(Set.copyOf(cc.core.domain.dialing.NumberPattern.iran()), Set.copyOf(c.patterns()));
        assertEquals(Set.of(NumberClass.MOBILE, NumberClass.LANDLINE), c.allowedClasses());
        assertFalse(c.allowInternational());
        assertEquals(25, c.globalLineCap());
    }

    @Test
    @DisplayName("patterns, classes and countries are read as written")
    void readsEverything() {
        DialPlanConfig c = read("numbers:\n  countryCode: '44'\n  patterns:\n"
                + "    - {name: uk-mobile, class: mobile, prefix: '07', minDigits: 11, maxDigits: 11}\n"
                + "    - {name: uk-premium, class: premium, prefix: '09', minDigits: 11}\n"
                + "  allow: [mobile, premium]\n  international: true\n  countries: ['33', '49']\n");
        assertEquals(List.of(new NumberPattern("uk-mobile", NumberClass.MOBILE, "07", 11, 11),
                new NumberPattern("uk-premium", NumberClass.PREMIUM, "09", 11, 11)), c.patterns());
        assertTrue(c.allowedClasses().contains(NumberClass.PREMIUM));
        assertEquals(Set.of("33", "49"), c.allowedCountryCodes());
    }

    @Test
    @DisplayName("a wrong value names the file and the key")
    void errorsNameFileAndKey() {
        assertEquals("plan.yaml: numbers.allow: emergency numbers cannot be allowed here (emergency never; "
                + "international with international: true)", assertThrows(ConfigException.class,
                () -> read("numbers:\n  allow: [emergency]\n")).getMessage());
        assertEquals("plan.yaml: numbers.patterns[0].class: \"satellite\" is not one of mobile, landline, toll_free, "
                + "premium, emergency", assertThrows(ConfigException.class,
                () -> read("numbers:\n  patterns:\n    - {name: x, class: satellite, prefix: '0'}\n")).getMessage());
        assertEquals("plan.yaml: numbers.countryCode: must be digits, was \"+98\"",
                assertThrows(ConfigException.class, () -> read("numbers:\n  countryCode: '+98'\n")).getMessage());
    }
}
