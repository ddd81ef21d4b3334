package cc.core.domain.offer;

import java.util.List;
import java.util.Objects;

/**
 * The one offer the agent is shown, with the evidence for it.
 *
 * @param product    the product
 * @param propensity the customer's propensity to take it, 0 to 1
 * @param evidence   what drove the propensity ({@code acceptedBefore}, {@code declinedBefore},
 *                   {@code segmentAcceptance}), most telling first, then {@code has:<code>} for each product it builds on
 * @param reasonEn   the reason in English, naming the evidence
 * @param reasonFa   the reason in Persian
 */
public record OfferChoice(Product product, double propensity, List<String> evidence, String reasonEn,
                          String reasonFa) {
    public OfferChoice {
        Objects.requireNonNull(product, "product");
        evidence = List.copyOf(evidence);
    }
}
