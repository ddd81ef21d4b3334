package cc.acd.domain.rules;

import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.OfferPropensity;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a score rule looks at: {@code churnRisk > 0.7}, {@code value >= 0.5}, {@code propensity_card < 0.2},
 * {@code valueTier = gold}. Scores are {@code value}, {@code loyalty}, {@code churnRisk} and
 * {@code propensity_<product>}, compared with {@code > >= < <= = !=} to a number from 0 to 1; {@code valueTier} is
 * compared with {@code =} or {@code !=} to a tier name.
 *
 * @param score     the score's name, or {@link #VALUE_TIER}
 * @param op        the comparison
 * @param threshold the number compared with (scores)
 * @param tier      the tier compared with ({@link #VALUE_TIER}); empty otherwise
 */
public record ScoreCondition(String score, Op op, double threshold, String tier) {
    public static final String VALUE_TIER = "valueTier";
    private static final Pattern TEXT = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|!=|>|<|=)\\s*(\\S+)\\s*");

    public enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double left, double right) {
            switch (this) {
                case GT: return left > right;
                case GE: return left >= right;
                case LT: return left < right;
                case LE: return left <= right;
                case EQ: return left == right;
                default: return left != right;
            }
        }

        static Op of(String symbol) {
            for (Op o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }
    }

    public ScoreCondition {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(op, "op");
        tier = tier == null ? "" : tier;
    }

    /**
     * Reads {@code <score> <op> <value>}.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown score, a comparison a tier cannot take, a
     *                                  number out of 0..1, or a tier not in {@code tiers}
     */
    public static ScoreCondition parse(String text, ValueTiers tiers) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must read <score> <op> <value>, e.g. churnRisk > 0.7 or valueTier = gold,"
                    + " was \"" + text + "\"");
        }
        String score = m.group(1);
        Op op = Op.of(m.group(2));
        String value = m.group(3);
        if (score.equals(VALUE_TIER)) {
            if (op != Op.EQ && op != Op.NE) {
                throw new IllegalArgumentException("valueTier is compared with = or != only, was " + op.symbol());
            }
            if (!tiers.has(value)) {
                throw new IllegalArgumentException("unknown value tier \"" + value + "\" (scores.valueTiers has "
                        + tiers.tiers().stream().map(ValueTiers.Tier::name).toList() + ")");
            }
            return new ScoreCondition(score, op, 0, value);
        }
        if (!known(score)) {
            throw new IllegalArgumentException("unknown score \"" + score + "\" (value, loyalty, churnRisk, "
                    + "propensity_<product> or valueTier)");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score " + score + " is compared with a number from 0 to 1, was \""
                    + value + "\"");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("score " + score + " is compared with a number from 0 to 1, was "
                    + value);
        }
        return new ScoreCondition(score, op, threshold, "");
    }

    private static boolean known(String score) {
        return score.equals(CustomerScore.VALUE) || score.equals(CustomerScore.LOYALTY)
                || score.equals(CustomerScore.CHURN_RISK)
                || score.startsWith(OfferPropensity.PREFIX) && score.length() > OfferPropensity.PREFIX.length();
    }

    /** The score the condition reads: {@code value} for a tier. */
    public String reads() {
        return score.equals(VALUE_TIER) ? CustomerScore.VALUE : score;
    }

    /** Whether the score (of the name {@link #reads()}) meets the condition. */
    boolean holds(double scoreValue, ValueTiers tiers) {
        if (score.equals(VALUE_TIER)) {
            boolean in = tiers.tierOf(scoreValue).map(tier::equals).orElse(false);
            return op == Op.EQ ? in : !in;
        }
        return op.holds(scoreValue, threshold);
    }

    /** What the rule saw, e.g. {@code churnRisk 0.90 > 0.7} or {@code valueTier gold}. */
    String seen(double scoreValue, ValueTiers tiers) {
        if (score.equals(VALUE_TIER)) {
            return VALUE_TIER + " " + tiers.tierOf(scoreValue).orElse("none") + " (value "
                    + String.format(Locale.ROOT, "%.2f", scoreValue) + ")";
        }
        return score + " " + String.format(Locale.ROOT, "%.2f", scoreValue) + " " + op.symbol() + " "
                + trim(threshold);
    }

    @Override
    public String toString() {
        return score + " " + op.symbol() + " " + (score.equals(VALUE_TIER) ? tier : trim(threshold));
    }

    private static String trim(double d) {
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
