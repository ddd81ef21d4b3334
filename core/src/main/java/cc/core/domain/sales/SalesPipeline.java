package cc.core.domain.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
     * @param id         the interaction's id; each contact is passed once, and one behind two opportunities of one
     *                   owner counts once for that owner
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

    /**
     * The contacts and talk time behind one opportunity as its store keeps them, counted as each call is stored:
     * what the engine would count from the contacts in the opportunity's window, without reading them.
     */
    public record KeptEffort(long contacts, Duration talk) {
        public KeptEffort {
            Objects.requireNonNull(talk, "talk");
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
        return report(opportunities, contacts, Map.of(), from, to, asOf);
    }

    /**
     * @param kept     the effort kept with opportunities by id: used instead of counting their contacts, so that
     *                 {@code contacts} need only hold those of customers with two or more of one owner's opportunities
     *                 (an owner counts a contact behind two of its opportunities once, which only the contacts tell)
     */
    public PipelineReport report(List<Opportunity> opportunities, List<Contact> contacts, Map<Long, KeptEffort> kept,
                                 Instant from, Instant to, Instant asOf) {
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
            PipelineReport.Money money = PipelineReport.Money.NONE.plus(o.amount(), o.weightedAmount());
            openRows.merge(List.of(o.stage(), o.owner(), o.product(), o.currency()), money, SalesPipeline::add);
            stageRows.merge(List.of(o.stage(), o.currency()), money, SalesPipeline::add);
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
        worked = byStageOwnerAndId(worked);
        Effort work = new Effort(worked, contacts, kept, asOf);
        List<PipelineReport.OpportunityEffort> effort = new ArrayList<>(worked.size());
        for (int i = 0; i < worked.size(); i++) {
            Opportunity o = worked.get(i);
            effort.add(new PipelineReport.OpportunityEffort(o.id(), o.title(), o.owner(), o.customerId(), o.stage(),
                    o.currency(), o.amount(), work.count[i], Duration.ofNanos(work.talkNanos[i])));
        }
        List<PipelineReport.OwnerEffort> ownerRows = work.owners;

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

    /**
     * The effort an opportunity store keeps with each of {@code opportunities}: the contacts with its customer from its
     * creation to its close (open ones: every contact from their creation on, as calls are added when stored).
     */
    public static Map<Long, KeptEffort> effortOf(List<Opportunity> opportunities, List<Contact> contacts) {
        Effort counted = new Effort(opportunities, contacts, Map.of(), Instant.MAX);
        Map<Long, KeptEffort> out = new HashMap<>();
        for (int i = 0; i < opportunities.size(); i++) {
            out.put(opportunities.get(i).id(), new KeptEffort(counted.count[i], Duration.ofNanos(counted.talkNanos[i])));
        }
        return out;
    }

    /**
     * The opportunities in stage order (as configured, then by name), then by owner and id: each stage and owner
     * ranked once, so that sorting a hundred thousand compares numbers, not names.
     */
    private List<Opportunity> byStageOwnerAndId(List<Opportunity> worked) {
        Map<String, Integer> stageRank = ranks(worked.stream().map(Opportunity::stage).distinct().sorted(
                Comparator.comparingInt((String st) -> settings.order(st)).thenComparing(Comparator.naturalOrder())).toList());
        Map<String, Integer> ownerRank = ranks(worked.stream().map(Opportunity::owner).distinct().sorted().toList());
        int n = worked.size();
        int[] stage = new int[n];
        int[] owner = new int[n];
        long[] id = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            Opportunity o = worked.get(i);
            stage[i] = stageRank.get(o.stage());
            owner[i] = ownerRank.get(o.owner());
            id[i] = o.id();
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> stage[i]).thenComparingInt(i -> owner[i])
                .thenComparingLong(i -> id[i]));
        List<Opportunity> out = new ArrayList<>(n);
        for (int i : order) {
            out.add(worked.get(i));
        }
        return out;
    }

    private static Map<String, Integer> ranks(List<String> inOrder) {
        Map<String, Integer> out = new HashMap<>();
        for (String s : inOrder) {
            out.put(s, out.size());
        }
        return out;
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

    /**
     * The contacts behind each opportunity (those with its customer between its creation and its close, or now) and
     * behind each owner (each contact once, however many of the owner's opportunities it falls in). Contacts are
     * grouped by customer once into index arrays; each owner's opportunities are walked grouped by customer, and a
     * contact of a customer with several of them is counted once, at the first window it falls in: a million
     * contacts over a hundred thousand opportunities take tens of milliseconds instead of a second.
     */
    private static final class Effort {
        final long[] count;
        final long[] talkNanos;
        final List<PipelineReport.OwnerEffort> owners = new ArrayList<>();

        Effort(List<Opportunity> worked, List<Contact> contacts, Map<Long, KeptEffort> kept, Instant asOf) {
            int n = worked.size();
            count = new long[n];
            talkNanos = new long[n];
            // customers of the opportunities, numbered densely; contacts of anyone else never count
            CustomerNumbers customerIndex = new CustomerNumbers(n);
            int[] customerOf = new int[n];
            for (int i = 0; i < n; i++) {
                customerOf[i] = customerIndex.numberOf(worked.get(i).customerId(), true);
            }
            int customers = customerIndex.size();
            int m = contacts.size();
            int[] contactCustomer = new int[m];
            int[] start = new int[customers + 1];
            for (int j = 0; j < m; j++) {
                int k = customerIndex.numberOf(contacts.get(j).customerId(), false);
                contactCustomer[j] = k;
                if (k >= 0) {
                    start[k + 1]++;
                }
            }
            for (int k = 0; k < customers; k++) {
                start[k + 1] += start[k];
            }
            // each customer's contacts side by side, as plain numbers: walking them touches no objects
            long[] at = new long[start[customers]];
            long[] talkOf = new long[start[customers]];
            int[] fill = java.util.Arrays.copyOf(start, customers);
            for (int j = 0; j < m; j++) {
                if (contactCustomer[j] >= 0) {
                    int p = fill[contactCustomer[j]]++;
                    Contact c = contacts.get(j);
                    at[p] = epochNanos(c.at());
                    talkOf[p] = c.talk().toNanos();
                }
            }
            // each opportunity: the effort kept with it, or its customer's contacts within its window
            long[] fromOf = new long[n];
            long[] toOf = new long[n];
            for (int i = 0; i < n; i++) {
                Opportunity o = worked.get(i);
                fromOf[i] = epochNanos(o.createdAt().orElse(Instant.MIN));
                toOf[i] = epochNanos(o.closedAt().orElse(asOf));
                KeptEffort k = kept.get(o.id());
                if (k != null) {
                    count[i] = k.contacts();
                    talkNanos[i] = k.talk().toNanos();
                    continue;
                }
                int c = customerOf[i];
                for (int p = start[c]; p < start[c + 1]; p++) {
                    if (at[p] >= fromOf[i] && at[p] <= toOf[i]) {
                        count[i]++;
                        talkNanos[i] += talkOf[p];
                    }
                }
            }
            // each owner, in name order: an opportunity alone with its customer adds its own effort; two or more of
            // one customer count each of the customer's contacts that falls in any of their windows once
            Map<String, List<Integer>> hashed = new HashMap<>();
            for (int i = 0; i < n; i++) {
                hashed.computeIfAbsent(worked.get(i).owner(), x -> new ArrayList<>()).add(i);
            }
            Map<String, List<Integer>> byOwner = new TreeMap<>(hashed);
            for (Map.Entry<String, List<Integer>> owner : byOwner.entrySet()) {
                List<Integer> mine = owner.getValue();
                mine.sort(java.util.Comparator.comparingInt(i -> customerOf[i]));
                long open = 0;
                long won = 0;
                long lost = 0;
                long ownerContacts = 0;
                long ownerTalk = 0;
                for (int first = 0, end; first < mine.size(); first = end) {
                    int k = customerOf[mine.get(first)];
                    end = first + 1;
                    while (end < mine.size() && customerOf[mine.get(end)] == k) {
                        end++;
                    }
                    if (end - first == 1) {
                        ownerContacts += count[mine.get(first)];
                        ownerTalk += talkNanos[mine.get(first)];
                        continue;
                    }
                    for (int p = start[k]; p < start[k + 1]; p++) {
                        for (int q = first; q < end; q++) {
                            int i = mine.get(q);
                            if (at[p] >= fromOf[i] && at[p] <= toOf[i]) {
                                ownerContacts++;
                                ownerTalk += talkOf[p];
                                break;
                            }
                        }
                    }
                }
                for (int i : mine) {
                    switch (worked.get(i).status()) {
                        case Opportunity.WON -> won++;
                        case Opportunity.LOST -> lost++;
                        default -> open++;
                    }
                }
                owners.add(new PipelineReport.OwnerEffort(owner.getKey(), open, won, lost, rate(won, lost),
                        ownerContacts, Duration.ofNanos(ownerTalk)));
            }
        }
    
        private static final long MIN_SECONDS = Long.MIN_VALUE / 1_000_000_000L + 1;
        private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

        /** Nanoseconds since 1970, held to the years 1678..2262 (an opportunity with no creation time is MIN). */
        private static long epochNanos(Instant t) {
            if (t.getEpochSecond() < MIN_SECONDS) {
                return Long.MIN_VALUE;
            }
            if (t.getEpochSecond() > MAX_SECONDS) {
                return Long.MAX_VALUE;
            }
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }
    }

    /** Customer ids numbered 0, 1, 2... in an open-addressing table: a million look-ups box no Long. */
    private static final class CustomerNumbers {
        private final long[] ids;
        private final int[] numbers;
        private int size;

        CustomerNumbers(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected * 2)) << 1;
            ids = new long[capacity];
            numbers = new int[capacity];
            java.util.Arrays.fill(numbers, -1);
        }

        /** The customer's number, given it a new one when {@code add} and it has none; -1 when not added. */
        int numberOf(long id, boolean add) {
            int mask = ids.length - 1;
            int slot = (int) (id ^ (id >>> 32)) * 0x9E3779B9 & mask;
            while (numbers[slot] >= 0) {
                if (ids[slot] == id) {
                    return numbers[slot];
                }
                slot = (slot + 1) & mask;
            }
            if (!add) {
                return -1;
            }
            ids[slot] = id;
            numbers[slot] = size;
            return size++;
        }

        int size() {
            return size;
        }
}
}
