package cc.email.adapter.mail;

import cc.email.app.EmailSettings;
import cc.email.app.Mailer;
import cc.email.domain.OutboundMail;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link Mailer} over SMTP. Each message gets a Message-ID of ours ({@code <uuid@our-domain>}) so the thread can be
 * followed when the customer answers it.
 *
 * <p>Threading: sending blocks, so it runs on the worker pool {@value #POOL}; futures complete on the caller's
 * context.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {
    static final String POOL = "cc-email-smtp";
    private final EmailSettings settings;
    private final Session session;
    private final WorkerExecutor worker;
    private final String domain;

    public SmtpMailer(Vertx vertx, EmailSettings settings) {
        this.settings = settings;
        EmailSettings.Server s = settings.smtp();
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        p.put("mail.smtp.auth", Boolean.toString(!s.username().isEmpty()));
        if (s.security().equals("ssl")) {
            p.put("mail.smtp.ssl.enable", "true");
        } else if (s.security().equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(p);
        this.worker = vertx.createSharedWorkerExecutor(POOL, 4);
        String address = settings.address();
        this.domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "cc.local";
    }

    @Override
    public Future<String> send(OutboundMail mail) {
        return worker.executeBlocking(() -> sendNow(mail), false);
    }

    private String sendNow(OutboundMail mail) throws MessagingException, UnsupportedEncodingException {
        String id = UUID.randomUUID() + "@" + domain;
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + id + ">");
            }
        };
        m.setFrom(new InternetAddress(settings.address(), settings.displayName(), StandardCharsets.UTF_8.name()));
        m.setRecipient(Message.RecipientType.TO, mail.toName().isBlank() ? new InternetAddress(mail.to())
                : new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        m.setText(mail.text(), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        if (!mail.inReplyTo().isEmpty()) {
            m.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
        }
        if (!mail.references().isEmpty()) {
            m.setHeader("References", mail.references().stream().map(r -> "<" + r + ">")
                    .collect(Collectors.joining(" ")));
        }
        if (mail.automatic()) {
            // RFC 3834: an automatic answer; well-behaved responders do not answer it, and nobody files it as a person's
            m.setHeader("Auto-Submitted", "auto-replied");
            m.setHeader("X-Auto-Response-Suppress", "All");
        }
        m.saveChanges();
        EmailSettings.Server s = settings.smtp();
        if (s.username().isEmpty()) {
            Transport.send(m);
        } else {
            Transport.send(m, s.username(), s.password());
        }
        return id;
    }

    @Override
    public void close() {
        worker.close();
    }
}
