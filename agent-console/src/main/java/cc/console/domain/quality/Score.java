package cc.console.domain.quality;

import java.util.List;

/**
 * What a filled form is worth.
 *
 * @param percent        weighted share of the points, 0 to 100, rounded to 2 decimals; 0 when the form failed
 * @param failed         a critical criterion was answered {@code no} (or 1 on the 1-5 scale)
 * @param failedCritical the ids of those critical criteria, in form order
 * @param points         weighted points earned (before a critical failure zeroes the percentage)
 * @param possible       the sum of the weights of the criteria that applied
 */
public record Score(double percent, boolean failed, List<String> failedCritical, double points, double possible) {
    public Score {
        failedCritical = List.copyOf(failedCritical);
    }
}
