package cc.email.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RobotTest {
    static InboundMail mail(String from, String contentType, Map<String, String> headers) {
        return new InboundMail("m1@x", List.of(), List.of(), from, "", List.of("support@cc.test"), "Hi",
                Instant.EPOCH, headers, contentType, "text", false, List.of());
    }

    @Test
    @DisplayName("a person's message is no robot")
    void person() {
        assertEquals(Robot.NONE, Robot.of(mail("alice@x.test", "text/plain", Map.of())));
        assertEquals(Robot.NONE, Robot.of(mail("alice@x.test", "text/plain", Map.of("auto-submitted", "no"))));
        assertEquals(Robot.NONE, Robot.of(mail("alice@x.test", "text/plain",
                Map.of("return-path", "<alice@x.test>", "precedence", "first-class"))));
    }

    @Test
    @DisplayName("bounces: a delivery status report, MAILER-DAEMON or postmaster, an empty Return-Path")
    void bounces() {
        assertEquals(Robot.BOUNCE, Robot.of(mail("someone@x.test",
                "multipart/report; report-type=\"delivery-status\"; boundary=\"b\"", Map.of())));
        assertEquals(Robot.BOUNCE, Robot.of(mail("mailer-daemon@mx.x.test", "text/plain", Map.of())));
        assertEquals(Robot.BOUNCE, Robot.of(mail("POSTMASTER@x.test", "text/plain", Map.of())));
        assertEquals(Robot.BOUNCE, Robot.of(mail("a@x.test", "text/plain", Map.of("return-path", "<>"))));
    }

    @Test
    @DisplayName("automatic replies: Auto-Submitted other than no, X-Autoreply, X-Autorespond, Precedence bulk/junk/list, List-Id")
    void autoReplies() {
        for (Map<String, String> h : List.of(Map.of("auto-submitted", "auto-replied"),
                Map.of("auto-submitted", "auto-generated; owner-email=x@y"), Map.of("x-autoreply", "yes"),
                Map.of("x-autorespond", "1"), Map.of("precedence", "bulk"), Map.of("precedence", "Junk"),
                Map.of("precedence", "list"), Map.of("list-id", "<news.x.test>"))) {
            assertEquals(Robot.AUTO_REPLY, Robot.of(mail("a@x.test", "text/plain", h)), h.toString());
        }
    }
}
