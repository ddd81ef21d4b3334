package cc.email.domain;

import java.util.List;
import java.util.Objects;

/**
 * A message we send: an acknowledgement or an agent's answer.
 *
 * @param to         the customer's address
 * @param toName     the customer's name, empty when unknown
 * @param subject    the subject, with the case tag
 * @param text       the plain-text body
 * @param inReplyTo  the Message-ID answered, empty for none
 * @param references the thread's Message-IDs, oldest first (RFC 5322: the parent's References plus the parent)
 * @param automatic  true for an acknowledgement: it carries {@code Auto-Submitted: auto-replied} (RFC 3834), so a
 *                   well-behaved auto-responder does not answer it
 */
public record OutboundMail(String to, String toName, String subject, String text, String inReplyTo,
                           List<String> references, boolean automatic) {
    public OutboundMail {
        Objects.requireNonNull(to, "to");
        toName = toName == null ? "" : toName;
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        inReplyTo = inReplyTo == null ? "" : inReplyTo;
        references = List.copyOf(references);
    }
}
