package cc.core.contract;

import java.time.Instant;

/**
 * What a scoring run did: customers read, active customers scored, customers labelled churned, and the churn model's
 * AUC on held-out customers ({@code NaN} when the history had no churner or no stayer to learn from, and then no
 * churn risk was written).
 */
public record ScoresRecomputed(Instant computedAt, int customers, int scored, int churners, double heldOutAuc) {}
