package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerRegistry;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.jdbc.JdbcSalesEffort;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.JdbcPipelineSource;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.app.sales.PipelineSource;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.customer.Customer;
import cc.core.domain.customer.CustomerMerge;
import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.PipelineReport;
import cc.core.domain.sales.SalesPipeline;
import cc.core.domain.sales.SalesSettings;
import cc.core.testkit.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opportunity store and the pipeline's facts on every database the server runs on: PostgreSQL
 * ({@link OpportunityStoreIT}) and the demo's embedded H2 ({@link OpportunityStoreH2Test}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpportunityStoreContract {
    private Vertx vertx;
    private Database db;
    private JdbcOpportunityStore store;

    protected abstract Database open(Vertx vertx);

    protected void dispose() {}

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
        store = new JdbcOpportunityStore(db);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
        dispose();
    }

    @Test
    @DisplayName("an opportunity is stored with stage, product and expected close; closing stamps its closing time once"
            + " and reopening clears it; the pipeline reads it with the talk behind it")
    void saveCloseReopen() {
        Instant before = Instant.now().minusSeconds(5);
        Opportunity o = Await.result(store.save(Opportunity.recorded(77, "call-9", "Gold card", new BigDecimal("250.50"),
                "EUR", 40, "ali", "propose", "gold-card", "", Optional.of(LocalDate.parse("2026-12-20")))));
        assertTrue(o.id() > 0);
        assertEquals(List.of("propose", "gold-card", "2026-12-20", "250.5", "open"), List.of(o.stage(), o.product(),
                o.expectedClose().orElseThrow().toString(), o.amount().toPlainString(), o.status()));
        assertTrue(o.createdAt().orElseThrow().isAfter(before));
        assertEquals(Optional.empty(), o.closedAt());

        Opportunity lost = Await.result(store.save(new Opportunity(o.id(), 77, "call-9", "Gold card", o.amount(), "EUR",
                0, "ali", "lost", "gold-card", "price", o.expectedClose(), Optional.empty(), Optional.empty())));
        Instant closed = lost.closedAt().orElseThrow();
        assertEquals("price", lost.lostReason());
        Opportunity again = Await.result(store.save(lost));
        assertEquals(closed, again.closedAt().orElseThrow(), "closed once: a later save keeps the time");
        assertEquals(List.of(), Await.result(store.openFor(77)));

        Opportunity reopened = Await.result(store.save(new Opportunity(o.id(), 77, "call-9", "Gold card", o.amount(),
                "EUR", 70, "ali", "negotiate", "gold-card", "", o.expectedClose(), Optional.empty(), Optional.empty())));
        assertEquals(Optional.empty(), reopened.closedAt());
        assertEquals(List.of(o.id()), Await.result(store.openFor(77)).stream().map(Opportunity::id).toList());

        Instant at = Instant.now();
        Await.result(new JdbcInteractionStore(db).save(Interaction.newCall("store-1", Direction.INBOUND, "pbx",
                "store-1", "0912", "", "100", at).withCustomer(77).withSegment(new Segment(SegmentKind.TALK, at,
                Optional.of(at.plusSeconds(75)), "a1", "sales", "", Segment.CALLER_HUNG_UP, ""))
                .ended(at.plusSeconds(75), "normal")));
        PipelineSource.Facts facts = Await.result(new JdbcPipelineSource(db).facts(Instant.EPOCH,
                at.plus(Duration.ofDays(1)), Function.identity()));
        assertEquals(List.of(o.id()), facts.opportunities().stream().filter(k -> k.customerId() == 77)
                .map(Opportunity::id).toList());
        assertEquals(new SalesPipeline.KeptEffort(1, Duration.ofSeconds(75)), facts.kept().get(o.id()),
                "the call is kept with the opportunity as it is stored");
        assertEquals(List.of(), facts.contacts().stream().filter(k -> k.customerId() == 77).toList(),
                "one opportunity per owner and customer: no call is read");
    }

    @Test
    @DisplayName("the contacts and talk kept with each opportunity equal what the report's engine counts from the calls,"
            + " through every writer: a call stored in progress then ended, a customer linked later, a call after the"
            + " close, a reopen, a merge of customers, a call written past the store (a record from before segments);"
            + " an owner's two opportunities of one customer share their calls, read for the owner's count")
    void keptEffortFollowsEveryWriter() {
        JdbcInteractionStore calls = new JdbcInteractionStore(db);
        JdbcCustomerStore customers = new JdbcCustomerStore(db);
        long kept = Await.result(customers.save(new Customer(0, "Kept Effort", List.of("09125550001"), "", "fa", "")))
                .id();
        long duplicate = Await.result(customers.save(new Customer(0, "Kept Effort (again)", List.of("09125550002"),
                "", "fa", ""))).id();
        Opportunity first = Await.result(store.save(Opportunity.recorded(kept, "", "Fibre", new BigDecimal("90"),
                "USD", 50, "reza", "propose", "fibre", "", Optional.empty())));
        Opportunity second = Await.result(store.save(Opportunity.recorded(kept, "", "Router", new BigDecimal("30"),
                "USD", 20, "reza", "qualify", "router", "", Optional.empty())));
        Opportunity other = Await.result(store.save(Opportunity.recorded(duplicate, "", "TV", new BigDecimal("12"),
                "EUR", 30, "mina", "propose", "tv", "", Optional.empty())));
        Instant at = Instant.now().plusSeconds(1);
        // in progress (no talk yet), then answered and ended with 40 s of talk
        Interaction talking = Interaction.newCall("kept-1", Direction.INBOUND, "pbx", "kept-1", "09125550001", "",
                "100", at).withCustomer(kept);
        Await.result(calls.save(talking));
        Await.result(calls.save(talking.withSegment(new Segment(SegmentKind.TALK, at.plusSeconds(5),
                Optional.of(at.plusSeconds(45)), "a1", "sales", "", Segment.CALLER_HUNG_UP, ""))
                .ended(at.plusSeconds(45), "normal")));
        // stored without a customer, linked by the agent afterwards
        Interaction unknown = Interaction.newCall("kept-2", Direction.INBOUND, "pbx", "kept-2", "09129999999", "",
                "100", at.plusSeconds(60)).withSegment(new Segment(SegmentKind.TALK, at.plusSeconds(61),
                Optional.of(at.plusSeconds(81)), "a1", "sales", "", Segment.CALLER_HUNG_UP, ""))
                .ended(at.plusSeconds(81), "normal");
        Await.result(calls.save(unknown));
        Await.result(calls.save(unknown.withCustomer(kept)));
        // the other customer's opportunity is lost; a call after its close does not count for it until it reopens
        Opportunity lost = Await.result(store.save(new Opportunity(other.id(), duplicate, "", "TV", other.amount(),
                "EUR", 0, "mina", "lost", "tv", "price", Optional.empty(), Optional.empty(), Optional.empty())));
        Instant later = lost.closedAt().orElseThrow().plusSeconds(2);
        Await.result(calls.save(Interaction.newCall("kept-3", Direction.INBOUND, "pbx", "kept-3", "09125550002", "",
                "100", later).withCustomer(duplicate).ended(later.plusSeconds(9), "abandoned")));
        assertEquals(0, keptOf(other.id()).contacts(), "a call after the close is not behind a lost opportunity");
        Await.result(store.save(new Opportunity(other.id(), duplicate, "", "TV", other.amount(), "EUR", 30, "mina",
                "propose", "tv", "", Optional.empty(), Optional.empty(), Optional.empty())));
        assertEquals(1, keptOf(other.id()).contacts(), "reopened, its window runs again to now");
        // a call written past the store (as the history loaders do), its customer's opportunities then forgotten
        Await.result(db.inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement("insert into interactions (id, channel, direction,"
                    + " offered_at, answered_at, ended_at, customer_id, segments_kept) values ('kept-4', 'voice',"
                    + " 'inbound', ?, ?, ?, ?, false)")) {
                st.setObject(1, JdbcPipelineSource.timestamp(at.plusSeconds(120)));
                st.setObject(2, JdbcPipelineSource.timestamp(at.plusSeconds(121)));
                st.setObject(3, JdbcPipelineSource.timestamp(at.plusSeconds(131)));
                st.setLong(4, kept);
                st.executeUpdate();
            }
            JdbcSalesEffort.forget(c, List.of(kept));
            return null;
        }));
        assertKeptEqualsCounted();
        assertEquals(new SalesPipeline.KeptEffort(3, Duration.ofSeconds(70)), keptOf(first.id()));
        assertEquals(keptOf(first.id()), keptOf(second.id()));

        CustomerMerge merged = Await.result(new JdbcCustomerRegistry(db, InstantSource.system())
                .merge(kept, duplicate));
        assertEquals(1, merged.moved().get("opportunities"));
        assertEquals(new SalesPipeline.KeptEffort(4, Duration.ofSeconds(70)), keptOf(first.id()),
                "the merged customer's call now stands behind the kept customer's opportunities too");
        assertKeptEqualsCounted();

        PipelineSource.Facts facts = Await.result(new JdbcPipelineSource(db).facts(Instant.EPOCH,
                at.plus(Duration.ofDays(1)), Function.identity()));
        assertTrue(facts.contacts().stream().allMatch(k -> k.customerId() == kept),
                "only the calls of a customer with two of one owner's opportunities are read: " + facts.contacts());
        PipelineReport withKept = new SalesPipeline(SalesSettings.defaults()).report(facts.opportunities(),
                facts.contacts(), facts.kept(), Instant.EPOCH, at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(1)));
        PipelineReport fromCalls = new SalesPipeline(SalesSettings.defaults()).report(facts.opportunities(),
                allCalls(), Instant.EPOCH, at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(1)));
        assertEquals(fromCalls.effort(), withKept.effort());
        assertEquals(fromCalls.owners(), withKept.owners());
        PipelineReport.OwnerEffort reza = withKept.owners().stream().filter(e -> e.owner().equals("reza"))
                .findFirst().orElseThrow();
        assertEquals(4, reza.contacts(), "the owner counts each call behind both of its opportunities once");
    }

    private SalesPipeline.KeptEffort keptOf(long opportunity) {
        PipelineSource.Facts facts = Await.result(new JdbcPipelineSource(db).facts(Instant.EPOCH,
                Instant.now().plus(Duration.ofDays(1)), Function.identity()));
        return facts.kept().get(opportunity);
    }

    private List<SalesPipeline.Contact> allCalls() {
        return Await.result(db.withConnection(c -> JdbcSalesEffort.contactsOfCustomers(c, 0, Long.MAX_VALUE)));
    }

    /** Every opportunity's kept effort against the engine's count from every call. */
    private void assertKeptEqualsCounted() {
        PipelineSource.Facts facts = Await.result(new JdbcPipelineSource(db).facts(Instant.EPOCH,
                Instant.now().plus(Duration.ofDays(1)), Function.identity()));
        assertEquals(SalesPipeline.effortOf(facts.opportunities(), allCalls()), facts.kept());
    }
}
