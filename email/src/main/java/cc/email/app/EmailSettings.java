package cc.email.app;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code email:} section of the server's configuration.
 *
 * @param enabled                 whether a mailbox is read at all (off unless one is configured)
 * @param address                 our address: the mailbox customers write to and the From of what we send
 * @param displayName             the From's display name
 * @param imap                    where the mailbox is read
 * @param smtp                    where mail is sent
 * @param queue                   the queue new threads wait in
 * @param routes                  recipient address (lower case) to queue, for mail sent to one of several addresses
 *                                that land in this mailbox; first match of To, Cc, Delivered-To wins
 * @param priority                the ACD priority of email threads
 * @param maxAttachmentBytes      attachments larger than this are dropped (and the thread notes it)
 * @param maxAcksPerSenderPerDay  acknowledgements to one address in 24 hours, at most
 * @param suggestedArticles       how many knowledge-base articles an acknowledgement lists
 * @param pollEvery               the fallback poll of the mailbox, besides IDLE
 * @param reconnectDelay          the wait before reconnecting after the IMAP link failed
 * @param templates               the agents' reply templates
 */
public record EmailSettings(boolean enabled, String address, String displayName, Server imap, Server smtp,
                            String queue, Map<String, String> routes, int priority, int maxAttachmentBytes,
                            int maxAcksPerSenderPerDay, int suggestedArticles, Duration pollEvery,
                            Duration reconnectDelay, List<Template> templates) {

    /**
     * A mail server.
     *
     * @param security {@code none}, {@code ssl} (TLS from the start) or {@code starttls}
     */
    public record Server(String host, int port, String username, String password, String security) {
        public Server {
            host = host == null ? "" : host;
            username = username == null ? "" : username;
            password = password == null ? "" : password;
            security = security == null ? "none" : security.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A reply template; {@code {customerName}}, {@code {caseNumber}}, {@code {subject}}, {@code {agentName}} are
     * filled in.
     */
    public record Template(String id, String language, String title, String text) {}

    public EmailSettings {
        Objects.requireNonNull(address, "address");
        displayName = displayName == null ? "" : displayName;
        routes = Map.copyOf(routes);
        templates = List.copyOf(templates);
    }

    /** The queue for a message sent to these recipients. */
    public String queueFor(List<String> recipients) {
        for (String r : recipients) {
            String q = routes.get(r.toLowerCase(Locale.ROOT));
            if (q != null) {
                return q;
            }
        }
        return queue;
    }

    public static List<Template> defaultTemplates() {
        return List.of(
                new Template("thanks", "en", "Thanks, solved", "Dear {customerName},\n\nThank you for writing to us "
                        + "about \"{subject}\". \n\n\n\nIf anything is still unclear, reply to this message and keep "
                        + "[#{caseNumber}] in the subject.\n\n{agentName}"),
                new Template("more-info", "en", "Need more information", "Dear {customerName},\n\nTo help you with "
                        + "case {caseNumber} we need a little more information: \n\n{agentName}"),
                new Template("thanks", "fa", "سپاس، حل شد", "{customerName} عزیز، سلام.\n\nاز پیام شما درباره «{subject}» "
                        + "سپاسگزاریم.\n\n\n\nاگر پرسشی ماند، به همین پیام پاسخ دهید و [#{caseNumber}] را در موضوع "
                        + "نگه دارید.\n\n{agentName}"),
                new Template("more-info", "fa", "اطلاعات بیشتر", "{customerName} عزیز، سلام.\n\nبرای پیگیری پرونده "
                        + "{caseNumber} به اطلاعات بیشتری نیاز داریم: \n\n{agentName}"));
    }
}
