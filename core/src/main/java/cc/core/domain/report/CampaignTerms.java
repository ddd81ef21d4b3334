package cc.core.domain.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * What a campaign's calls cost and earn, in its one currency, as the campaign manager set them. A report prices
 * each campaign's row with its own terms and never adds money of two campaigns, so currencies are never summed.
 *
 * @param campaignId           the campaign
 * @param name                 its name, for people
 * @param currency             ISO 4217 code
 * @param costPerDial          charged for every dial attempt
 * @param costPerMinute        charged per started minute of an answered call
 * @param revenuePerConversion earned per conversion
 */
public record CampaignTerms(String campaignId, String name, String currency, BigDecimal costPerDial,
                            BigDecimal costPerMinute, BigDecimal revenuePerConversion) {
    public CampaignTerms {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(costPerDial, "costPerDial");
        Objects.requireNonNull(costPerMinute, "costPerMinute");
        Objects.requireNonNull(revenuePerConversion, "revenuePerConversion");
    }

    /** Dials and billed minutes, rounded to the currency's minor unit as the dialer's day report rounds it. */
    public BigDecimal cost(CampaignFigures f) {
        return round(costPerDial.multiply(BigDecimal.valueOf(f.dials()))
                .add(costPerMinute.multiply(BigDecimal.valueOf(f.billedMinutes()))));
    }

    public BigDecimal revenue(CampaignFigures f) {
        return round(revenuePerConversion.multiply(BigDecimal.valueOf(f.conversions())));
    }

    /** (revenue - cost) / cost, empty when nothing was spent. */
    public Optional<BigDecimal> roi(CampaignFigures f) {
        BigDecimal cost = costPerDial.multiply(BigDecimal.valueOf(f.dials()))
                .add(costPerMinute.multiply(BigDecimal.valueOf(f.billedMinutes())));
        if (cost.signum() == 0) {
            return Optional.empty();
        }
        BigDecimal revenue = revenuePerConversion.multiply(BigDecimal.valueOf(f.conversions()));
        return Optional.of(revenue.subtract(cost).divide(cost, MathContext.DECIMAL64));
    }

    private BigDecimal round(BigDecimal amount) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return amount.setScale(digits, RoundingMode.HALF_EVEN);
    }
}
