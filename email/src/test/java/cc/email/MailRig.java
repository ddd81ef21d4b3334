package cc.email;

import cc.email.app.EmailSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real IMAP and SMTP server in-process (GreenMail on free ports) with our support mailbox on it, and what the tests
 * do as customers: send over SMTP, read what arrived in their own mailbox.
 */
public final class MailRig implements AutoCloseable {
    public static final String SUPPORT = "support@cc.test";
    public final GreenMail greenMail;

    public MailRig() {
        ServerSetup[] setups = Arrays.stream(ServerSetupTest.SMTP_IMAP).map(ServerSetup::dynamicPort)
                .toArray(ServerSetup[]::new);
        greenMail = new GreenMail(setups);
        greenMail.start();
        greenMail.setUser(SUPPORT, "support", "secret");
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public EmailSettings settings(Duration pollEvery, int maxAcksPerDay, int maxAttachmentBytes) {
        return new EmailSettings(true, SUPPORT, "Support", new EmailSettings.Server("127.0.0.1", imapPort(), "support",
                "secret", "none"), new EmailSettings.Server("127.0.0.1", smtpPort(), "", "", "none"), "support",
                Map.of("sales@cc.test", "sales"), 0, maxAttachmentBytes, maxAcksPerDay, 3, pollEvery,
                Duration.ofMillis(500), EmailSettings.defaultTemplates());
    }

    public Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(smtpPort()));
        return Session.getInstance(p);
    }

    /** A plain message from {@code from} to {@code to}, ready for headers to be added and {@link #send}. */
    public MimeMessage message(String from, String to, String subject, String text) throws MessagingException {
        MimeMessage m = new MimeMessage(session());
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        return m;
    }

    public void send(MimeMessage m) throws MessagingException {
        m.saveChanges();
        Transport.send(m);
    }

    /** Sends to {@code envelope} whatever the To header says (an alias delivered into that mailbox). */
    public void sendTo(MimeMessage m, String envelope) throws MessagingException {
        m.saveChanges();
        Transport.send(m, new jakarta.mail.Address[] {new InternetAddress(envelope)});
    }

    /** What has arrived in {@code address}'s mailbox, oldest first. */
    public List<MimeMessage> inbox(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits (checking every 20 ms) until {@code done}, failing with {@code what} after {@code within}. */
    public static void await(String what, Duration within, BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
