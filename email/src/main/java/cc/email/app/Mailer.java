package cc.email.app;

import cc.email.domain.OutboundMail;
import io.vertx.core.Future;

/** Sends mail (SMTP). */
public interface Mailer {
    /** Sends; completes with the sent message's Message-ID (without angle brackets). */
    Future<String> send(OutboundMail mail);
}
