package cc.core.domain.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sales pipeline as of {@code asOf}, with what closed in {@code [from, to)}. Every amount is in its row's
 * currency; rows of different currencies are never added together.
 *
 * @param open        open opportunities by stage, owner, product and currency, in stage order
 * @param openByStage the same by stage and currency (what the chart of each currency draws)
 * @param closed      opportunities won and lost in the range, by owner and currency
 * @param lostReasons lost opportunities in the range by reason and currency
 * @param outcome     won and lost in the range, counted over all currencies (counts and times only)
 * @param effort      the contacts and talk behind each opportunity open now or closed in the range
 * @param owners      the same per owner (sales agent), with their opportunities' counts and win rate
 */
public record PipelineReport(Instant from, Instant to, Instant asOf, List<OpenRow> open, List<StageRow> openByStage,
                             List<ClosedRow> closed, List<ReasonRow> lostReasons, Outcome outcome,
                             List<OpportunityEffort> effort, List<OwnerEffort> owners) {
    public PipelineReport {
        open = List.copyOf(open);
        openByStage = List.copyOf(openByStage);
        closed = List.copyOf(closed);
        lostReasons = List.copyOf(lostReasons);
        effort = List.copyOf(effort);
        owners = List.copyOf(owners);
    }

    /** Count, amount and weighted amount (amount x probability) of open opportunities, in one currency. */
    public record Money(long count, BigDecimal amount, BigDecimal weighted) {
        static final Money NONE = new Money(0, BigDecimal.ZERO, BigDecimal.ZERO);

        public Money {
            amount = plain(amount);
            weighted = plain(weighted);
        }

        Money plus(BigDecimal a, BigDecimal w) {
            return new Money(count + 1, amount.add(a), weighted.add(w));
        }
    }

    public record OpenRow(String stage, String owner, String product, String currency, Money money) {}

    public record StageRow(String stage, String currency, Money money) {}

    /** Won and lost in one currency: counts and amounts. */
    public record ClosedRow(String owner, String currency, long won, BigDecimal wonAmount, long lost,
                            BigDecimal lostAmount) {
        public ClosedRow {
            wonAmount = plain(wonAmount);
            lostAmount = plain(lostAmount);
        }
    }

    public record ReasonRow(String reason, String currency, long count, BigDecimal amount) {
        public ReasonRow {
            amount = plain(amount);
        }
    }

    /** Without trailing zeros and without an exponent: 2,000,000 and 2000000.00 are one value, written 2000000. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * @param winRate      won / (won + lost), by count; empty when none closed
     * @param averageCycle from creation to close, over those won and lost; empty when none closed
     * @param averageWonCycle the same over those won
     */
    public record Outcome(long won, long lost, Optional<Double> winRate, Optional<Duration> averageCycle,
                          Optional<Duration> averageWonCycle) {}

    /**
     * @param contacts contacts with the customer from the opportunity's creation to its close (or {@code asOf})
     * @param talk     agents' talk time on those contacts
     */
    public record OpportunityEffort(long id, String title, String owner, long customerId, String stage,
                                    String currency, BigDecimal amount, long contacts, Duration talk) {
        public OpportunityEffort {
            amount = plain(amount);
        }
    }

    /**
     * @param contacts distinct contacts behind the owner's opportunities (one counted once, however many it served)
     * @param winRate  the owner's won / (won + lost) in the range, by count
     */
    public record OwnerEffort(String owner, long open, long won, long lost, Optional<Double> winRate, long contacts,
                              Duration talk) {}
}
