package cc.core.adapter.jdbc;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.ManualClock;
import cc.core.testkit.MigratedDatabase;
import cc.core.testkit.OutboxRows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interaction store's outbox events, on the database a subclass opens: what each save tells other systems, that
 * saving the same state again tells nothing, and that a save failing after its events were written leaves neither.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InteractionOutboxContract {
    private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
    /** Longer than interaction_segments.agent_id (128): the segment's insert, the save's last statements, fails. */
    private static final String AGENT_TOO_LONG = "a".repeat(200);

    protected Vertx vertx;
    protected MigratedDatabase db;
    private JdbcInteractionStore store;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T10:00:00Z"));

    protected abstract MigratedDatabase open(Vertx vertx);

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = open(vertx);
        store = new JdbcInteractionStore(db.database(), clock);
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    private static Interaction newCall() {
        return Interaction.newCall("ob-" + UUID.randomUUID(), Direction.INBOUND, "pbx-1", "1700.1", "+989120001111",
                "Sara", "02100000000", T).withQueue("sales").withCustomer(42);
    }

    private static Interaction talking(Interaction call, String agent) {
        return call.answered(T.plusSeconds(1)).withAgent(agent)
                .withSegment(new Segment(SegmentKind.QUEUE, T.plusSeconds(1), Optional.of(T.plusSeconds(9)), "",
                        "sales", "", Segment.ANSWERED, agent))
                .withSegment(Segment.begins(SegmentKind.TALK, T.plusSeconds(9), agent, "sales", ""));
    }

    private static Interaction ended(Interaction talking) {
        return talking.withSegments(s -> s.ends(T.plusSeconds(60), Segment.CALLER_HUNG_UP, ""))
                .ended(T.plusSeconds(60), "Normal Clearing");
    }

    @Test
    @DisplayName("a call saved as it goes tells started, answered by its agent, ended and disposed, once each")
    void callTellsEachStepOnce() throws Exception {
        Interaction call = newCall();
        result(store.save(call));
        result(store.save(call));
        Interaction talking = talking(call, "agent-7");
        result(store.save(talking));
        result(store.save(talking));
        Interaction ended = ended(talking);
        result(store.save(ended));
        result(store.save(ended));
        Interaction disposed = ended.withDisposition("sold", "private words of the customer");
        result(store.save(disposed));
        result(store.save(disposed));

        List<OutboxRows.Row> rows = OutboxRows.of(db, call.id());
        assertEquals(List.of("interaction.started", "interaction.answered", "interaction.ended",
                "interaction.disposed"), rows.stream().map(OutboxRows.Row::type).toList());
        assertEquals(4, rows.stream().map(OutboxRows.Row::eventId).distinct().count(), "each event has its own id");
        JsonObject started = rows.get(0).payload();
        assertEquals(call.id(), started.getString("interactionId"));
        assertEquals("voice", started.getString("channel"));
        assertEquals("inbound", started.getString("direction"));
        assertEquals("sales", started.getString("queue"));
        assertEquals(42L, started.getLong("customerId"));
        assertEquals("+989120001111", started.getString("callerNumber"));
        assertEquals(T.toString(), started.getString("offeredAt"));
        assertEquals(T, rows.get(0).occurredAt().toInstant());
        JsonObject answered = rows.get(1).payload();
        assertEquals("agent", answered.getString("answeredBy"));
        assertEquals("agent-7", answered.getString("answeredByAgent"));
        assertEquals(T.plusSeconds(9).toString(), answered.getString("agentAnsweredAt"));
        assertEquals(T.plusSeconds(9), rows.get(1).occurredAt().toInstant());
        JsonObject end = rows.get(2).payload();
        assertEquals("Normal Clearing", end.getString("endCause"));
        assertEquals(T.plusSeconds(60).toString(), end.getString("endedAt"));
        JsonObject disposition = rows.get(3).payload();
        assertEquals("sold", disposition.getString("disposition"));
        assertEquals(clock.instant(), rows.get(3).occurredAt().toInstant());
        assertTrue(rows.stream().noneMatch(r -> r.payload().encode().contains("private words")),
                "the agent's notes are not sent");
    }

    @Test
    @DisplayName("a call served by the IVR and transferred between agents tells who answered each time")
    void ivrAndTransfer() throws Exception {
        Interaction call = newCall().answered(T.plusSeconds(1))
                .withSegment(new Segment(SegmentKind.IVR, T.plusSeconds(1), Optional.of(T.plusSeconds(5)), "", "",
                        "main", Segment.ENQUEUED, ""));
        result(store.save(call));
        Interaction first = call.withSegment(new Segment(SegmentKind.TALK, T.plusSeconds(9),
                Optional.of(T.plusSeconds(30)), "agent-1", "sales", "", "transferred", ""));
        Interaction second = first
                .withSegment(new Segment(SegmentKind.TRANSFER, T.plusSeconds(30), Optional.of(T.plusSeconds(30)),
                        "agent-1", "", "", Segment.COMPLETED, "agent:agent-2"))
                .withSegment(Segment.begins(SegmentKind.TALK, T.plusSeconds(31), "agent-2", "sales", ""));
        // the recorder coalesces changes: the first agent's talk and the transfer arrive in one save
        result(store.save(second));
        result(store.save(second));

        List<OutboxRows.Row> rows = OutboxRows.of(db, call.id());
        assertEquals(List.of("interaction.started", "interaction.answered", "interaction.answered",
                "interaction.transferred", "interaction.answered"), rows.stream().map(OutboxRows.Row::type).toList());
        assertEquals("ivr", rows.get(1).payload().getString("answeredBy"));
        assertNull(rows.get(1).payload().getString("answeredByAgent"));
        assertEquals("main", rows.get(1).payload().getJsonObject("segment").getString("flow"));
        assertEquals("agent-1", rows.get(2).payload().getString("answeredByAgent"));
        assertEquals("agent-1", rows.get(3).payload().getString("transferredBy"));
        assertEquals("agent:agent-2", rows.get(3).payload().getString("transferredTo"));
        assertEquals("agent-2", rows.get(4).payload().getString("answeredByAgent"));
    }

    @Test
    @DisplayName("a save that fails after its events were written leaves neither the change nor any event")
    void failedSaveTellsNothing() throws Exception {
        Interaction fresh = talking(newCall(), AGENT_TOO_LONG);
        failure(store.save(fresh));
        assertEquals(List.of(), OutboxRows.types(db, fresh.id()));
        assertTrue(result(store.find(fresh.id())).isEmpty(), "the record was not stored");

        Interaction call = newCall();
        result(store.save(call));
        Interaction broken = ended(talking(call, AGENT_TOO_LONG));
        failure(store.save(broken));
        assertEquals(List.of("interaction.started"), OutboxRows.types(db, call.id()));
        assertTrue(result(store.find(call.id())).orElseThrow().endedAt().isEmpty(), "the record is as before");

        // the same change, once it can be stored, is told then
        Interaction good = ended(talking(call, "agent-3"));
        result(store.save(good));
        assertEquals(List.of("interaction.started", "interaction.answered", "interaction.ended"),
                OutboxRows.types(db, call.id()));
    }
}
