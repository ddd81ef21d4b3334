package cc.core.domain.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CampaignTermsTest {
    private static CampaignFigures figures(long dials, long conversions, long billedMinutes) {
        return new CampaignFigures(dials, 0, 0, 0, 0, 0, 0, 0, conversions, Duration.ZERO, Duration.ZERO,
                billedMinutes, Map.of());
    }

    @Test
    @DisplayName("Cost is dials and billed minutes, revenue is conversions, both in the campaign's currency's minor unit")
    void costRevenueRoi() {
        CampaignTerms usd = new CampaignTerms("c1", "Renewals", "USD", new BigDecimal("0.015"),
                new BigDecimal("0.0125"), new BigDecimal("40"));
        CampaignFigures f = figures(1000, 3, 210);

        assertEquals(new BigDecimal("17.62"), usd.cost(f), "15 + 2.625 = 17.625, half to the even cent");
        assertEquals(new BigDecimal("120.00"), usd.revenue(f));
        assertEquals(Optional.of(new BigDecimal("120").subtract(new BigDecimal("17.625"))
                .divide(new BigDecimal("17.625"), java.math.MathContext.DECIMAL64)), usd.roi(f));
    }

    @Test
    @DisplayName("Yen have no minor unit, and a campaign that spent nothing has no ROI")
    void rialsAndNothingSpent() {
        CampaignTerms jpy = new CampaignTerms("c2", "Loans", "JPY", new BigDecimal("1500.4"), BigDecimal.ZERO,
                new BigDecimal("2000000"));
        assertEquals(new BigDecimal("15004"), jpy.cost(figures(10, 0, 0)));
        assertEquals(Optional.empty(), jpy.roi(figures(0, 0, 0)));
    }
}
