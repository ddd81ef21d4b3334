package cc.core.domain.sales;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SalesPipelineTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final SalesPipeline pipeline = new SalesPipeline(SalesSettings.defaults());

    private static Opportunity open(long id, long customer, String owner, String stage, String product, String amount,
                                    String currency, int probability, String created) {
        return new Opportunity(id, customer, "", "opp " + id, new BigDecimal(amount), currency, probability, owner,
                stage, product, "", Optional.empty(), Optional.of(Instant.parse(created)), Optional.empty());
    }

    private static Opportunity closed(long id, long customer, String owner, String stage, String reason, String amount,
                                      String currency, String created, String closedAt) {
        return new Opportunity(id, customer, "", "opp " + id, new BigDecimal(amount), currency,
                stage.equals("won") ? 100 : 0, owner, stage, "", reason, Optional.empty(),
                Optional.of(Instant.parse(created)), Optional.of(Instant.parse(closedAt)));
    }

    private static SalesPipeline.Contact contact(String id, long customer, String at, int talkSeconds) {
        return new SalesPipeline.Contact(id, customer, Instant.parse(at), Duration.ofSeconds(talkSeconds));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    @DisplayName("the open pipeline is counted by stage, owner, product and currency, amount and weighted amount"
            + " per currency; two currencies in one stage are two rows, never one sum")
    void openPipelinePerCurrency() {
        List<Opportunity> opps = List.of(
                open(1, 10, "ali", "qualify", "gold-card", "25000000", "IRR", 10, "2026-11-02T08:00:00Z"),
                open(2, 11, "ali", "qualify", "gold-card", "15000000", "IRR", 20, "2026-11-03T08:00:00Z"),
                open(3, 12, "ali", "qualify", "gold-card", "1000", "USD", 10, "2026-11-03T09:00:00Z"),
                open(4, 13, "mina", "negotiate", "", "200.50", "EUR", 70, "2026-11-04T08:00:00Z"),
                open(5, 14, "mina", "propose", "cloud", "3000000", "IRR", 40, "2026-11-05T08:00:00Z"));

        PipelineReport r = pipeline.report(opps, List.of(), FROM, TO, NOW);

        assertEquals(List.of(
                        new PipelineReport.StageRow("qualify", "IRR", new PipelineReport.Money(2, d("40000000"),
                                d("5500000"))),
                        new PipelineReport.StageRow("qualify", "USD", new PipelineReport.Money(1, d("1000"), d("100"))),
                        new PipelineReport.StageRow("propose", "IRR", new PipelineReport.Money(1, d("3000000"),
                                d("1200000"))),
                        new PipelineReport.StageRow("negotiate", "EUR", new PipelineReport.Money(1, d("200.5"),
                                d("140.35")))),
                r.openByStage(),
                "stages in configured order; 25,000,000 x 10 % + 15,000,000 x 20 % = 5,500,000 IRR, USD apart");
        assertEquals(List.of("qualify ali gold-card IRR 2", "qualify ali gold-card USD 1", "propose mina cloud IRR 1",
                        "negotiate mina  EUR 1"),
                r.open().stream().map(o -> o.stage() + " " + o.owner() + " " + o.product() + " " + o.currency() + " "
                        + o.money().count()).toList());
    }

    @Test
    @DisplayName("won and lost in the range: amounts per owner and currency, lost reasons, a win rate by count and"
            + " the average days from creation to close; closings outside the range are left out")
    void wonAndLost() {
        List<Opportunity> opps = List.of(
                closed(1, 10, "ali", "won", "", "5000000", "IRR", "2026-11-01T00:00:00Z", "2026-11-11T00:00:00Z"),
                closed(2, 10, "ali", "won", "", "300", "USD", "2026-11-02T00:00:00Z", "2026-11-06T00:00:00Z"),
                closed(3, 11, "ali", "lost", "price", "700", "USD", "2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z"),
                closed(4, 12, "mina", "lost", "price", "2000000", "IRR", "2026-11-01T00:00:00Z",
                        "2026-11-21T00:00:00Z"),
                closed(5, 12, "mina", "lost", "competitor", "900000", "IRR", "2026-10-01T00:00:00Z",
                        "2026-10-20T00:00:00Z"));

        PipelineReport r = pipeline.report(opps, List.of(), FROM, TO, NOW);

        assertEquals(List.of(
                        new PipelineReport.ClosedRow("ali", "IRR", 1, d("5000000"), 0, d("0")),
                        new PipelineReport.ClosedRow("ali", "USD", 1, d("300"), 1, d("700")),
                        new PipelineReport.ClosedRow("mina", "IRR", 0, d("0"), 1, d("2000000"))),
                r.closed(),
                "the October loss is outside the range");
        assertEquals(List.of(new PipelineReport.ReasonRow("price", "IRR", 1, d("2000000")),
                        new PipelineReport.ReasonRow("price", "USD", 1, d("700"))),
                r.lostReasons(), "the same reason in two currencies is two rows");
        assertEquals(2, r.outcome().won());
        assertEquals(2, r.outcome().lost());
        assertEquals(Optional.of(0.5), r.outcome().winRate());
        // cycles 10, 4, 1 and 20 days: 35 / 4 = 8.75 days; won: (10 + 4) / 2 = 7 days
        assertEquals(Optional.of(Duration.ofHours(210)), r.outcome().averageCycle());
        assertEquals(Optional.of(Duration.ofDays(7)), r.outcome().averageWonCycle());
    }

    @Test
    @DisplayName("effort: contacts with the customer from the opportunity's creation to its close (or now) and their"
            + " talk; per owner a contact behind two of their opportunities counts once")
    void effort() {
        List<Opportunity> opps = List.of(
                open(1, 10, "ali", "qualify", "", "100", "EUR", 10, "2026-11-10T00:00:00Z"),
                open(2, 10, "ali", "propose", "", "200", "EUR", 40, "2026-11-12T00:00:00Z"),
                closed(3, 20, "mina", "won", "", "50", "USD", "2026-11-01T00:00:00Z", "2026-11-15T00:00:00Z"));
        List<SalesPipeline.Contact> contacts = List.of(
                contact("before", 10, "2026-11-09T23:59:59Z", 999),
                contact("k1", 10, "2026-11-11T10:00:00Z", 120),
                contact("k2", 10, "2026-12-01T10:00:00Z", 60),
                contact("k3", 20, "2026-11-02T10:00:00Z", 300),
                contact("after-close", 20, "2026-11-16T10:00:00Z", 500),
                contact("other-customer", 30, "2026-11-11T10:00:00Z", 700));

        PipelineReport r = pipeline.report(opps, contacts, FROM, TO, NOW);

        assertEquals(List.of("1 ali 2 180", "2 ali 1 60", "3 mina 1 300"),
                r.effort().stream().map(e -> e.id() + " " + e.owner() + " " + e.contacts() + " "
                        + e.talk().toSeconds()).toList());
        assertEquals(List.of(
                        new PipelineReport.OwnerEffort("ali", 2, 0, 0, Optional.empty(), 2, Duration.ofSeconds(180)),
                        new PipelineReport.OwnerEffort("mina", 0, 1, 0, Optional.of(1.0), 1, Duration.ofSeconds(300))),
                r.owners(), "k2 served both of ali's opportunities and is counted once for him");
    }

    @Test
    @DisplayName("effort: a contact behind opportunities of two owners counts once for each of them, whatever order"
            + " their opportunities come in")
    void effortSharedBetweenOwners() {
        List<Opportunity> opps = List.of(
                open(1, 10, "ali", "qualify", "", "100", "EUR", 10, "2026-11-10T00:00:00Z"),
                open(2, 10, "mina", "propose", "", "200", "EUR", 40, "2026-11-10T00:00:00Z"),
                open(3, 10, "ali", "negotiate", "", "300", "EUR", 70, "2026-11-10T00:00:00Z"),
                open(4, 10, "mina", "negotiate", "", "400", "EUR", 70, "2026-11-20T00:00:00Z"));
        List<SalesPipeline.Contact> contacts = List.of(
                contact("k1", 10, "2026-11-11T10:00:00Z", 120),
                contact("k2", 10, "2026-11-21T10:00:00Z", 60),
                contact("unrelated", 99, "2026-11-21T10:00:00Z", 600));

        PipelineReport r = pipeline.report(opps, contacts, FROM, TO, NOW);

        assertEquals(List.of("1 ali 2 180", "2 mina 2 180", "3 ali 2 180", "4 mina 1 60"),
                r.effort().stream().map(e -> e.id() + " " + e.owner() + " " + e.contacts() + " "
                        + e.talk().toSeconds()).toList());
        assertEquals(List.of(
                        new PipelineReport.OwnerEffort("ali", 2, 0, 0, Optional.empty(), 2, Duration.ofSeconds(180)),
                        new PipelineReport.OwnerEffort("mina", 2, 0, 0, Optional.empty(), 2, Duration.ofSeconds(180))),
                r.owners());
    }

    @Test
    @DisplayName("effort kept with opportunities: on a random book, the report from the kept effort and only the calls"
            + " of customers with two of one owner's opportunities equals the report from every call")
    void keptEffortEqualsCountedFromCalls() {
        java.util.Random random = new java.util.Random(20261203);
        List<Opportunity> opps = new java.util.ArrayList<>();
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        for (long id = 1; id <= 400; id++) {
            long customer = 1 + random.nextInt(150);
            String owner = "owner" + random.nextInt(6);
            Instant created = start.plus(Duration.ofMinutes(random.nextInt(200_000)));
            if (random.nextInt(3) == 0) {
                Instant closedAt = FROM.plus(Duration.ofMinutes(random.nextInt(40_000)));
                opps.add(new Opportunity(id, customer, "", "opp " + id, d("10"), "EUR", 0, owner, "lost", "", "price",
                        Optional.empty(), Optional.of(created.isAfter(closedAt) ? closedAt : created),
                        Optional.of(closedAt)));
            } else {
                opps.add(new Opportunity(id, customer, "", "opp " + id, d("10"), "EUR", 30, owner, "propose", "", "",
                        Optional.empty(), Optional.of(created), Optional.empty()));
            }
        }
        List<SalesPipeline.Contact> calls = new java.util.ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            calls.add(new SalesPipeline.Contact("k" + k, 1 + random.nextInt(160),
                    start.plus(Duration.ofMinutes(random.nextInt(260_000))), Duration.ofSeconds(random.nextInt(900))));
        }
        java.util.Set<Long> shared = new java.util.HashSet<>();
        java.util.Map<String, Long> perOwnerAndCustomer = new java.util.HashMap<>();
        for (Opportunity o : opps) {
            if (o.isOpen() || o.closedAt().get().isBefore(TO)) {
                if (perOwnerAndCustomer.merge(o.owner() + "/" + o.customerId(), 1L, Long::sum) > 1) {
                    shared.add(o.customerId());
                }
            }
        }
        List<SalesPipeline.Contact> sharedCalls = calls.stream().filter(c -> shared.contains(c.customerId())).toList();
        assertTrue(!shared.isEmpty() && sharedCalls.size() < calls.size(), "the book has both kinds of customer");

        PipelineReport fromCalls = pipeline.report(opps, calls, FROM, TO, NOW);
        PipelineReport fromKept = pipeline.report(opps, sharedCalls, SalesPipeline.effortOf(opps, calls), FROM, TO,
                NOW);

        assertEquals(fromCalls.effort(), fromKept.effort());
        assertEquals(fromCalls.owners(), fromKept.owners());
        assertTrue(fromCalls.owners().stream().mapToLong(PipelineReport.OwnerEffort::contacts).sum() > 0);
    }
}
