package cc.console.domain.sales;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * A chance of a sale to a customer.
 *
 * @param id            our id, 0 before it is stored
 * @param customerId    the customer
 * @param interactionId the call it came from, empty if none
 * @param title         what is on offer
 * @param amount        the value, in {@code currency}
 * @param currency      ISO 4217 code ({@code IRR}, {@code USD}, {@code EUR})
 * @param probability   0..100 percent
 * @param owner         the user who works it
 * @param status        {@code open}, {@code won} or {@code lost}
 */
public record Opportunity(long id, long customerId, String interactionId, String title, BigDecimal amount,
                          String currency, int probability, String owner, String status) {
    public Opportunity {
        Objects.requireNonNull(title, "title");
        if (title.isBlank() || title.length() > 300) {
            throw new IllegalArgumentException("title must have 1 to 300 characters");
        }
        interactionId = interactionId == null ? "" : interactionId;
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("amount must be zero or more");
        }
        try {
            currency = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as IRR or USD, was '" + currency + "'");
        }
        if (amount.scale() > Currency.getInstance(currency).getDefaultFractionDigits()
                && amount.stripTrailingZeros().scale() > Currency.getInstance(currency).getDefaultFractionDigits()) {
            throw new IllegalArgumentException(currency + " has " + Currency.getInstance(currency).getDefaultFractionDigits()
                    + " decimal places; " + amount.toPlainString() + " has more");
        }
        if (probability < 0 || probability > 100) {
            throw new IllegalArgumentException("probability must be 0..100, was " + probability);
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner is required");
        }
        status = status == null || status.isBlank() ? "open" : status;
        if (!status.equals("open") && !status.equals("won") && !status.equals("lost")) {
            throw new IllegalArgumentException("status must be open, won or lost, was '" + status + "'");
        }
    }

    /** Amount x probability: what the pipeline counts this opportunity as. */
    public BigDecimal weightedAmount() {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100));
    }

    public Opportunity withId(long newId) {
        return new Opportunity(newId, customerId, interactionId, title, amount, currency, probability, owner, status);
    }
}
