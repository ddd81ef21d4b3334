package cc.console.app;

import cc.core.domain.offer.PastOffer;
import cc.core.domain.scoring.CustomerScore;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/**
 * What the next-best offer reads (the customer's scores and earlier offers) and where the agent's answers are kept
 * ({@code customer_offers}, which the propensity model learns from). Threading: callable from any context.
 */
public interface OfferStore {
    Future<List<CustomerScore>> scores(long customerId);

    Future<List<PastOffer>> pastOffers(long customerId);

    /**
     * Keeps what the customer answered to the offer made on a call: one row per call and product, the latest answer
     * replacing an earlier one ({@code offered} then {@code accepted}).
     */
    Future<Void> record(long customerId, String product, String interactionId, String agentId,
                        PastOffer.Outcome outcome, Instant at);
}
