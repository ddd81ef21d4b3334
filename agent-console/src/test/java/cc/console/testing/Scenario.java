package cc.console.testing;

import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.InteractionUpdated;
import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.testkit.Await;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test data as the other modules would leave it: a known customer with history, knowledge, an IVR'd call. */
public final class Scenario {
    public final ConsoleFixture fx;
    public Customer customer;
    public String callId;

    public Scenario(ConsoleFixture fx) {
        this.fx = fx;
    }

    /**
     * Maryam Karimi, with an earlier solved call about a blocked card, an email about her statement and a call recorded
     * before segments were kept (about a loan, offered last to a7); two articles;
     * a question script on queue {@code cards}. Answers disposition requests as core's recorder does.
     */
    public Scenario seed(String admin) {
        customer = Await.result(fx.customers.save(new Customer(0, "Maryam Karimi", List.of("09121112233"),
                "ACC-1001", "fa", "gold")));
        Instant lastWeek = Instant.parse("2026-11-16T07:00:00Z");
        Await.result(fx.interactions.save(earlierCall(lastWeek)));
        Await.result(fx.interactions.save(new Interaction("mail-" + UUID.randomUUID(),
                cc.core.domain.interaction.InteractionChannel.EMAIL, Direction.INBOUND, "", "", "", "", "",
                lastWeek.minus(Duration.ofDays(3)), java.util.Optional.empty(), java.util.Optional.empty(), List.of(),
                List.of(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of("information-given"), "Sent the October statement by email", "",
                java.util.Optional.of(customer.id()), java.util.Optional.empty(), java.util.Optional.empty(), true)));
        Await.result(fx.interactions.save(new Interaction("legacy-" + UUID.randomUUID(),
                cc.core.domain.interaction.InteractionChannel.VOICE, Direction.INBOUND, "pbx1", "c-legacy",
                "09121112233", "", "1500", lastWeek.minus(Duration.ofDays(30)), Optional.of(lastWeek.minus(Duration.ofDays(30))),
                Optional.of(lastWeek.minus(Duration.ofDays(30)).plusSeconds(200)), List.of(), List.of(),
                Optional.of("loans"), Optional.of("a7"), Optional.empty(), "Asked about the loan rate", "normal",
                Optional.of(customer.id()), Optional.empty(), Optional.empty(), false)));
        ConsoleClient root = fx.signIn(admin);
        check(root.change("POST", "/api/admin/articles", new JsonObject().put("title", "Unblocking a card")
                .put("body", "Check identity with the account number, then unblock the card under Cards > Blocked.")
                .put("topics", "card blocked pin").put("language", "en")).statusCode(), 201);
        check(root.change("POST", "/api/admin/articles", new JsonObject().put("title", "Branch opening hours")
                .put("body", "Branches open Saturday to Wednesday 8:00 to 16:00.").put("topics", "hours branch")
                .put("language", "en")).statusCode(), 201);
        check(root.change("PUT", "/api/admin/queues/cards", new JsonObject().put("displayName", "Cards")
                .put("serviceLevelSeconds", 20)
                .put("questionScript", "Ask for the account number\nAsk when the card stopped working")).statusCode(), 204);
        Await.result(fx.console.refreshAnswers());
        fx.vertx.eventBus().<DisposeInteraction>consumer(Addresses.INTERACTION_DISPOSE, m -> {
            DisposeInteraction d = m.body();
            fx.interactions.find(d.interactionId()).compose(i -> {
                Interaction disposed = i.orElseThrow().withDisposition(d.disposition(), d.notes());
                return fx.interactions.save(disposed).map(v -> disposed);
            }).onSuccess(i -> {
                fx.vertx.eventBus().publish(Addresses.INTERACTION_UPDATED, new InteractionUpdated(i));
                m.reply(null);
            }).onFailure(e -> m.fail(500, e.getMessage()));
        });
        return this;
    }

    /**
     * Last week's call as the recorder kept it: 42 s in the IVR (main menu, balance, then the agent node), 1:10 in
     * queue {@code cards}, where a1's phone rang unanswered and a2 answered and talked for 3:08, then wrapped up.
     */
    private Interaction earlierCall(Instant at) {
        return Interaction.newCall("old-" + UUID.randomUUID(), Direction.INBOUND, "pbx1", "c0", "09121112233", "",
                        "1500", at)
                .answered(at)
                .withIvrStep(new IvrStep("main-menu", "1", at.plusSeconds(1)))
                .withIvrStep(new IvrStep("balance", "0", at.plusSeconds(12)))
                .withIvrStep(new IvrStep("agent", "", at.plusSeconds(40)))
                .withSegment(new Segment(SegmentKind.IVR, at, Optional.of(at.plusSeconds(42)), "", "", "main",
                        Segment.ENQUEUED, ""))
                .withSegment(new Segment(SegmentKind.QUEUE, at.plusSeconds(42), Optional.of(at.plusSeconds(112)), "",
                        "cards", "", Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.OFFER, at.plusSeconds(80), Optional.of(at.plusSeconds(100)), "a1",
                        "cards", "", Segment.NO_ANSWER, ""))
                .withSegment(new Segment(SegmentKind.OFFER, at.plusSeconds(100), Optional.of(at.plusSeconds(112)),
                        "a2", "cards", "", Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.TALK, at.plusSeconds(112), Optional.of(at.plusSeconds(300)), "a2",
                        "", "", Segment.CALLER_HUNG_UP, ""))
                .withSegment(new Segment(SegmentKind.WRAP_UP, at.plusSeconds(300), Optional.of(at.plusSeconds(330)),
                        "a2", "", "", "", ""))
                .withCustomer(customer.id()).withQueue("cards").withAgent("a2")
                .withDisposition("resolved", "Card blocked after wrong PIN; unblocked it after identity check")
                .ended(at.plusSeconds(300), "normal");
    }

    /**
     * Maryam calls, keys her account and "2" for cards in the IVR (25 s), waits in {@code cards}, where a9's phone
     * rings unanswered, and the ACD now rings {@code agentId}: the record as the recorder has it at that moment.
     */
    public String offer(String agentId) {
        callId = "call-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant start = now.minusSeconds(40);
        Interaction call = Interaction.newCall(callId, Direction.INBOUND, "pbx1", callId, "09121112233", "", "1500",
                        start)
                .answered(start)
                .withIvrStep(new IvrStep("welcome", "", start))
                .withIvrStep(new IvrStep("account", "1001", now.minusSeconds(30)))
                .withIvrStep(new IvrStep("card-menu", "2", now.minusSeconds(20)))
                .withSegment(new Segment(SegmentKind.IVR, start, Optional.of(now.minusSeconds(15)), "", "", "main",
                        Segment.ENQUEUED, ""))
                .withSegment(Segment.begins(SegmentKind.QUEUE, now.minusSeconds(15), "", "cards", ""))
                .withSegment(new Segment(SegmentKind.OFFER, now.minusSeconds(12), Optional.of(now.minusSeconds(2)),
                        "a9", "cards", "", Segment.NO_ANSWER, ""))
                .withSegment(Segment.begins(SegmentKind.OFFER, now, agentId, "cards", ""))
                .withQueue("cards").withCustomer(customer.id());
        Await.result(fx.interactions.save(call));
        fx.vertx.eventBus().publish(Addresses.ACD_CALL_OFFERED, new CallOffered(agentId, callId, "u-" + callId,
                "09121112233", "cards", Map.of("topic", "card blocked", "account", "ACC-1001"), now));
        return callId;
    }

    private static void check(int actual, int expected) {
        if (actual != expected) {
            throw new AssertionError("seeding got HTTP " + actual + ", expected " + expected);
        }
    }
}
