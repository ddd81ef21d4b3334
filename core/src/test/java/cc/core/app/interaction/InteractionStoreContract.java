package cc.core.app.interaction;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.Contexts;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link InteractionStore} promises. A subclass supplies the store and the Vert.x it runs on; the store
 * may be shared by all tests and hold other rows, because each test uses its own ids, customer and time window.
 * Instants are compared to the millisecond.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InteractionStoreContract {

    protected abstract InteractionStore store();

    protected abstract Vertx vertx();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int seq;

    /** A random instant with sub-microsecond digits, far from other tests' windows. */
    private static Instant someTime() {
        long seconds = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond()
                + ThreadLocalRandom.current().nextLong(0, 50L * 365 * 24 * 3600);
        return Instant.ofEpochSecond(seconds, 123_456_789);
    }

    private String newId() {
        return "it-" + run + "-" + (++seq);
    }

    private static long newCustomer() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
    }

    /** A call with every field set, a three-step IVR path and its segments: IVR, queue, an unanswered ring, talk. */
    private Interaction fullCall(Instant offered) {
        return Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "1700000000." + seq, "+989120001111",
                        "سارا احمدی", "02100000000", offered)
                .answered(offered.plusMillis(5))
                .withIvrStep(new IvrStep("welcome", "", offered.plusMillis(10)))
                .withIvrStep(new IvrStep("main-menu", "2", offered.plusSeconds(4)))
                .withIvrStep(new IvrStep("to-sales", null, offered.plusSeconds(9)))
                .withSegment(new Segment(SegmentKind.IVR, offered.plusMillis(5), Optional.of(offered.plusSeconds(9)),
                        "", "", "main-menu", Segment.ENQUEUED, ""))
                .withSegment(new Segment(SegmentKind.QUEUE, offered.plusSeconds(9),
                        Optional.of(offered.plusSeconds(30)), "", "sales", "", Segment.ANSWERED, "agent-7"))
                .withSegment(new Segment(SegmentKind.OFFER, offered.plusSeconds(12),
                        Optional.of(offered.plusSeconds(27)), "agent-2", "sales", "", Segment.NO_ANSWER, "no-answer"))
                .withSegment(new Segment(SegmentKind.OFFER, offered.plusSeconds(27),
                        Optional.of(offered.plusSeconds(30)), "agent-7", "sales", "", Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.TALK, offered.plusSeconds(30),
                        Optional.of(offered.plusSeconds(300)), "agent-7", "sales", "", Segment.CALLER_HUNG_UP, ""))
                .withQueue("sales")
                .withAgent("agent-7")
                .withCustomer(newCustomer())
                .withCampaign("spring-offer")
                .withDisposition("sold", "خرید بسته‌ی طلایی; call back in May")
                .withSatisfaction(4)
                .ended(offered.plusSeconds(300), "Normal Clearing");
    }

    @Test
    @DisplayName("a saved interaction reads back with every field and its IVR path")
    void savedInteractionReadsBackWhole() {
        Interaction call = fullCall(someTime());

        result(store().save(call));

        assertEquals(Optional.of(ms(call)), result(store().find(call.id())).map(InteractionStoreContract::ms));
    }

    @Test
    @DisplayName("an interaction with nothing but its start reads back with empty fields")
    void minimalInteractionReadsBack() {
        Interaction web = new Interaction(newId(), InteractionChannel.WEB, Direction.OUTBOUND, null, null, null, null,
                null, someTime(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), null, null, Optional.empty(), Optional.empty(), Optional.empty(),
                true);

        result(store().save(web));

        assertEquals(Optional.of(ms(web)), result(store().find(web.id())).map(InteractionStoreContract::ms));
    }

    @Test
    @DisplayName("saving again replaces the record, and the IVR path is replaced whole")
    void saveReplaces() {
        Instant t = someTime();
        Interaction first = fullCall(t);
        result(store().save(first));
        Interaction shorter = new Interaction(first.id(), first.channel(), first.direction(), first.server(),
                first.callId(), first.callerNumber(), "", first.dialedNumber(), first.offeredAt(), first.answeredAt(),
                first.endedAt(), List.of(new IvrStep("callback", "1", t.plusSeconds(2))),
                List.of(first.segments().get(1)), Optional.of("support"), Optional.empty(), Optional.of("callback"),
                "", "", first.customerId(), Optional.empty(), Optional.empty(), true);

        result(store().save(shorter));

        assertEquals(Optional.of(ms(shorter)), result(store().find(first.id())).map(InteractionStoreContract::ms));
    }

    @Test
    @DisplayName("a record from before segments keeps its agent and answer, and claims no handler or abandon")
    void recordBeforeSegmentsKeepsItsMeaning() {
        Instant t = someTime();
        Interaction legacy = new Interaction(newId(), InteractionChannel.VOICE, Direction.INBOUND, "pbx-1", "l1",
                "5551234", "", "02188", t, Optional.of(t.plusSeconds(1)), Optional.of(t.plusSeconds(40)), List.of(),
                List.of(), Optional.of("support"), Optional.of("agent-2"), Optional.empty(), "", "Normal Clearing",
                Optional.empty(), Optional.empty(), Optional.empty(), false);

        result(store().save(legacy));
        Interaction read = result(store().find(legacy.id())).orElseThrow();

        assertEquals(ms(legacy), ms(read));
        assertEquals(Optional.of("agent-2"), read.agentId());
        assertEquals(List.of(), read.handledBy());
        assertEquals(Optional.empty(), read.abandonedWhere());
        assertEquals(Optional.empty(), read.agentAnsweredAt());
    }

    @Test
    @DisplayName("the summary of a record with segments is derived from them: agents who talked, first agent answer")
    void summaryFromSegments() {
        Interaction call = fullCall(someTime());
        result(store().save(call));
        Interaction read = result(store().find(call.id())).orElseThrow();

        assertEquals(List.of("agent-7"), read.handledBy());
        assertEquals(Optional.of(ms(call.offeredAt().plusSeconds(30))), read.agentAnsweredAt().map(
                InteractionStoreContract::ms));
        assertEquals(5, read.segments().size());
        assertEquals(Segment.NO_ANSWER, read.segments().get(2).outcome());
        assertEquals("سارا احمدی", read.callerName());
    }

    @Test
    @DisplayName("an unknown id finds nothing")
    void unknownIdFindsNothing() {
        assertEquals(Optional.empty(), result(store().find(newId())));
    }

    @Test
    @DisplayName("a call is found by its server and call id, and not by the same call id on another server")
    void findByCall() {
        Interaction call = fullCall(someTime());
        result(store().save(call));

        assertEquals(Optional.of(call.id()), result(store().findByCall("pbx-1", call.callId())).map(Interaction::id));
        assertEquals(Optional.empty(), result(store().findByCall("pbx-2", call.callId())));
    }

    @Test
    @DisplayName("interactions offered in a window come oldest first, the window's end excluded, up to the limit")
    void offeredBetween() {
        Instant t = someTime();
        Interaction before = Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "b", "1", "", "2", t.minusMillis(1));
        Interaction a = fullCall(t);
        Interaction b = Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "c", "1", "", "2", t.plusSeconds(10));
        Interaction c = Interaction.newCall(newId(), Direction.OUTBOUND, "pbx-1", "d", "1", "", "2", t.plusSeconds(20));
        Interaction atEnd = Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "e", "1", "", "2", t.plusSeconds(60));
        for (Interaction i : List.of(c, atEnd, a, before, b)) {
            result(store().save(i));
        }

        List<Interaction> all = result(store().offeredBetween(t, t.plusSeconds(60), 10));
        List<Interaction> firstTwo = result(store().offeredBetween(t, t.plusSeconds(60), 2));

        assertEquals(List.of(a.id(), b.id(), c.id()), all.stream().map(Interaction::id).toList());
        assertEquals(ms(a), ms(all.get(0)), "lists carry the IVR path too");
        assertEquals(List.of(a.id(), b.id()), firstTwo.stream().map(Interaction::id).toList());
    }

    @Test
    @DisplayName("a customer's timeline lists only their interactions, newest first, up to the limit")
    void customerTimeline() {
        long customer = newCustomer();
        Instant t = someTime();
        Interaction old = fullCall(t.minus(Duration.ofDays(30))).withCustomer(customer);
        Interaction recent = fullCall(t).withCustomer(customer);
        Interaction middle = Interaction.newCall(newId(), Direction.OUTBOUND, "pbx-1", "x", "1", "", "2",
                t.minus(Duration.ofDays(2))).withCustomer(customer);
        Interaction someoneElse = fullCall(t.plusSeconds(1));
        for (Interaction i : List.of(old, someoneElse, recent, middle)) {
            result(store().save(i));
        }

        assertEquals(List.of(recent.id(), middle.id(), old.id()),
                result(store().forCustomer(customer, 10)).stream().map(Interaction::id).toList());
        assertEquals(List.of(recent.id()),
                result(store().forCustomer(customer, 1)).stream().map(Interaction::id).toList());
    }

    @Test
    @DisplayName("interactions not yet ended are listed as open; ended ones are not")
    void openInteractions() {
        Instant t = someTime();
        Interaction ringing = Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "o1", "1", "", "2", t);
        Interaction talking = ringing.withQueue("sales").answered(t.plusSeconds(5));
        Interaction talkingOther = Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "o2", "1", "", "2", t)
                .answered(t.plusSeconds(1));
        Interaction ended = fullCall(t);
        for (Interaction i : List.of(ringing, talking, talkingOther, ended)) {
            result(store().save(i));
        }

        List<Interaction> open = result(store().open());

        List<String> ids = open.stream().map(Interaction::id).toList();
        assertTrue(ids.contains(talking.id()), "open: " + ids);
        assertTrue(ids.contains(talkingOther.id()), "open: " + ids);
        assertFalse(ids.contains(ended.id()), "open: " + ids);
        assertEquals(ms(talking), ms(open.get(ids.indexOf(talking.id()))));
        assertTrue(open.stream().noneMatch(Interaction::isEnded));
    }

    @Test
    @DisplayName("futures complete on the calling verticle's context")
    void completesOnCallersContext() {
        Context context = Contexts.newVerticleContext(vertx());
        Interaction call = fullCall(someTime());
        Promise<Boolean> sameContext = Promise.promise();
        context.runOnContext(v -> store().save(call)
                .compose(ok -> store().find(call.id()))
                .onComplete(ar -> sameContext.complete(ar.succeeded() && Vertx.currentContext() == context)));

        assertSame(Boolean.TRUE, result(sameContext.future()));
    }

    @Test
    @DisplayName("saves made one after another from one context all land, the last one winning")
    void savesFromOneContextApplyInOrder() {
        Context context = Contexts.newVerticleContext(vertx());
        Interaction call = Interaction.newCall(newId(), Direction.INBOUND, "pbx-1", "seq", "1", "", "2", someTime());
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            Interaction current = call;
            Future<Void> last = Future.succeededFuture();
            for (int i = 0; i < 20; i++) {
                current = current.withIvrStep(new IvrStep("node-" + i, "", call.offeredAt().plusSeconds(i)));
                last = store().save(current);
            }
            last.onComplete(done);
        });
        result(done.future());

        assertEquals(20, result(store().find(call.id())).orElseThrow().ivrPath().size());
    }

    @Test
    @DisplayName("several verticles saving the same new interaction at once all succeed, with one record kept")
    void concurrentFirstSavesAllSucceed() {
        List<Interaction> calls = new java.util.ArrayList<>();
        List<Future<Void>> saves = new java.util.ArrayList<>();
        for (int n = 0; n < 6; n++) {
            Interaction call = fullCall(someTime());
            calls.add(call);
            for (int verticle = 0; verticle < 4; verticle++) {
                Context context = Contexts.newVerticleContext(vertx());
                Promise<Void> saved = Promise.promise();
                context.runOnContext(v -> store().save(call).onComplete(saved));
                saves.add(saved.future());
            }
        }

        result(Future.all(saves));

        for (Interaction call : calls) {
            assertEquals(Optional.of(ms(call)), result(store().find(call.id())).map(InteractionStoreContract::ms));
        }
    }

    /** The interaction with every instant truncated to milliseconds. */
    protected static Interaction ms(Interaction i) {
        return new Interaction(i.id(), i.channel(), i.direction(), i.server(), i.callId(), i.callerNumber(),
                i.callerName(), i.dialedNumber(), ms(i.offeredAt()), i.answeredAt().map(InteractionStoreContract::ms),
                i.endedAt().map(InteractionStoreContract::ms),
                i.ivrPath().stream().map(s -> new IvrStep(s.node(), s.input(), ms(s.at()))).toList(),
                i.segments().stream().map(s -> new Segment(s.kind(), ms(s.startedAt()),
                        s.endedAt().map(InteractionStoreContract::ms), s.agentId(), s.queue(), s.flow(), s.outcome(),
                        s.detail())).toList(),
                i.queue(), i.agentId(), i.disposition(), i.notes(), i.endCause(), i.customerId(), i.campaignId(),
                i.satisfaction(), i.segmentsKept());
    }

    private static Instant ms(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }
}
