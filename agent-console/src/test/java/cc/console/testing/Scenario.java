package cc.console.testing;

import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.InteractionUpdated;
import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.testkit.Await;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
     * Maryam Karimi, with an earlier solved call about a blocked card and an email about her statement; two articles;
     * a question script on queue {@code cards}. Answers disposition requests as core's recorder does.
     */
    public Scenario seed(String admin) {
        customer = Await.result(fx.customers.save(new Customer(0, "Maryam Karimi", List.of("09121112233"),
                "ACC-1001", "fa", "gold")));
        Instant lastWeek = Instant.parse("2026-11-16T07:00:00Z");
        Await.result(fx.interactions.save(Interaction.newCall("old-" + UUID.randomUUID(), Direction.INBOUND, "pbx1",
                        "c0", "09121112233", "", "1500", lastWeek).withCustomer(customer.id()).withQueue("cards")
                .withAgent("a7").withDisposition("resolved", "Card blocked after wrong PIN; unblocked it after identity check")
                .ended(lastWeek.plusSeconds(300), "normal")));
        Await.result(fx.interactions.save(new Interaction("mail-" + UUID.randomUUID(),
                cc.core.domain.interaction.InteractionChannel.EMAIL, Direction.INBOUND, "", "", "", "", "",
                lastWeek.minus(Duration.ofDays(3)), java.util.Optional.empty(), java.util.Optional.empty(), List.of(),
                List.of(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of("information-given"), "Sent the October statement by email", "",
                java.util.Optional.of(customer.id()), java.util.Optional.empty(), java.util.Optional.empty(), true)));
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

    /** Maryam calls, keys her account and "2" for cards in the IVR, and the ACD rings {@code agentId}. */
    public String offer(String agentId) {
        callId = "call-" + UUID.randomUUID();
        Instant now = Instant.now();
        Interaction call = Interaction.newCall(callId, Direction.INBOUND, "pbx1", callId, "09121112233", "", "1500",
                        now.minusSeconds(40))
                .withIvrStep(new IvrStep("welcome", "", now.minusSeconds(40)))
                .withIvrStep(new IvrStep("account", "1001", now.minusSeconds(30)))
                .withIvrStep(new IvrStep("card-menu", "2", now.minusSeconds(20)))
                .withQueue("cards").withAgent(agentId).withCustomer(customer.id());
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
