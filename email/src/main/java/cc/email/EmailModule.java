package cc.email;

import cc.core.adapter.jdbc.Database;
import cc.core.app.interaction.InteractionStore;
import cc.email.adapter.jdbc.JdbcMailStore;
import cc.email.adapter.mail.ImapMailbox;
import cc.email.adapter.mail.SmtpMailer;
import cc.email.app.ArticleSuggestions;
import cc.email.app.EmailDesk;
import cc.email.app.EmailSettings;
import cc.email.app.SenderLookup;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.InstantSource;
import java.util.UUID;

/**
 * The email channel assembled: the store, SMTP, the desk, and the IMAP mailbox feeding it. Started by the launcher
 * when {@code email.enabled}; tests and the benchmark start it the same way.
 */
public final class EmailModule implements AutoCloseable {
    private final EmailDesk desk;
    private final ImapMailbox mailbox;
    private final SmtpMailer mailer;

    private EmailModule(EmailDesk desk, ImapMailbox mailbox, SmtpMailer mailer) {
        this.desk = desk;
        this.mailbox = mailbox;
        this.mailer = mailer;
    }

    /** Deploys the desk, then starts reading the mailbox. */
    public static Future<EmailModule> start(Vertx vertx, EmailSettings settings, Database database,
                                            InteractionStore interactions, SenderLookup senders,
                                            ArticleSuggestions articles, MeterRegistry metrics) {
        SmtpMailer mailer = new SmtpMailer(vertx, settings);
        EmailDesk desk = new EmailDesk(settings, new JdbcMailStore(database), mailer, senders, articles, interactions,
                InstantSource.system(), () -> "email-" + UUID.randomUUID(), metrics);
        return vertx.deployVerticle(desk).map(id -> {
            ImapMailbox mailbox = new ImapMailbox(settings);
            mailbox.start(desk::receive);
            return new EmailModule(desk, mailbox, mailer);
        });
    }

    public EmailDesk desk() {
        return desk;
    }

    @Override
    public void close() {
        mailbox.close();
        mailer.close();
    }
}
