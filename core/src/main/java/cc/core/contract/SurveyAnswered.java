package cc.core.contract;

import java.time.Instant;

/**
 * A caller answered the post-call satisfaction survey.
 *
 * @param uniqueId the caller's channel Uniqueid
 * @param score    1 (very unhappy) to 5 (very happy)
 * @param at       when
 */
public record SurveyAnswered(String uniqueId, int score, Instant at) {}
