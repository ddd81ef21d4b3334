package cc.integration.webhook;

import cc.core.adapter.jdbc.JdbcOutbox;
import cc.core.contract.WebhookAddresses;
import cc.core.domain.integration.BusinessEvent;
import cc.core.domain.integration.BusinessEventType;
import cc.core.testkit.MigratedDatabase;
import cc.integration.IntegrationModule;
import cc.integration.IntegrationSettings;
import cc.integration.domain.relay.Backoff;
import cc.integration.domain.relay.RelayRules;
import cc.integration.domain.webhook.EventFilter;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Webhooks end to end: events appended to the outbox in PostgreSQL the way the stores append them, delivered by the
 * relay to a real HTTP receiver on loopback that verifies every signature.
 */
class WebhookDeliveryIT {
    static final String SECRET = "shared-secret-of-the-crm-receiver";
    /** How long the receiver stays down: a minute, as the issue asks (-Dcc.it.webhookDown=12s for a quicker run). */
    private static final Duration DOWN = Duration.parse("PT" + System.getProperty("cc.it.webhookDown", "60s")
            .toUpperCase());

    private Vertx vertx;
    private MigratedDatabase db;
    private Receiver receiver;
    private IntegrationModule module;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", IntegrationModule.MIGRATIONS);
        receiver = new Receiver(vertx, SECRET);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (module != null) {
            module.close();
        }
        receiver.close();
        db.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void start(Duration gapGrace, Duration parkAfter, String... events) {
        WebhookSubscription sub = new WebhookSubscription("crm", URI.create(receiver.url()),
                new EventFilter(List.of(events)), "CRM_SECRET", SECRET.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(2), 20, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), parkAfter);
        RelayRules rules = new RelayRules(200, Duration.ofMillis(50), gapGrace, Duration.ofMinutes(1),
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        module = IntegrationModule.start(vertx, db.database(), new IntegrationSettings(rules, List.of(sub)), List.of(),
                InstantSource.system()).await();
    }

    @Test
    @DisplayName("every request is signed with the shared secret; a tampered body or a wrong secret fails the check")
    void signaturesVerify() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofMinutes(5), "*");
        List<BusinessEvent> sent = append(30, 3);
        awaitTrue("30 events delivered", Duration.ofSeconds(20), () -> receiver.events().size() >= 30);
        assertTrue(receiver.refusedSignatures().isEmpty(), "every signature verified with the shared secret");
        assertEquals(sent.stream().map(BusinessEvent::id).toList(),
                receiver.events().stream().map(Receiver.Arrived::id).toList(), "in outbox order, each once");

        // the same check a receiver runs, on a body changed by one character, and with another secret
        WebhookSubscription sub = module.webhooks().get(0).subscription();
        long ts = Instant.now().getEpochSecond();
        byte[] body = "{\"events\":[{\"id\":\"x\",\"payload\":{\"amount\":100}}]}".getBytes(StandardCharsets.UTF_8);
        String sig = WebhookSignature.sign(sub.secret(), ts, body);
        assertTrue(WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8), ts, body, sig));
        byte[] tampered = "{\"events\":[{\"id\":\"x\",\"payload\":{\"amount\":900}}]}".getBytes(StandardCharsets.UTF_8);
        assertFalse(WebhookSignature.verify(SECRET.getBytes(StandardCharsets.UTF_8), ts, tampered, sig));

        // a sender without the secret is refused by the receiver
        WebhookSubscription forged = new WebhookSubscription("crm", URI.create(receiver.url()), sub.events(),
                "X", "not-the-shared-secret-at-all".getBytes(StandardCharsets.UTF_8), sub.timeout(), 20, sub.retry(),
                sub.parkAfter());
        WebhookSink sink = new WebhookSink(vertx, forged, new cc.integration.adapter.jdbc.JdbcDeadLetters(
                db.database()), InstantSource.system());
        int status = sink.post(List.of(new cc.core.app.integration.StoredEvent(999, sent.get(0)))).await();
        assertEquals(401, status);
        assertEquals(1, receiver.refusedSignatures().size());
        sink.close();
    }

    @Test
    @DisplayName("a receiver down for a while gets every event once it is up again, in order per entity")
    void receiverDownThenUp() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofHours(1), "interaction.*", "customer.*");
        append(20, 4);
        awaitTrue("the first 20 delivered", Duration.ofSeconds(20), () -> receiver.events().size() >= 20);
        receiver.down();
        Instant downAt = Instant.now();
        List<BusinessEvent> whileDown = new ArrayList<>();
        while (Duration.between(downAt, Instant.now()).compareTo(DOWN) < 0) {
            whileDown.addAll(append(25, 5));
            Thread.sleep(500);
        }
        // agent.state is not subscribed: passed, never sent
        appendOne(BusinessEvent.of(BusinessEventType.AGENT_STATE_CHANGED, "agent-1", Instant.now(), "{}"));
        receiver.up();
        int expected = 20 + whileDown.size();
        awaitTrue(expected + " events delivered after the receiver came back", Duration.ofSeconds(60),
                () -> new HashSet<>(receiver.events().stream().map(Receiver.Arrived::id).toList()).size() >= expected);
        List<Receiver.Arrived> got = receiver.events();
        Set<String> ids = new HashSet<>(got.stream().map(Receiver.Arrived::id).toList());
        for (BusinessEvent e : whileDown) {
            assertTrue(ids.contains(e.id()), "event " + e.id() + " arrived");
        }
        assertTrue(got.stream().noneMatch(a -> a.type().equals("agent.state")), "unsubscribed types are not sent");
        assertRepeatsRecognisable(got);
        assertOrderPerEntity(got);
        System.out.printf("receiver down %d s: %d events sent while down, %d arrived (%d repeats), %d requests%n",
                DOWN.toSeconds(), whileDown.size(), got.size(), got.size() - ids.size(), receiver.requests());
    }

    @Test
    @DisplayName("a batch refused past parkAfter is parked, the next events flow, and an admin's replay delivers it")
    void deadLetterAndReplay() throws Exception {
        start(Duration.ofSeconds(5), Duration.ofSeconds(2), "*");
        receiver.answer(500);
        BusinessEvent refused = appendOne(BusinessEvent.of(BusinessEventType.CUSTOMER_CHANGED, "cust-9", Instant.now(),
                "{\"name\":\"Sara\"}"));
        awaitTrue("the refused event parked", Duration.ofSeconds(20), () -> parked() == 1);
        receiver.answer(200);
        BusinessEvent next = appendOne(BusinessEvent.of(BusinessEventType.CUSTOMER_CHANGED, "cust-10", Instant.now(),
                "{}"));
        awaitTrue("the next event delivered", Duration.ofSeconds(20),
                () -> receiver.events().stream().anyMatch(a -> a.id().equals(next.id())));
        assertTrue(receiver.events().stream().noneMatch(a -> a.id().equals(refused.id())));

        WebhookAddresses.DeadLetters list = vertx.eventBus().<WebhookAddresses.DeadLetters>request(
                WebhookAddresses.DEAD_LETTERS, new WebhookAddresses.ListDeadLetters("", false, 10)).await().body();
        assertEquals(1, list.deadLetters().size());
        WebhookAddresses.DeadLetter letter = list.deadLetters().get(0);
        assertEquals(refused.id(), letter.eventId());
        assertEquals("crm", letter.subscription());
        assertTrue(letter.attempts() >= 2, "retried before parking: " + letter.attempts());
        assertTrue(letter.lastError().contains("500"), letter.lastError());

        WebhookAddresses.Status status = vertx.eventBus().<WebhookAddresses.Status>request(WebhookAddresses.STATUS,
                new WebhookAddresses.StatusQuery()).await().body();
        assertEquals(1, status.subscriptions().get(0).parked());

        WebhookAddresses.Replayed r = vertx.eventBus().<WebhookAddresses.Replayed>request(WebhookAddresses.REPLAY,
                new WebhookAddresses.ReplayDeadLetter(letter.id(), "admin")).await().body();
        assertTrue(r.delivered(), r.error());
        Receiver.Arrived arrived = receiver.events().stream().filter(a -> a.id().equals(refused.id())).findFirst()
                .orElseThrow(() -> new AssertionError("the replayed event did not arrive"));
        assertEquals("{\"name\":\"Sara\"}", arrived.payload());
        assertEquals(0, parked(), "replayed: no longer waiting");
        WebhookAddresses.DeadLetter after = vertx.eventBus().<WebhookAddresses.DeadLetters>request(
                WebhookAddresses.DEAD_LETTERS, new WebhookAddresses.ListDeadLetters("crm", true, 10)).await().body()
                .deadLetters().get(0);
        assertEquals("admin", after.replayedBy().orElseThrow());
    }

    @Test
    @DisplayName("a change committed late, after a later one, is still delivered (the outbox gap), and first")
    void gapRule() throws Exception {
        start(Duration.ofSeconds(30), Duration.ofHours(1), "*");
        try (Connection slow = db.connection()) {
            slow.setAutoCommit(false);
            BusinessEvent early = BusinessEvent.of(BusinessEventType.INTERACTION_ENDED, "call-1", Instant.now(), "{}");
            JdbcOutbox.append(slow, early);
            // a later change commits while the first is still open: its seq is higher
            BusinessEvent late = appendOne(BusinessEvent.of(BusinessEventType.INTERACTION_STARTED, "call-2",
                    Instant.now(), "{}"));
            assertTrue(seqOf(late.id()) > seqOf(slow, early.id()));
            Thread.sleep(1500);
            assertTrue(receiver.events().isEmpty(), "nothing passes the open lower seq: " + receiver.events());
            slow.commit();
            awaitTrue("both delivered", Duration.ofSeconds(20), () -> receiver.events().size() >= 2);
            assertEquals(List.of(early.id(), late.id()), receiver.events().stream().map(Receiver.Arrived::id).toList());
        }
    }

    @Test
    @DisplayName("a rolled-back change sends nothing; its hole is passed after the grace and later events flow")
    void rolledBackSendsNothing() throws Exception {
        start(Duration.ofSeconds(1), Duration.ofHours(1), "*");
        BusinessEvent undone = BusinessEvent.of(BusinessEventType.CUSTOMER_CREATED, "cust-1", Instant.now(), "{}");
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            JdbcOutbox.append(c, undone);
            c.rollback();
        }
        BusinessEvent kept = appendOne(BusinessEvent.of(BusinessEventType.CUSTOMER_CREATED, "cust-2", Instant.now(),
                "{}"));
        awaitTrue("the committed event delivered past the rolled-back one's hole", Duration.ofSeconds(20),
                () -> receiver.events().size() >= 1);
        Thread.sleep(500);
        assertEquals(List.of(kept.id()), receiver.events().stream().map(Receiver.Arrived::id).toList());
    }

    // ---- helpers ----

    /** {@code n} events over {@code entities} interactions, appended and committed in one transaction. */
    private List<BusinessEvent> append(int n, int entities) throws Exception {
        List<BusinessEvent> events = new ArrayList<>();
        BusinessEventType[] types = {BusinessEventType.INTERACTION_STARTED, BusinessEventType.INTERACTION_ANSWERED,
                BusinessEventType.INTERACTION_ENDED, BusinessEventType.CUSTOMER_CHANGED};
        for (int i = 0; i < n; i++) {
            events.add(BusinessEvent.of(types[i % types.length], "entity-" + (i % entities), Instant.now(),
                    "{\"n\":" + i + "}"));
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            JdbcOutbox.append(c, events);
            c.commit();
        }
        return events;
    }

    private BusinessEvent appendOne(BusinessEvent e) throws Exception {
        try (Connection c = db.connection()) {
            JdbcOutbox.append(c, e);
        }
        return e;
    }

    private long seqOf(String eventId) throws Exception {
        try (Connection c = db.connection()) {
            return seqOf(c, eventId);
        }
    }

    private static long seqOf(Connection c, String eventId) throws Exception {
        try (PreparedStatement q = c.prepareStatement("select seq from outbox_events where event_id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    private long parked() throws Exception {
        try (Connection c = db.connection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from webhook_dead_letters where replayed_at is null"); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A repeat carries the same id and the same content: a receiver may drop it by id. */
    static void assertRepeatsRecognisable(List<Receiver.Arrived> got) {
        Map<String, Receiver.Arrived> first = new HashMap<>();
        for (Receiver.Arrived a : got) {
            Receiver.Arrived f = first.putIfAbsent(a.id(), a);
            if (f != null) {
                assertEquals(f.seq(), a.seq(), "a repeat of " + a.id() + " is the same event");
                assertEquals(f.payload(), a.payload());
            }
        }
    }

    /** Each entity's events first arrived in the order they were written (their seqs). */
    static void assertOrderPerEntity(List<Receiver.Arrived> got) {
        Map<String, Long> lastSeq = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Receiver.Arrived a : got) {
            if (!seen.add(a.id())) {
                continue;
            }
            Long before = lastSeq.put(a.entityId(), a.seq());
            if (before != null && before > a.seq()) {
                fail("entity " + a.entityId() + ": seq " + a.seq() + " arrived after " + before);
            }
        }
    }

    static void awaitTrue(String what, Duration limit, BooleanSupplierWithException probe) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (probe.test()) {
                return;
            }
            Thread.sleep(50);
        }
        fail(what + ": not within " + limit);
    }

    interface BooleanSupplierWithException {
        boolean test() throws Exception;
    }
}
