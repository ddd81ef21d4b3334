package cc.dialer.domain.segment;

import cc.dialer.domain.InvalidField;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer segment as validated filters: what {@code BuildSegmentList} asks for, checked field by field before any
 * SQL exists, so a wrong condition is named to the manager ({@code conditions[2].operator: ...}) and the adapter only
 * ever binds values it was handed here.
 *
 * <p>Fields: {@code segment}, {@code language}, {@code timeZone} (text: {@code =}, {@code !=}, {@code in});
 * {@code score.<name>} (a number: every operator); {@code daysSinceLastContact} (whole days, {@code <}, {@code <=},
 * {@code >}, {@code >=}; a customer never contacted counts as contacted infinitely long ago).
 *
 * @param filters    the conditions, all of which must hold
 * @param orderScore the score contacts are ordered by, highest first: the first score condition's, else
 *                   {@value #DEFAULT_ORDER_SCORE}
 * @param limit      the most contacts to take, 0 for no limit
 */
public record SegmentQuery(List<Filter> filters, String orderScore, int limit) {
    /** The score lists are ordered by when no condition names one. */
    public static final String DEFAULT_ORDER_SCORE = "value";
    private static final int MAX_IN_VALUES = 100;

    public SegmentQuery {
        filters = List.copyOf(filters);
        Objects.requireNonNull(orderScore, "orderScore");
    }

    /** The customer columns text conditions can compare. */
    public enum TextField {
        SEGMENT("segment"), LANGUAGE("language"), TIME_ZONE("timeZone");

        private final String contractName;

        TextField(String contractName) {
            this.contractName = contractName;
        }

        public String contractName() {
            return contractName;
        }
    }

    /** Comparison operators, as the contract writes them. */
    public enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Optional<Operator> of(String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            for (Operator o : values()) {
                if (o.symbol.equals(t)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    /** One validated condition. */
    public sealed interface Filter permits TextFilter, ScoreFilter, LastContactFilter {}

    /** A text column compared with one value, or (for {@link Operator#IN}) with any of several. */
    public record TextFilter(TextField field, Operator operator, List<String> values) implements Filter {
        public TextFilter {
            values = List.copyOf(values);
        }
    }

    /** A named score compared with numbers; a customer without that score does not match. */
    public record ScoreFilter(String name, Operator operator, List<Double> values) implements Filter {
        public ScoreFilter {
            values = List.copyOf(values);
        }
    }

    /** Whole days since the customer's last interaction compared with {@code days}. */
    public record LastContactFilter(Operator operator, int days) implements Filter {}

    /**
     * Validates the conditions (as field, operator and value strings) and the limit; throws {@link InvalidField}
     * naming the first wrong one, e.g. {@code conditions[1].field}.
     */
    public static SegmentQuery of(List<Condition> conditions, int limit) {
        if (limit < 0) {
            throw new InvalidField("limit", "must be 0 (no limit) or more, was " + limit);
        }
        List<Filter> filters = new ArrayList<>();
        String order = null;
        for (int i = 0; i < conditions.size(); i++) {
            Filter f = filter(conditions.get(i), "conditions[" + i + "]");
            if (order == null && f instanceof ScoreFilter) {
                order = ((ScoreFilter) f).name();
            }
            filters.add(f);
        }
        return new SegmentQuery(filters, order == null ? DEFAULT_ORDER_SCORE : order, limit);
    }

    /** One condition as the contract carries it. */
    public record Condition(String field, String operator, String value) {}

    private static Filter filter(Condition c, String at) {
        String field = c.field() == null ? "" : c.field().strip();
        Operator op = Operator.of(c.operator() == null ? "" : c.operator()).orElseThrow(() -> new InvalidField(
                at + ".operator", "'" + c.operator() + "' is not one of =, !=, <, <=, >, >=, in"));
        String value = c.value() == null ? "" : c.value().strip();
        List<String> values = op == Operator.IN ? splitValues(value, at) : List.of(value);
        if (field.startsWith("score.")) {
            String name = field.substring("score.".length());
            if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new InvalidField(at + ".field", "score name '" + name
                        + "' must be a letter then letters, digits or _ (at most 64)");
            }
            List<Double> numbers = new ArrayList<>();
            for (String v : values) {
                numbers.add(number(v, at));
            }
            return new ScoreFilter(name, op, numbers);
        }
        if (field.equals("daysSinceLastContact")) {
            if (op != Operator.LT && op != Operator.LE && op != Operator.GT && op != Operator.GE) {
                throw new InvalidField(at + ".operator", "daysSinceLastContact compares with <, <=, > or >=, not '"
                        + op.symbol() + "'");
            }
            int days;
            try {
                days = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 0) {
                throw new InvalidField(at + ".value", "'" + value + "' is not a whole number of days (0 or more)");
            }
            return new LastContactFilter(op, days);
        }
        for (TextField t : TextField.values()) {
            if (t.contractName().equals(field)) {
                if (op != Operator.EQ && op != Operator.NE && op != Operator.IN) {
                    throw new InvalidField(at + ".operator", field + " is text: use =, != or in, not '"
                            + op.symbol() + "'");
                }
                if (t == TextField.TIME_ZONE) {
                    for (String v : values) {
                        try {
                            ZoneId.of(v);
                        } catch (DateTimeException e) {
                            throw new InvalidField(at + ".value", "'" + v + "' is not a time zone (e.g. Asia/Tehran)");
                        }
                    }
                }
                return new TextFilter(t, op, values);
            }
        }
        throw new InvalidField(at + ".field", "'" + field + "' is not one of segment, language, timeZone, "
                + "score.<name>, daysSinceLastContact");
    }

    private static List<String> splitValues(String value, String at) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String v = part.strip();
            if (v.isEmpty()) {
                throw new InvalidField(at + ".value", "'in' needs comma-separated values without empty ones, was '"
                        + value + "'");
            }
            out.add(v);
        }
        if (out.size() > MAX_IN_VALUES) {
            throw new InvalidField(at + ".value", "at most " + MAX_IN_VALUES + " values after 'in', was "
                    + out.size());
        }
        return out;
    }

    private static double number(String v, String at) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidField(at + ".value", "'" + v + "' is not a number");
    }
}
