package cc.core.domain.sales;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpportunityTest {
    private static Opportunity of(String amount, String currency, int probability, String stage, String product,
                                  String reason) {
        return Opportunity.recorded(7, "i1", "Gold card", new BigDecimal(amount), currency, probability, "ali", stage,
                product, reason, Optional.empty());
    }

    @Test
    @DisplayName("an opportunity keeps its value with its currency, weighs it by probability and is open until won"
            + " or lost")
    void weighted() {
        Opportunity o = of("25000000", "irr", 40, "propose", "gold-card", "");
        assertEquals("IRR", o.currency());
        assertEquals("open", o.status());
        assertEquals(0, new BigDecimal("10000000").compareTo(o.weightedAmount()));
        assertEquals("won", of("1", "USD", 100, "won", "", "").status());
        assertEquals("lost", of("1", "USD", 0, "lost", "", "price").status());
    }

    @Test
    @DisplayName("unknown currencies, too many decimals, bad probabilities, long products and a reason on an"
            + " opportunity not lost are refused")
    void invalid() {
        assertThrows(IllegalArgumentException.class, () -> of("1", "XYZ1", 10, "qualify", "", ""));
        assertThrows(IllegalArgumentException.class, () -> of("1.005", "USD", 10, "qualify", "", ""));
        assertThrows(IllegalArgumentException.class, () -> of("1", "USD", 101, "qualify", "", ""));
        assertThrows(IllegalArgumentException.class, () -> of("1", "USD", 10, "", "", ""));
        assertThrows(IllegalArgumentException.class, () -> of("1", "USD", 10, "qualify", "p".repeat(65), ""));
        assertThrows(IllegalArgumentException.class, () -> of("1", "USD", 10, "qualify", "", "price"));
    }

    @Test
    @DisplayName("the settings refuse a stage not configured and a loss without a configured reason")
    void settingsRefuse() {
        SalesSettings s = SalesSettings.defaults();
        assertEquals(Optional.empty(), s.refusal(of("1", "USD", 10, "negotiate", "", "")));
        assertEquals(Optional.empty(), s.refusal(of("1", "USD", 100, "won", "", "")));
        assertEquals(Optional.empty(), s.refusal(of("1", "USD", 0, "lost", "", "competitor")));
        assertEquals(Optional.of("stage 'demo' is not configured (one of qualify, propose, negotiate, won, lost)"),
                s.refusal(of("1", "USD", 10, "demo", "", "")));
        assertEquals(Optional.of("a lost opportunity needs a lost reason (one of price, competitor, no-budget, no-need,"
                + " no-response)"), s.refusal(of("1", "USD", 0, "lost", "", "")));
        assertEquals(true, s.refusal(of("1", "USD", 0, "lost", "", "weather")).orElseThrow()
                .startsWith("lost reason 'weather' is not configured"));
    }
}
