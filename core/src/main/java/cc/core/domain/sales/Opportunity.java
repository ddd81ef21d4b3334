package cc.core.domain.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A chance of a sale to a customer, from the call it was recorded on to its close.
 *
 * @param id            our id, 0 before it is stored
 * @param customerId    the customer
 * @param interactionId the call it came from, empty if none
 * @param title         what is on offer
 * @param amount        the value, in {@code currency}
 * @param currency      ISO 4217 code ({@code IRR}, {@code USD}, {@code EUR})
 * @param probability   0..100 percent
 * @param owner         the user who works it (the sales agent)
 * @param stage         a configured stage while open, {@link #WON} or {@link #LOST} once closed
 * @param product       a product code, free text up to 64 characters, empty when none
 * @param lostReason    a configured lost reason when lost, empty otherwise
 * @param expectedClose the day the owner expects it to close
 * @param createdAt     when it was recorded; empty before it is stored
 * @param closedAt      when it was won or lost; empty while open
 */
public record Opportunity(long id, long customerId, String interactionId, String title, BigDecimal amount,
                          String currency, int probability, String owner, String stage, String product,
                          String lostReason, Optional<LocalDate> expectedClose, Optional<Instant> createdAt,
                          Optional<Instant> closedAt) {
    public static final String WON = "won";
    public static final String LOST = "lost";
    public static final String OPEN = "open";
    public static final int PRODUCT_LIMIT = 64;

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
        int places = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > Math.max(places, 0)) {
            throw new IllegalArgumentException(currency + " has " + places + " decimal places; "
                    + amount.toPlainString() + " has more");
        }
        if (probability < 0 || probability > 100) {
            throw new IllegalArgumentException("probability must be 0..100, was " + probability);
        }
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("owner is required");
        }
        stage = stage == null ? "" : stage.strip();
        if (stage.isEmpty() || stage.length() > 64) {
            throw new IllegalArgumentException("stage is required (1 to 64 characters)");
        }
        product = product == null ? "" : product.strip();
        if (product.length() > PRODUCT_LIMIT) {
            throw new IllegalArgumentException("product must be a code of at most " + PRODUCT_LIMIT + " characters");
        }
        lostReason = lostReason == null ? "" : lostReason.strip();
        if (!stage.equals(LOST) && !lostReason.isEmpty()) {
            throw new IllegalArgumentException("a lost reason is given only when the opportunity is lost");
        }
        expectedClose = Objects.requireNonNullElse(expectedClose, Optional.empty());
        createdAt = Objects.requireNonNullElse(createdAt, Optional.empty());
        closedAt = Objects.requireNonNullElse(closedAt, Optional.empty());
    }

    /** A new opportunity, as an agent records it (not yet stored). */
    public static Opportunity recorded(long customerId, String interactionId, String title, BigDecimal amount,
                                       String currency, int probability, String owner, String stage, String product,
                                       String lostReason, Optional<LocalDate> expectedClose) {
        return new Opportunity(0, customerId, interactionId, title, amount, currency, probability, owner, stage,
                product, lostReason, expectedClose, Optional.empty(), Optional.empty());
    }

    /** {@code open}, {@code won} or {@code lost}. */
    public String status() {
        return stage.equals(WON) || stage.equals(LOST) ? stage : OPEN;
    }

    public boolean isOpen() {
        return status().equals(OPEN);
    }

    /** Amount x probability: what the pipeline counts this opportunity as, in its currency. */
    public BigDecimal weightedAmount() {
        return amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2).stripTrailingZeros();
    }

    public Opportunity withId(long newId) {
        return new Opportunity(newId, customerId, interactionId, title, amount, currency, probability, owner, stage,
                product, lostReason, expectedClose, createdAt, closedAt);
    }

    public Opportunity withTimes(Optional<Instant> created, Optional<Instant> closed) {
        return new Opportunity(id, customerId, interactionId, title, amount, currency, probability, owner, stage,
                product, lostReason, expectedClose, created, closed);
    }
}
