package cc.dialer.domain.campaign;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignEconomicsTest {

    @Test
    @DisplayName("cost counts dials and billed minutes; ROI is profit over cost")
    void costAndRoi() {
        CampaignEconomics e = CampaignFixtures.usd();
        Money cost = e.cost(1000, 500);
        assertEquals(0, new BigDecimal("20.00").compareTo(cost.amount()));
        Money revenue = e.revenue(4);
        assertEquals(Optional.of(new BigDecimal("4")), CampaignEconomics.roi(revenue, cost));
        assertEquals(Optional.empty(), CampaignEconomics.roi(revenue, Money.zero(revenue.currency())));
    }

    @Test
    @DisplayName("money in different currencies is never mixed")
    void currencies() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignEconomics(Money.of("100", "IRR"),
                Money.of("0.02", "USD"), Money.of("25", "USD")));
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "USD").plus(Money.of("1", "GBP")));
        assertEquals("1234 JPY", Money.of("1234.5", "JPY").rounded().toString(), "yen has no minor unit");
        assertEquals("0.12 USD", Money.of("0.125", "USD").rounded().toString(), "half-even to cents");
    }
}
