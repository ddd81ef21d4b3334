package cc.console.domain.quality;

/**
 * Evaluations of one agent or queue over a period: how many, their mean score (failed forms count as 0) and how many
 * failed on a critical criterion.
 *
 * @param key agent id or queue name
 */
public record QualityAverage(String key, long count, double averageScore, long failed) {}
