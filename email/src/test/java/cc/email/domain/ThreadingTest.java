package cc.email.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadingTest {
    @Test
    @DisplayName("parents are looked up In-Reply-To first, then References newest first, without the message itself")
    void parents() {
        InboundMail m = new InboundMail("self@x", List.of("p@x"), List.of("a@x", "b@x", "p@x", "self@x"), "c@x", "",
                List.of(), "Re: hi", Instant.EPOCH, Map.of(), "text/plain", "", false, List.of());
        assertEquals(List.of("p@x", "b@x", "a@x"), Threading.parents(m));
    }

    @Test
    @DisplayName("the case number is read from the subject, and our subjects carry it once with one Re:")
    void caseNumbers() {
        assertEquals(Optional.of(1234L), CaseNumber.in("Re: Re: [#1234] my order"));
        assertEquals(Optional.empty(), CaseNumber.in("order #1234"));
        assertEquals("Re: [#1234] my order", CaseNumber.subject("RE: Re: [#1234] my order", 1234));
        assertEquals("Re: [#7]", CaseNumber.subject("", 7));
    }

    @Test
    @DisplayName("attachments over the limit are dropped and each is noted")
    void attachments() {
        AttachmentLimit.Outcome o = new AttachmentLimit(3).apply(List.of(new MailAttachment("a.txt", "text/plain",
                new byte[3]), new MailAttachment("b.pdf", "application/pdf", new byte[4])));
        assertEquals(1, o.kept().size());
        assertEquals("a.txt", o.kept().get(0).name());
        assertTrue(o.droppedNotes().get(0).contains("b.pdf"));
    }

    @Test
    @DisplayName("templates fill the customer's name and the case number, leaving unknown placeholders visible")
    void placeholders() {
        assertEquals("Dear Ana, case 12 {nope}", Placeholders.fill("Dear {customerName}, case {caseNumber} {nope}",
                Map.of("customerName", "Ana", "caseNumber", "12")));
    }

    @Test
    @DisplayName("the acknowledgement is in the customer's language, with the case number and the articles")
    void acknowledgement() {
        Acknowledgement en = Acknowledgement.of("en", 1001, "Ana", "Login", List.of(
                new Acknowledgement.Article("Reset your password", "Use the link")));
        assertEquals("Re: [#1001] Login", en.subject());
        assertTrue(en.body().contains("case 1001") && en.body().contains("Reset your password"), en.body());
        Acknowledgement fa = Acknowledgement.of("fa", 1001, "آنا", "ورود", List.of());
        assertTrue(fa.body().contains("1001") && fa.body().contains("پرونده"), fa.body());
    }
}
