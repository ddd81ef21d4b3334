package cc.email.adapter.mail;

import cc.email.domain.InboundMail;
import cc.email.domain.MailAttachment;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Translates a received Jakarta Mail message into our {@link InboundMail}; no library type goes further. */
final class MimeMessages {
    /** The headers robot detection and threading read. */
    private static final List<String> KEPT_HEADERS = List.of("Auto-Submitted", "X-Autoreply", "X-Autorespond",
            "Precedence", "List-Id", "Return-Path", "Delivered-To", "Content-Type");
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

    private MimeMessages() {}

    static InboundMail read(Message m, Instant received) throws MessagingException, IOException {
        MimeMessage mime = (MimeMessage) m;
        String messageId = ids(mime.getMessageID()).stream().findFirst()
                .orElseGet(() -> "generated-" + UUID.randomUUID() + "@cc");
        Map<String, String> headers = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            String[] v = mime.getHeader(name);
            if (v != null && v.length > 0) {
                headers.put(name.toLowerCase(Locale.ROOT), v[0]);
            }
        }
        String from = "";
        String fromName = "";
        Address[] froms = safeFrom(mime);
        if (froms != null && froms.length > 0 && froms[0] instanceof InternetAddress a) {
            from = a.getAddress() == null ? "" : a.getAddress();
            fromName = a.getPersonal() == null ? "" : a.getPersonal();
        }
        List<String> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] to = safeRecipients(mime, type);
            if (to != null) {
                for (Address a : to) {
                    if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                        recipients.add(ia.getAddress());
                    }
                }
            }
        }
        String delivered = headers.get("delivered-to");
        if (delivered != null) {
            recipients.add(delivered.replaceAll("[<>\\s]", ""));
        }
        Body body = new Body();
        walk(mime, body, true);
        String text = body.plain.length() > 0 ? body.plain.toString() : HtmlText.of(body.html.toString());
        Instant sent = mime.getSentDate() == null ? received : mime.getSentDate().toInstant();
        return new InboundMail(messageId, ids(mime.getHeader("In-Reply-To", " ")),
                ids(mime.getHeader("References", " ")), from, fromName, recipients,
                mime.getSubject(), sent, headers, mime.getContentType(), text,
                body.plain.length() == 0 && body.html.length() > 0, body.attachments);
    }

    private static Address[] safeFrom(MimeMessage m) {
        try {
            return m.getFrom();
        } catch (MessagingException e) {
            return null; // a malformed From is treated as no sender
        }
    }

    private static Address[] safeRecipients(MimeMessage m, Message.RecipientType type) {
        try {
            return m.getRecipients(type);
        } catch (MessagingException e) {
            return null;
        }
    }

    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            out.add(matcher.group(1));
        }
        if (out.isEmpty() && !header.isBlank() && !header.trim().contains(" ")) {
            out.add(header.trim());
        }
        return out;
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<MailAttachment> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Body body, boolean top) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        String fileName = part.getFileName();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                if (alternative && child.isMimeType("text/html") && hasPlain(mp)) {
                    continue;
                }
                walk(child, body, false);
            }
        } else if (!top && (Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null)
                || !part.isMimeType("text/*") && !part.isMimeType("message/*")) {
            try (InputStream in = part.getInputStream()) {
                String name = fileName == null ? "" : MimeUtility.decodeText(fileName);
                String type = part.getContentType() == null ? "" : part.getContentType().split(";")[0].trim();
                body.attachments.add(new MailAttachment(name, type.toLowerCase(Locale.ROOT), in.readAllBytes()));
            }
        } else if (part.isMimeType("text/plain")) {
            append(body.plain, String.valueOf(part.getContent()));
        } else if (part.isMimeType("text/html")) {
            append(body.html, String.valueOf(part.getContent()));
        } else {
            // message/delivery-status and the like: text a person can read, kept in the body
            Object content = part.getContent();
            if (content instanceof String s) {
                append(body.plain, s);
            } else if (content instanceof InputStream in) {
                try (in) {
                    append(body.plain, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static boolean hasPlain(Multipart mp) throws MessagingException {
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType("text/plain")) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder to, String text) {
        if (to.length() > 0) {
            to.append("\n\n");
        }
        to.append(text);
    }
}
