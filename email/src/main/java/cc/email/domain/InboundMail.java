package cc.email.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An email as received, in our own terms (the mail library's types stop at the adapter).
 *
 * @param messageId   its Message-ID without angle brackets; a generated one when the sender gave none
 * @param inReplyTo   the Message-IDs of In-Reply-To, without angle brackets
 * @param references  the Message-IDs of References, oldest first
 * @param from        the sender's address, lower case
 * @param fromName    the sender's display name, empty when none
 * @param recipients  the To, Cc and Delivered-To addresses, lower case (which of our addresses it was sent to)
 * @param subject     the subject line
 * @param sentAt      the Date header, or when it arrived
 * @param headers     the headers that matter to robot detection, names in lower case (first value of each)
 * @param contentType the top-level content type with its parameters, lower case
 * @param text        the text body (the HTML part as text when there is no plain part)
 * @param html        whether the body came from HTML
 * @param attachments the attached files
 */
public record InboundMail(String messageId, List<String> inReplyTo, List<String> references, String from,
                          String fromName, List<String> recipients, String subject, Instant sentAt, Map<String, String> headers,
                          String contentType, String text, boolean html, List<MailAttachment> attachments) {
    public InboundMail {
        Objects.requireNonNull(messageId, "messageId");
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        from = from == null ? "" : from.trim().toLowerCase(Locale.ROOT);
        fromName = fromName == null ? "" : fromName;
        recipients = recipients.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(sentAt, "sentAt");
        headers = Map.copyOf(headers);
        contentType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
    }

    /** A header's value, names compared in lower case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public InboundMail withAttachments(List<MailAttachment> kept) {
        return new InboundMail(messageId, inReplyTo, references, from, fromName, recipients, subject, sentAt, headers,
                contentType, text, html, kept);
    }
}
