package cc.dialer.domain.campaign;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What a campaign's calls cost and what a conversion earns, all in one currency.
 *
 * @param costPerDial          charged for every dial attempt
 * @param costPerMinute        charged per started minute of an answered call
 * @param revenuePerConversion earned per converted contact
 */
public record CampaignEconomics(Money costPerDial, Money costPerMinute, Money revenuePerConversion) {
    public CampaignEconomics {
        Objects.requireNonNull(costPerDial, "costPerDial");
        Objects.requireNonNull(costPerMinute, "costPerMinute");
        Objects.requireNonNull(revenuePerConversion, "revenuePerConversion");
        costPerDial.requireSameCurrency(costPerMinute);
        costPerDial.requireSameCurrency(revenuePerConversion);
    }

    /** The cost of {@code dials} attempts with {@code billedMinutes} started minutes of answered calls. */
    public Money cost(long dials, long billedMinutes) {
        return costPerDial.times(dials).plus(costPerMinute.times(billedMinutes));
    }

    public Money revenue(long conversions) {
        return revenuePerConversion.times(conversions);
    }

    /** (revenue - cost) / cost; empty when nothing was spent. */
    public static Optional<BigDecimal> roi(Money revenue, Money cost) {
        revenue.requireSameCurrency(cost);
        if (cost.isZero()) {
            return Optional.empty();
        }
        return Optional.of(revenue.minus(cost).amount().divide(cost.amount(), MathContext.DECIMAL64));
    }
}
