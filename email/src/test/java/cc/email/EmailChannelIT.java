package cc.email;

import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.testkit.MigratedDatabase;
import cc.email.app.ArticleSuggestions;
import cc.email.app.SenderLookup;
import cc.email.domain.Acknowledgement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The email channel against a real IMAP/SMTP server (GreenMail over sockets) and a real PostgreSQL. The mailbox's
 * fallback poll is ten minutes, so every message here is taken through IMAP IDLE. The ACD's media addresses are
 * answered by {@link AcdMediaStandIn}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailChannelIT {
    private static final Duration SOON = Duration.ofSeconds(10);
    private static final int ACK_CAP = 3;
    private static final int MAX_ATTACHMENT = 2_000;

    private Vertx vertx;
    private MigratedDatabase db;
    private MailRig mail;
    private AcdMediaStandIn acd;
    private EmailModule email;
    private JdbcInteractionStore interactions;

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        db = MigratedDatabase.postgres(vertx, "core", "email");
        mail = new MailRig();
        acd = new AcdMediaStandIn(vertx);
        interactions = new JdbcInteractionStore(db.database());
        SenderLookup senders = address -> Future.succeededFuture(address.equals("dara@customer.test")
                ? Optional.of(new SenderLookup.Sender(42, "Dara Karimi", "fa")) : Optional.empty());
        ArticleSuggestions articles = (text, language, limit) -> Future.succeededFuture(
                text.toLowerCase().contains("password") ? List.of(new Acknowledgement.Article("Resetting your password",
                        "Use the 'forgot password' link on the sign-in page.")) : List.of());
        email = result(EmailModule.start(vertx, mail.settings(Duration.ofMinutes(10), ACK_CAP, MAX_ATTACHMENT),
                db.database(), interactions, senders, articles, new SimpleMeterRegistry()));
    }

    @AfterAll
    void stop() {
        if (email != null) {
            email.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (db != null) {
            db.close();
        }
        result(vertx.close());
    }

    @Test
    @DisplayName("a new message becomes a case: an email interaction in the queue and an acknowledgement with the case number and articles")
    void newThread() throws Exception {
        String alice = "alice@customer.test";
        mail.send(mail.message(alice, MailRig.SUPPORT, "I forgot my password", "Please help, I cannot sign in."));
        EnqueueMedia e = enqueuedFrom(alice, 1).get(0);
        assertEquals(InteractionChannel.EMAIL, e.channel());
        assertEquals("support", e.queue());
        assertEquals("I forgot my password", e.data().get(EnqueueMedia.TOPIC_KEY));
        Interaction record = result(interactions.find(e.interactionId())).orElseThrow();
        assertEquals(InteractionChannel.EMAIL, record.channel());
        assertEquals(alice, record.callerNumber());

        MimeMessage ack = inbox(alice, 1).get(0);
        String caseNumber = e.data().get("caseNumber");
        assertTrue(ack.getSubject().contains("[#" + caseNumber + "]"), ack.getSubject());
        assertEquals("auto-replied", ack.getHeader("Auto-Submitted", null));
        String body = String.valueOf(ack.getContent());
        assertTrue(body.contains(caseNumber) && body.contains("Resetting your password"), body);
    }

    @Test
    @DisplayName("the customer's reply joins the same case; the agent's answer goes out in the thread and closes the contact; a later reply reopens it")
    void replyAnswerReopen() throws Exception {
        String bob = "bob@customer.test";
        mail.send(mail.message(bob, MailRig.SUPPORT, "Invoice question", "Why was I charged twice?"));
        EnqueueMedia first = enqueuedFrom(bob, 1).get(0);
        MimeMessage ack = inbox(bob, 1).get(0);

        MimeMessage reply = mail.message(bob, MailRig.SUPPORT, "Re: " + ack.getSubject(), "Invoice 77, March.");
        reply.setHeader("In-Reply-To", ack.getMessageID());
        reply.setHeader("References", ack.getMessageID());
        mail.send(reply);
        MailRig.await("the reply in the case", SOON, () -> messages(first.interactionId()).size() == 3);
        assertEquals(1, enqueuedFrom(bob, 1).size(), "a reply to an open case is not routed again");

        assertTrue(failure(email.desk().reply(first.interactionId(), "a1", false, "Hi")) instanceof SecurityException,
                "nobody holds it yet");
        acd.accept(first.interactionId(), "a1");
        MailRig.await("a1 holds the case", SOON,
                () -> result(email.desk().holder(first.interactionId())).equals(Optional.of("a1")));
        assertTrue(failure(email.desk().reply(first.interactionId(), "a2", false, "Hi")) instanceof SecurityException,
                "a2 does not hold it");
        String customerReplyId = reply.getMessageID();
        result(email.desk().reply(first.interactionId(), "a1", false, "We refunded the second charge."));

        MimeMessage answer = inbox(bob, 2).get(1);
        assertEquals(customerReplyId, answer.getHeader("In-Reply-To", null));
        assertTrue(answer.getHeader("References", null).contains(ack.getMessageID()));
        assertTrue(answer.getSubject().contains("[#" + first.data().get("caseNumber") + "]"), answer.getSubject());
        assertNull(answer.getHeader("Auto-Submitted", null));
        assertEquals(List.of(new EndMedia(first.interactionId(), EndMedia.ANSWERED, acd.ended().stream()
                .filter(x -> x.interactionId().equals(first.interactionId())).findFirst().orElseThrow().at())),
                acd.ended().stream().filter(x -> x.interactionId().equals(first.interactionId())).toList());
        // the record's agent, answer and end are written by the ACD's recorder from the END: EmailPanelIT (launcher)

        MimeMessage again = mail.message(bob, MailRig.SUPPORT, answer.getSubject(), "It happened again.");
        again.setHeader("In-Reply-To", answer.getMessageID());
        mail.send(again);
        EnqueueMedia reopened = enqueuedFrom(bob, 2).get(1);
        assertEquals(first.data().get("caseNumber"), reopened.data().get("caseNumber"), "the same case");
        assertFalse(reopened.interactionId().equals(first.interactionId()), "a new routing");
        MailRig.await("the reopened case acknowledged", SOON, () -> messages(reopened.interactionId()).size() == 6);
        assertEquals(3, mail.inbox(bob).size(), "two acknowledgements and the answer");
    }

    @Test
    @DisplayName("an auto-responder answering our acknowledgement gets no acknowledgement back, so the exchange stops")
    void autoResponderLoopStops() throws Exception {
        String robot = "vacation@customer.test";
        mail.send(mail.message(robot, MailRig.SUPPORT, "Order status", "Where is my order?"));
        enqueuedFrom(robot, 1);
        inbox(robot, 1);
        // the robot answers every message it gets, marked as automatic (RFC 3834), as vacation programs do
        for (int round = 0; round < 5; round++) {
            List<MimeMessage> got = mail.inbox(robot);
            MimeMessage last = got.get(got.size() - 1);
            MimeMessage auto = mail.message(robot, MailRig.SUPPORT, "Out of office: " + last.getSubject(),
                    "I am away until Monday.");
            auto.setHeader("Auto-Submitted", "auto-replied");
            auto.setHeader("In-Reply-To", last.getMessageID());
            mail.send(auto);
            int stored = 2 + round + 1;
            EnqueueMedia e = enqueuedFrom(robot, 1).get(0);
            MailRig.await("the robot's message stored", SOON, () -> messages(e.interactionId()).size() == stored);
        }
        assertEquals(1, mail.inbox(robot).size(), "one acknowledgement, for the first message only");
        assertEquals(1, enqueuedFrom(robot, 1).size());
    }

    @Test
    @DisplayName("a robot that does not say it is one, and opens a new case each time, gets at most the daily cap of acknowledgements")
    void acknowledgementsCapped() throws Exception {
        String robot = "dumb-robot@customer.test";
        mail.send(mail.message(robot, MailRig.SUPPORT, "Hello", "Is anyone there?"));
        for (int round = 1; round <= ACK_CAP + 2; round++) {
            int sent = round;
            enqueuedFrom(robot, sent);
            if (round <= ACK_CAP) {
                inbox(robot, round);
            }
            // it answers without threading headers and with its own subject: every answer is a new case
            mail.send(mail.message(robot, MailRig.SUPPORT, "Thank you for your message " + round, "Received."));
        }
        enqueuedFrom(robot, ACK_CAP + 3);
        assertEquals(ACK_CAP, mail.inbox(robot).size(), "acknowledgements stop at the cap");
    }

    @Test
    @DisplayName("a bounce is recognised: stored, routed to nobody, never acknowledged")
    void bounce() throws Exception {
        MimeMessage dsn = new MimeMessage(mail.session());
        dsn.setFrom("MAILER-DAEMON@mx.customer.test");
        dsn.setRecipient(Message.RecipientType.TO, new jakarta.mail.internet.InternetAddress(MailRig.SUPPORT));
        dsn.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("The mail system could not deliver your message to nobody@customer.test.");
        report.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; mx.customer.test\n\nFinal-Recipient: rfc822; nobody@customer.test\n"
                + "Action: failed\nStatus: 5.1.1\n", "message/delivery-status");
        report.addBodyPart(status);
        dsn.setContent(report);
        mail.send(dsn);
        MailRig.await("the bounce stored", SOON, () -> robotCount("bounce") == 1);
        assertTrue(enqueuedFrom("mailer-daemon@mx.customer.test", 0).isEmpty());
        assertTrue(mail.inbox("MAILER-DAEMON@mx.customer.test").isEmpty());
    }

    @Test
    @DisplayName("IMAP IDLE brings a new message in at once, without waiting for the ten-minute poll")
    void idle() throws Exception {
        long sent = System.nanoTime();
        mail.send(mail.message("carol@customer.test", MailRig.SUPPORT, "Quick one", "Hello"));
        enqueuedFrom("carol@customer.test", 1);
        long ms = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }

    @Test
    @DisplayName("a known sender is recognised; attachments over the limit are dropped and noted, the others stored")
    void customerAndAttachments() throws Exception {
        String dara = "dara@customer.test";
        MimeMessage m = mail.message(dara, "sales@cc.test", "Quote", "See the attached files.");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the attached files.");
        parts.addBodyPart(text);
        MimeBodyPart small = new MimeBodyPart();
        small.setContent(new byte[] {1, 2, 3}, "application/octet-stream");
        small.setFileName("small.bin");
        parts.addBodyPart(small);
        MimeBodyPart big = new MimeBodyPart();
        big.setContent(new byte[MAX_ATTACHMENT + 1], "application/octet-stream");
        big.setFileName("big.bin");
        parts.addBodyPart(big);
        m.setContent(parts);
        mail.sendTo(m, MailRig.SUPPORT);
        EnqueueMedia e = enqueuedFrom(dara, 1).get(0);
        assertEquals("sales", e.queue(), "routed by the address it was sent to");
        assertEquals("42", e.data().get(EnqueueMedia.CUSTOMER_KEY));
        assertEquals("fa", e.language());
        JsonObject view = result(email.desk().store().view(e.interactionId())).orElseThrow();
        JsonObject first = view.getJsonArray("messages").getJsonObject(0);
        JsonArray files = first.getJsonArray("attachments");
        assertEquals(1, files.size(), first.encodePrettily());
        assertEquals("small.bin", files.getJsonObject(0).getString("name"));
        assertTrue(first.getString("notes").contains("big.bin"), first.getString("notes"));
        byte[] bytes = result(email.desk().store().attachment(e.interactionId(),
                files.getJsonObject(0).getLong("id"))).orElseThrow().bytes();
        assertEquals(3, bytes.length);
        String ack = String.valueOf(inbox(dara, 1).get(0).getContent());
        assertTrue(ack.contains("دارا") || ack.contains("Dara Karimi"), ack);
    }

    private List<EnqueueMedia> enqueuedFrom(String address, int atLeast) {
        MailRig.await(atLeast + " routed from " + address, SOON, () -> routed(address).size() >= atLeast);
        return routed(address);
    }

    private List<EnqueueMedia> routed(String address) {
        return acd.enqueued().stream().filter(x -> address.equals(x.data().get(EnqueueMedia.ADDRESS_KEY))).toList();
    }

    private List<MimeMessage> inbox(String address, int atLeast) {
        MailRig.await(atLeast + " messages for " + address, SOON, () -> mail.inbox(address).size() >= atLeast);
        return mail.inbox(address);
    }

    private JsonArray messages(String interactionId) {
        return result(email.desk().store().view(interactionId)).map(v -> v.getJsonArray("messages"))
                .orElse(new JsonArray());
    }

    private int robotCount(String robot) {
        try (var c = db.connection(); var ps = c.prepareStatement(
                "select count(*) from email_messages where robot = ?")) {
            ps.setString(1, robot);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
