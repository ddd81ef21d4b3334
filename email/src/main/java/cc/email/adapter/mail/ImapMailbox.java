package cc.email.adapter.mail;

import cc.email.app.EmailSettings;
import cc.email.app.Mailbox;
import cc.email.domain.InboundMail;
import io.vertx.core.Future;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The mailbox over IMAP: on connecting (and after every reconnect) it takes every unread message, then waits in IDLE
 * so a new message is taken as soon as the server announces it. A poll every {@code email.pollEvery} interrupts the
 * IDLE as a safety net (a server or a middlebox that drops IDLE silently). A message is marked read once the intake
 * stored it; one the intake failed stays unread and is taken again on the next round.
 *
 * <p>Threading: one thread of its own ({@code cc-email-imap}) holds the IMAP connection and waits in IDLE; the
 * intake's futures are awaited there, never on an event loop.
 */
public final class ImapMailbox implements Mailbox {
    private static final Logger log = LoggerFactory.getLogger(ImapMailbox.class);
    private static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(60);
    private static final int BATCH = 200;

    private final EmailSettings settings;
    private final String folderName;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cc-email-imap-poll");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private volatile IMAPFolder folder;
    private volatile boolean idle = true;
    private volatile Store store;
    private Thread thread;

    public ImapMailbox(EmailSettings settings) {
        this(settings, "INBOX");
    }

    public ImapMailbox(EmailSettings settings, String folderName) {
        this.settings = settings;
        this.folderName = folderName;
    }

    @Override
    public void start(Function<InboundMail, Future<?>> intake) {
        running = true;
        thread = new Thread(() -> run(intake), "cc-email-imap");
        thread.setDaemon(true);
        thread.start();
        long every = settings.pollEvery().toMillis();
        poller.scheduleWithFixedDelay(this::poke, every, every, TimeUnit.MILLISECONDS);
    }

    /** Interrupts the IDLE: any command on the folder from another thread ends it, and the loop looks again. */
    private void poke() {
        IMAPFolder f = folder;
        if (f != null && f.isOpen()) {
            try {
                // a command of its own: the library's cheaper checks skip the server within a second of the last one
                f.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                log.debug("mailbox poll: {}", e.getMessage());
            }
        }
    }

    private void run(Function<InboundMail, Future<?>> intake) {
        while (running) {
            try {
                connect();
                while (running) {
                    takeUnread(intake);
                    if (idle) {
                        folder.idle(true);
                    } else {
                        sleep(settings.pollEvery()); // a server without IDLE: the poll is all there is
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("mailbox {}@{}:{}: {}; reconnecting in {}", settings.imap().username(),
                            settings.imap().host(), settings.imap().port(), e.getMessage(), settings.reconnectDelay());
                    closeQuietly();
                    sleep(settings.reconnectDelay());
                }
            }
        }
        closeQuietly();
    }

    private void connect() throws MessagingException {
        EmailSettings.Server s = settings.imap();
        String protocol = s.security().equals("ssl") ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "60000");
        if (s.security().equals("starttls")) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        Session session = Session.getInstance(p);
        Store st = session.getStore(protocol);
        st.connect(s.host(), s.port(), s.username(), s.password());
        store = st;
        IMAPFolder f = (IMAPFolder) st.getFolder(folderName);
        f.open(Folder.READ_WRITE);
        // A message delivered between our last search and IDLE is announced (EXISTS) while IDLE starts, and the
        // library then keeps idling; so every announcement also pokes the folder from another thread, which ends the
        // IDLE and lets the loop look. The loop reads what is unread: nothing depends on the event's payload.
        f.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                poller.execute(ImapMailbox.this::poke);
            }
        });
        folder = f;
        idle = ((org.eclipse.angus.mail.imap.IMAPStore) st).hasCapability("IDLE");
        log.info("Email: reading {} on {}:{} as {} ({})", folderName, s.host(), s.port(), s.username(),
                idle ? "IMAP IDLE" : "the server has no IDLE: polling every " + settings.pollEvery());
    }

    /** Takes unread messages until none is left; returns how many were taken. */
    private int takeUnread(Function<InboundMail, Future<?>> intake) throws MessagingException {
        int total = 0;
        while (running) {
            Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            if (unread.length == 0) {
                return total;
            }
            total += unread.length;
            log.debug("mailbox: {} unread", unread.length);
            Message[] round = java.util.Arrays.copyOf(unread, Math.min(unread.length, BATCH));
            // the whole messages in one FETCH, then read locally: one round trip for the batch, not several a message
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            whole.add(FetchProfile.Item.FLAGS);
            folder.fetch(round, whole);
            List<Message> batch = new ArrayList<>();
            List<Future<?>> taken = new ArrayList<>();
            for (Message m : round) {
                try {
                    InboundMail mail = MimeMessages.read(new MimeMessage((MimeMessage) m), Instant.now());
                    batch.add(m);
                    taken.add(intake.apply(mail));
                } catch (Exception e) {
                    // unreadable: marked read so it does not block the mailbox; the raw message stays on the server
                    log.warn("mailbox: message {} could not be read ({}); left on the server, marked read",
                            m.getMessageNumber(), e.getMessage());
                    m.setFlag(Flags.Flag.SEEN, true);
                }
            }
            List<Message> done = new ArrayList<>();
            for (int i = 0; i < taken.size(); i++) {
                try {
                    taken.get(i).toCompletionStage().toCompletableFuture()
                            .get(INTAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    done.add(batch.get(i));
                } catch (Exception e) {
                    log.warn("mailbox: message {} not taken ({}); left unread for the next round",
                            batch.get(i).getMessageNumber(), e.getMessage());
                }
            }
            if (!done.isEmpty()) {
                folder.setFlags(done.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
            }
            if (done.size() < batch.size()) {
                return total; // failures wait for the next round rather than spinning
            }
        }
        return total;
    }

    private void closeQuietly() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (Exception e) {
            log.debug("closing the folder: {}", e.getMessage());
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (Exception e) {
            log.debug("closing the store: {}", e.getMessage());
        }
        folder = null;
        store = null;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.shutdownNow();
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
