package cc.console.adapter.http;

import cc.console.domain.auth.Role;
import cc.console.testing.ConsoleClient;
import cc.console.testing.ConsoleFixture;
import cc.core.app.interaction.MediaInteractionRecorder;
import cc.core.contract.AnswerMediaOffer;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaOffered;
import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.testkit.Await;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's chats and emails over REST and the live channel: offers reach only the agent offered, only that agent
 * may accept or decline, and only the agent who held a contact (or a supervisor) links it to a customer. The ACD's
 * answer address is a stand-in that records what reaches it; the interaction recorder is the real one on PostgreSQL.
 */
class MediaApiIT {
    private static ConsoleFixture fx;
    private static final List<AnswerMediaOffer> answers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        fx = new ConsoleFixture();
        fx.user("ali", Role.AGENT, "a1", "fa");
        fx.user("bita", Role.AGENT, "a2", "en");
        fx.user("sara", Role.SUPERVISOR, "", "en");
        MediaAddresses.registerCodecs(fx.vertx.eventBus());
        fx.vertx.eventBus().<AnswerMediaOffer>consumer(MediaAddresses.ANSWER, m -> {
            answers.add(m.body());
            m.reply(new MediaOfferEnded(m.body().interactionId(), m.body().agentId(),
                    m.body().accept() ? "answered" : "refused", Instant.now()));
        });
        Await.result(fx.vertx.deployVerticle(new MediaInteractionRecorder(fx.interactions,
                new cc.core.adapter.jdbc.JdbcCustomerEmails(fx.db), Map.of())));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private static void offer(String id, String agentId) {
        fx.vertx.eventBus().publish(MediaAddresses.OFFERED, new MediaOffered(agentId, id, InteractionChannel.CHAT,
                "support", Map.of("topic", "Where is my parcel"), Instant.now()));
    }

    @Test
    @DisplayName("an offer reaches only its agent; another agent or a supervisor cannot answer it; the agent accepts")
    void onlyTheAgentOfferedAnswers() {
        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient bita = fx.signIn("bita");
        ConsoleClient sara = fx.signIn("sara");
        ConsoleClient.Live aliLive = ali.live();
        ConsoleClient.Live bitaLive = bita.live();
        aliLive.next("hello");
        bitaLive.next("hello");
        offer("m-1", "a1");
        JsonObject shown = aliLive.next("media-offer");
        assertEquals("m-1", shown.getString("interactionId"));
        assertEquals("CHAT", shown.getString("channel"));
        assertEquals("support", shown.getString("queue"));
        assertEquals("Where is my parcel", shown.getJsonObject("data").getString("topic"));

        assertEquals(409, bita.change("POST", "/api/media/m-1/accept", new JsonObject()).statusCode());
        assertEquals(403, sara.change("POST", "/api/media/m-1/accept", new JsonObject()).statusCode());
        assertEquals(403, ali.changeWithoutToken("POST", "/api/media/m-1/accept", new JsonObject()).statusCode(),
                "the CSRF token is needed");
        assertEquals(List.of(), answers, "nothing refused reached the ACD");
        assertEquals(1, new JsonObject(ali.get("/api/media").body()).getJsonArray("offers").size());
        assertEquals(0, new JsonObject(bita.get("/api/media").body()).getJsonArray("offers").size());
        assertEquals(403, sara.get("/api/media").statusCode());

        assertEquals(200, ali.change("POST", "/api/media/m-1/accept", new JsonObject()).statusCode());
        assertEquals(1, answers.size());
        assertEquals("a1", answers.get(0).agentId());
        assertTrue(answers.get(0).accept());

        fx.vertx.eventBus().publish(MediaAddresses.OFFER_ENDED, new MediaOfferEnded("m-1", "a1", "answered",
                Instant.now()));
        JsonObject held = aliLive.next("media-held");
        assertEquals("m-1", held.getString("interactionId"));
        assertEquals("CHAT", held.getString("channel"));
        assertEquals(1, new JsonObject(ali.get("/api/media").body()).getJsonArray("held").size());
        assertTrue(bitaLive.messages.stream().noneMatch(m -> m.getString("type", "").startsWith("media-")),
                "bita saw nothing of a1's chat");
    }

    @Test
    @DisplayName("linking a sender to a customer: the agent who held it or a supervisor, another agent refused; the"
            + " sender's address is then the customer's, so their next email is recognised")
    void linkCustomer() throws Exception {
        long customer = Await.result(fx.customers.save(new Customer(0, "Sara Karimi", List.of("09125550000"), "",
                "fa", ""))).id();
        String id = "m-link";
        var bus = fx.vertx.eventBus();
        bus.publish(MediaAddresses.ENQUEUED, new EnqueueMedia(id, InteractionChannel.EMAIL, "support", 0, "fa",
                Map.of("address", "visitor@example.com", "topic", "Invoice"), Instant.now()));
        offer(id, "a1");
        bus.publish(MediaAddresses.OFFER_ENDED, new MediaOfferEnded(id, "a1", "answered", Instant.now()));
        awaitStored(id, i -> i.agentId().isPresent());

        ConsoleClient ali = fx.signIn("ali");
        ConsoleClient bita = fx.signIn("bita");
        ConsoleClient sara = fx.signIn("sara");
        JsonObject body = new JsonObject().put("customerId", customer);
        assertEquals(403, bita.change("POST", "/api/interactions/" + id + "/customer", body).statusCode());
        assertEquals(400, ali.change("POST", "/api/interactions/" + id + "/customer",
                new JsonObject().put("customerId", "abc")).statusCode());
        assertEquals(404, ali.change("POST", "/api/interactions/nope/customer", body).statusCode());
        var emails = new cc.core.adapter.jdbc.JdbcCustomerEmails(fx.db);
        assertTrue(Await.result(emails.findByEmail("Visitor@Example.com")).isEmpty());
        var linked = ali.change("POST", "/api/interactions/" + id + "/customer", body);
        assertEquals(200, linked.statusCode());
        assertEquals("the customer is now recognised by visitor@example.com",
                new JsonObject(linked.body()).getString("note"));
        awaitStored(id, i -> i.customerId().equals(Optional.of(customer)));
        assertEquals(customer, Await.result(emails.findByEmail("Visitor@Example.com")).orElseThrow().id());
        // linked again (by a supervisor): the address is already the customer's, nothing to refuse
        var again = sara.change("POST", "/api/interactions/" + id + "/customer", body);
        assertEquals(200, again.statusCode());
        assertEquals("the customer is now recognised by visitor@example.com",
                new JsonObject(again.body()).getString("note"));
        Interaction stored = Await.result(fx.interactions.find(id)).orElseThrow();
        assertEquals("visitor@example.com", stored.callerNumber());
        assertEquals(InteractionChannel.EMAIL, stored.channel());
    }

    @Test
    @DisplayName("the queue report by channel: voice, chat or email; another channel is refused naming the parameter")
    void reportByChannel() {
        ConsoleClient sara = fx.signIn("sara");
        String range = "/api/reports/queues?from=2026-12-01&to=2026-12-01&interval=day&calendar=gregorian";
        assertEquals(200, sara.get(range + "&channel=chat").statusCode());
        assertEquals(200, sara.get(range + "&channel=all").statusCode());
        var bad = sara.get(range + "&channel=fax");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("channel"), bad.body());
    }

    private static void awaitStored(String id, java.util.function.Predicate<Interaction> test) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Optional<Interaction> i = Await.result(fx.interactions.find(id));
            if (i.isPresent() && test.test(i.get())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("interaction " + id + " not stored as expected");
    }
}
