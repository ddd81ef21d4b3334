package cc.console.domain.sales;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpportunityTest {
    @Test
    @DisplayName("an opportunity keeps its value with its currency and weighs it by probability")
    void weighted() {
        Opportunity o = new Opportunity(0, 7, "i1", "Gold card", new BigDecimal("25000000"), "irr", 40, "ali", "");
        assertEquals("IRR", o.currency());
        assertEquals("open", o.status());
        assertEquals(0, new BigDecimal("10000000").compareTo(o.weightedAmount()));
    }

    @Test
    @DisplayName("unknown currencies, too many decimals, bad probabilities and statuses are refused")
    void invalid() {
        assertThrows(IllegalArgumentException.class,
                () -> new Opportunity(0, 7, "", "x", BigDecimal.ONE, "XYZ1", 10, "ali", "open"));
        assertThrows(IllegalArgumentException.class,
                () -> new Opportunity(0, 7, "", "x", new BigDecimal("1.005"), "USD", 10, "ali", "open"));
        assertThrows(IllegalArgumentException.class,
                () -> new Opportunity(0, 7, "", "x", BigDecimal.ONE, "USD", 101, "ali", "open"));
        assertThrows(IllegalArgumentException.class,
                () -> new Opportunity(0, 7, "", "x", BigDecimal.ONE, "USD", 50, "ali", "maybe"));
        assertThrows(IllegalArgumentException.class,
                () -> new Opportunity(0, 7, "", " ", BigDecimal.ONE, "USD", 50, "ali", "open"));
    }
}
