package cc.acd.domain.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Named bands of the {@code value} score ({@code scores.valueTiers}): a customer is in the highest tier whose
 * threshold their value reaches, and in none below the lowest.
 */
public record ValueTiers(List<Tier> tiers) {
    /** One band: values from {@code threshold} (included) up to the next tier's. */
    public record Tier(String name, double threshold) {
        public Tier {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("a tier name is 1 to 32 letters, digits, - or _, was \"" + name
                        + "\"");
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("tier " + name + ": the threshold is a value score from 0 to 1, was "
                        + threshold);
            }
        }
    }

    public ValueTiers {
        List<Tier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparingDouble(Tier::threshold).reversed());
        tiers = List.copyOf(sorted);
        if (tiers.stream().map(Tier::name).distinct().count() != tiers.size()) {
            throw new IllegalArgumentException("a tier name is used twice");
        }
    }

    public static ValueTiers none() {
        return new ValueTiers(List.of());
    }

    /** The tier of this value score; empty below the lowest threshold. */
    public Optional<String> tierOf(double value) {
        for (Tier t : tiers) {
            if (value >= t.threshold()) {
                return Optional.of(t.name());
            }
        }
        return Optional.empty();
    }

    public boolean has(String name) {
        return tiers.stream().anyMatch(t -> t.name().equals(name));
    }
}
