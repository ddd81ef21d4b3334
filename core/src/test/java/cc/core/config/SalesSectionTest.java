package cc.core.config;

import cc.core.domain.sales.SalesSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SalesSectionTest {
    private static SalesSettings read(String yaml) {
        ConfigNode root = ConfigNode.parse("server.yaml", yaml, Map.<String, String>of()::get);
        SalesSettings s = SalesSection.read(root.child("sales"));
        root.finish();
        return s;
    }

    @Test
    @DisplayName("left out, the pipeline is qualify 10 %, propose 40 %, negotiate 70 % with five lost reasons")
    void defaults() {
        SalesSettings s = read("{}");
        assertEquals(List.of("qualify 10", "propose 40", "negotiate 70"),
                s.stages().stream().map(x -> x.code() + " " + x.probability()).toList());
        assertEquals(5, s.lostReasons().size());
    }

    @Test
    @DisplayName("stages and reasons are read in order with their labels")
    void readsAsWritten() {
        SalesSettings s = read("sales:\n  stages:\n    - {code: demo, probability: 25, en: Demo, fa: نمایش}\n"
                + "    - {code: contract, probability: 90}\n"
                + "  lostReasons:\n    - {code: timing, en: Bad timing, fa: زمان نامناسب}\n");
        assertEquals(List.of(new SalesSettings.Stage("demo", 25, "Demo", "نمایش"),
                new SalesSettings.Stage("contract", 90, "contract", "contract")), s.stages());
        assertEquals(List.of(new SalesSettings.LostReason("timing", "Bad timing", "زمان نامناسب")), s.lostReasons());
    }

    @Test
    @DisplayName("a bad stage or reason is refused naming the file and the key")
    void badEntriesNameTheKey() {
        assertEquals("server.yaml: sales.stages[1].probability: must be from 0 to 100, was 120",
                assertThrows(ConfigException.class, () -> read("sales:\n  stages:\n    - {code: a, probability: 1}\n"
                        + "    - {code: b, probability: 120}\n")).getMessage());
        assertEquals("server.yaml: sales.stages[0].code: \"won\" is a closing state every pipeline has; list only"
                        + " open stages",
                assertThrows(ConfigException.class, () -> read("sales:\n  stages:\n    - {code: won}\n"))
                        .getMessage());
        assertEquals("server.yaml: sales.lostReasons[0].fa: the reason's label in fa is required",
                assertThrows(ConfigException.class, () -> read("sales:\n  lostReasons:\n    - {code: x, en: X}\n"))
                        .getMessage());
        assertEquals("server.yaml: sales.stages[1].code: stage \"a\" is listed twice",
                assertThrows(ConfigException.class, () -> read("sales:\n  stages:\n    - {code: a}\n"
                        + "    - {code: a}\n")).getMessage());
    }
}
