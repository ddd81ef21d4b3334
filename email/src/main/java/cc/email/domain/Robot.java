package cc.email.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a message was sent by a machine, so that it never gets an acknowledgement: a bounce (a delivery status
 * notification, or a message from MAILER-DAEMON or postmaster, or with an empty Return-Path) or an automatic reply
 * (RFC 3834 {@code Auto-Submitted} other than {@code no}, the {@code X-Autoreply} / {@code X-Autorespond} headers
 * vacation programs add, {@code Precedence: bulk|junk|list}, a mailing list's {@code List-Id}).
 */
public enum Robot {
    /** A person, as far as the headers tell. */
    NONE,
    /** A delivery failure report. */
    BOUNCE,
    /** An automatic reply or a list's mailing. */
    AUTO_REPLY;

    private static final Set<String> BOUNCE_SENDERS = Set.of("mailer-daemon", "postmaster");
    private static final Set<String> BULK = Set.of("bulk", "junk", "list");

    /** What sent {@code mail}. */
    public static Robot of(InboundMail mail) {
        String type = mail.contentType();
        if (type.startsWith("multipart/report") && type.replace(" ", "").replace("\"", "")
                .contains("report-type=delivery-status")) {
            return BOUNCE;
        }
        String local = mail.from().contains("@") ? mail.from().substring(0, mail.from().indexOf('@')) : mail.from();
        if (BOUNCE_SENDERS.contains(local)) {
            return BOUNCE;
        }
        Optional<String> returnPath = mail.header("Return-Path");
        if (returnPath.isPresent() && returnPath.get().replaceAll("[<>\\s]", "").isEmpty()) {
            return BOUNCE;
        }
        Optional<String> autoSubmitted = mail.header("Auto-Submitted").map(Robot::firstToken);
        if (autoSubmitted.isPresent() && !autoSubmitted.get().equals("no")) {
            return AUTO_REPLY;
        }
        if (mail.header("X-Autoreply").isPresent() || mail.header("X-Autorespond").isPresent()
                || mail.header("List-Id").isPresent()) {
            return AUTO_REPLY;
        }
        if (mail.header("Precedence").map(Robot::firstToken).filter(BULK::contains).isPresent()) {
            return AUTO_REPLY;
        }
        return NONE;
    }

    private static String firstToken(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).trim();
    }
}
