/**
 * Customer scores computed from each customer's history: value (what their orders and won opportunities brought,
 * recency, frequency), loyalty (tenure, contact frequency, satisfaction), churn risk from a model trained on the
 * center's own history, and offer propensity per product from past offers and their outcomes. Pure: histories and {@code now} in, scores with their reasons out. The learner itself is a
 * port ({@link cc.core.domain.scoring.ChurnLearner}) that an adapter implements with a machine-learning library.
 */
package cc.core.domain.scoring;
