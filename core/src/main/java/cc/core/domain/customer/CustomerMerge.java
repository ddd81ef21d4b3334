package cc.core.domain.customer;

import java.util.Map;

/**
 * A duplicate customer merged into the one kept: what moved onto the kept customer, by table ({@code interactions},
 * {@code phones}, {@code emails}, {@code scores}, {@code orders}, ...). Scores the kept customer already had under the
 * same name stay on the merged record (counted in {@code scoresLeft}), never overwritten.
 */
public record CustomerMerge(CustomerRecord kept, CustomerRecord merged, Map<String, Integer> moved, int scoresLeft) {
    public CustomerMerge {
        moved = Map.copyOf(moved);
    }
}
