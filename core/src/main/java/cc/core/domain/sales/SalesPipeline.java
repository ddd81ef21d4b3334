package cc.core.domain.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the {@link PipelineReport} from opportunities and the contacts with their customers. Pure: the caller
 * passes what is open now and what closed in the range, the contacts from the earliest opportunity's creation on, and
 * the time it counts as now.
 */
public final class SalesPipeline {
    /**
     * A contact with a customer (a call, whichever agent took it).
     *
     * @param id         the interaction's id, so a contact behind two opportunities of one owner counts once for them
     * @param customerId the customer
     * @param at         when it was offered
     * @param talk       agents' talk time on it
     */
    public record Contact(String id, long customerId, Instant at, Duration talk) {
        public Contact {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
            talk = talk == null || talk.isNegative() ? Duration.ZERO : talk;
        }
    }

    private final SalesSettings settings;

    public SalesPipeline(SalesSettings settings) {
        this.settings = settings;
    }

    public SalesSettings settings() {
        return settings;
    }

    /**
     * @param opportunities the open ones and those closed in {@code [from, to)}; others are left out
     * @param contacts      contacts with the opportunities' customers (any order)
     */
    public PipelineReport report(List<Opportunity> opportunities, List<Contact> contacts, Instant from, Instant to,
                                 Instant asOf) {
        List<Opportunity> open = new ArrayList<>();
        List<Opportunity> closed = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (o.isOpen()) {
                open.add(o);
            } else if (o.closedAt().isPresent() && !o.closedAt().get().isBefore(from) && o.closedAt().get().isBefore(to)) {
                closed.add(o);
            }
        }
        Comparator<Opportunity> byStage = Comparator.comparingInt((Opportunity o) -> settings.order(o.stage()))
                .thenComparing(Opportunity::stage);

        // summed in hash maps, sorted once at the end
        Map<List<String>, PipelineReport.Money> openRows = new HashMap<>();
        Map<List<String>, PipelineReport.Money> stageRows = new HashMap<>();
        for (Opportunity o : open) {
            openRows.merge(List.of(o.stage(), o.owner(), o.product(), o.currency()),
                    PipelineReport.Money.NONE.plus(o.amount(), o.weightedAmount()), SalesPipeline::add);
            stageRows.merge(List.of(o.stage(), o.currency()),
                    PipelineReport.Money.NONE.plus(o.amount(), o.weightedAmount()), SalesPipeline::add);
        }

        Map<List<String>, PipelineReport.ClosedRow> closedRows = new HashMap<>();
        Map<List<String>, PipelineReport.ReasonRow> reasonRows = new HashMap<>();
        long won = 0;
        long lost = 0;
        Duration cycle = Duration.ZERO;
        Duration wonCycle = Duration.ZERO;
        for (Opportunity o : closed) {
            boolean isWon = o.status().equals(Opportunity.WON);
            Duration c = o.createdAt().map(at -> Duration.between(at, o.closedAt().get())).orElse(Duration.ZERO);
            c = c.isNegative() ? Duration.ZERO : c;
            cycle = cycle.plus(c);
            if (isWon) {
                won++;
                wonCycle = wonCycle.plus(c);
            } else {
                lost++;
                reasonRows.merge(List.of(o.lostReason(), o.currency()),
                        new PipelineReport.ReasonRow(o.lostReason(), o.currency(), 1, o.amount()),
                        (a, b) -> new PipelineReport.ReasonRow(a.reason(), a.currency(), a.count() + b.count(),
                                a.amount().add(b.amount())));
            }
            closedRows.merge(List.of(o.owner(), o.currency()),
                    new PipelineReport.ClosedRow(o.owner(), o.currency(), isWon ? 1 : 0,
                            isWon ? o.amount() : BigDecimal.ZERO, isWon ? 0 : 1, isWon ? BigDecimal.ZERO : o.amount()),
                    (a, b) -> new PipelineReport.ClosedRow(a.owner(), a.currency(), a.won() + b.won(),
                            a.wonAmount().add(b.wonAmount()), a.lost() + b.lost(), a.lostAmount().add(b.lostAmount())));
        }
        PipelineReport.Outcome outcome = new PipelineReport.Outcome(won, lost, rate(won, lost),
                won + lost == 0 ? Optional.empty() : Optional.of(cycle.dividedBy(won + lost)),
                won == 0 ? Optional.empty() : Optional.of(wonCycle.dividedBy(won)));

        List<Opportunity> worked = new ArrayList<>(open);
        worked.addAll(closed);
        worked.sort(byStage.thenComparing(Opportunity::owner).thenComparingLong(Opportunity::id));
        Map<Long, List<Contact>> byCustomer = new HashMap<>();
        contacts.forEach(k -> byCustomer.computeIfAbsent(k.customerId(), x -> new ArrayList<>()).add(k));
        List<PipelineReport.OpportunityEffort> effort = new ArrayList<>();
        Map<String, OwnerTally> owners = new TreeMap<>();
        for (Opportunity o : worked) {
            Instant start = o.createdAt().orElse(Instant.MIN);
            Instant end = o.closedAt().orElse(asOf);
            long count = 0;
            Duration talk = Duration.ZERO;
            OwnerTally tally = owners.computeIfAbsent(o.owner(), x -> new OwnerTally());
            for (Contact k : byCustomer.getOrDefault(o.customerId(), List.of())) {
                if (!k.at().isBefore(start) && !k.at().isAfter(end)) {
                    count++;
                    talk = talk.plus(k.talk());
                    if (tally.contacts.add(k.id())) {
                        tally.talk = tally.talk.plus(k.talk());
                    }
                }
            }
            switch (o.status()) {
                case Opportunity.WON -> tally.won++;
                case Opportunity.LOST -> tally.lost++;
                default -> tally.open++;
            }
            effort.add(new PipelineReport.OpportunityEffort(o.id(), o.title(), o.owner(), o.customerId(), o.stage(),
                    o.currency(), o.amount(), count, talk));
        }
        List<PipelineReport.OwnerEffort> ownerRows = new ArrayList<>();
        owners.forEach((owner, t) -> ownerRows.add(new PipelineReport.OwnerEffort(owner, t.open, t.won, t.lost,
                rate(t.won, t.lost), t.contacts.size(), t.talk)));

        List<PipelineReport.OpenRow> openOut = new ArrayList<>();
        sorted(openRows.keySet(), rowOrder()).forEach(k -> openOut.add(new PipelineReport.OpenRow(k.get(0), k.get(1),
                k.get(2), k.get(3), openRows.get(k))));
        List<PipelineReport.StageRow> stageOut = new ArrayList<>();
        sorted(stageRows.keySet(), rowOrder()).forEach(k -> stageOut.add(new PipelineReport.StageRow(k.get(0), k.get(1),
                stageRows.get(k))));
        Comparator<List<String>> byText = Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1));
        return new PipelineReport(from, to, asOf, openOut, stageOut,
                sorted(closedRows.keySet(), byText).stream().map(closedRows::get).toList(),
                sorted(reasonRows.keySet(), byText).stream().map(reasonRows::get).toList(), outcome, effort, ownerRows);
    }

    /** Stage order first (as configured), then the rest of the key, part by part. */
    private Comparator<List<String>> rowOrder() {
        Comparator<List<String>> c = Comparator.comparingInt((List<String> k) -> settings.order(k.get(0)));
        for (int i = 0; i < 4; i++) {
            int part = i;
            c = c.thenComparing(k -> part < k.size() ? k.get(part) : "");
        }
        return c;
    }

    private static List<List<String>> sorted(Set<List<String>> keys, Comparator<List<String>> order) {
        List<List<String>> out = new ArrayList<>(keys);
        out.sort(order);
        return out;
    }

    private static PipelineReport.Money add(PipelineReport.Money a, PipelineReport.Money b) {
        return new PipelineReport.Money(a.count() + b.count(), a.amount().add(b.amount()),
                a.weighted().add(b.weighted()));
    }

    private static Optional<Double> rate(long won, long lost) {
        return won + lost == 0 ? Optional.empty() : Optional.of(won / (double) (won + lost));
    }

    private static final class OwnerTally {
        long open;
        long won;
        long lost;
        final Set<String> contacts = new HashSet<>();
        Duration talk = Duration.ZERO;
    }
}
