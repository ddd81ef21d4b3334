package cc.bench.email;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaQueued;
import cc.email.EmailModule;
import cc.email.app.ArticleSuggestions;
import cc.email.app.EmailSettings;
import cc.email.app.SenderLookup;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email intake: messages are delivered into a real IMAP server (GreenMail, in-process, over sockets), the email
 * channel takes them through IMAP IDLE, and each is timed from its delivery until it is an interaction: thread,
 * message and interaction record stored in PostgreSQL and the case handed to the ACD (the moment the ACD's enqueue
 * address receives it; a stand-in answers there). Every message is a new case, so each also gets its
 * acknowledgement over SMTP (sent after the enqueue, so not in the latency, but in the load).
 *
 * <p>Two phases: a burst of {@code --burst} messages delivered at once (the intake's throughput), then
 * {@code --messages} paced at {@code --rate} per second (the latency at a steady load; the target is 50 messages/s).
 * Options: {@code --burst 1000 --messages 1500 --rate 50 --pg-url jdbc:postgresql://127.0.0.1:5432/postgres}.
 */
public final class EmailIntakeBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final Pattern SEQ = Pattern.compile("bench-(\\d+)");

    private EmailIntakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int burst = 1000;
        int messages = 1500;
        double rate = 50;
        String adminUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--burst" -> burst = Integer.parseInt(args[i + 1]);
                case "--messages" -> messages = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                case "--pg-url" -> adminUrl = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        System.out.printf("machine: %d cores, %s, load average at start %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).trim());
        String name = "cc_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + name);
        Vertx vertx = Vertx.vertx();
        GreenMail mail = new GreenMail(Arrays.stream(ServerSetupTest.SMTP_IMAP).map(ServerSetup::dynamicPort)
                .toArray(ServerSetup[]::new));
        mail.start();
        try {
            run(vertx, mail, new DatabaseConfig(m.group(1) + name + m.group(3), "postgres", "", 8), burst, messages,
                    rate);
        } finally {
            mail.stop();
            vertx.close().await();
            execute(adminUrl, "drop database if exists " + name + " with (force)");
        }
        System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static void run(Vertx vertx, GreenMail mail, DatabaseConfig config, int burst, int messages, double rate)
            throws Exception {
        Database db = Database.open(vertx, config).await();
        new SchemaMigrations().apply(db, List.of("core", "email")).await();
        GreenMailUser support = mail.setUser("support@cc.test", "support", "secret");
        int total = burst + messages;
        long[] deliveredAt = new long[total];
        long[] enqueuedAt = new long[total];
        CountDownLatch burstDone = new CountDownLatch(burst);
        CountDownLatch pacedDone = new CountDownLatch(messages);
        Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
        AtomicLong duplicates = new AtomicLong();
        MediaAddresses.registerCodecs(vertx.eventBus());
        vertx.eventBus().<EnqueueMedia>consumer(MediaAddresses.ENQUEUE, msg -> {
            long now = System.nanoTime();
            Matcher s = SEQ.matcher(msg.body().data().getOrDefault(EnqueueMedia.TOPIC_KEY, ""));
            if (s.find()) {
                int n = Integer.parseInt(s.group(1));
                if (seen.putIfAbsent(n, true) == null) {
                    enqueuedAt[n] = now;
                    (n < burst ? burstDone : pacedDone).countDown();
                } else {
                    duplicates.incrementAndGet();
                }
            }
            msg.reply(new MediaQueued(msg.body().interactionId(), msg.body().queue(), "waiting", 1, -1));
        });
        EmailSettings settings = new EmailSettings(true, "support@cc.test", "Support",
                new EmailSettings.Server("127.0.0.1", mail.getImap().getPort(), "support", "secret", "none"),
                new EmailSettings.Server("127.0.0.1", mail.getSmtp().getPort(), "", "", "none"), "support", Map.of(),
                0, 1 << 20, 5, 3, Duration.ofMinutes(10), Duration.ofSeconds(1), EmailSettings.defaultTemplates());
        EmailModule email = EmailModule.start(vertx, settings, db, new JdbcInteractionStore(db),
                SenderLookup.none(), ArticleSuggestions.none(), new SimpleMeterRegistry()).await();
        Session session = Session.getInstance(new Properties());
        try {
            Thread.sleep(1_000); // the mailbox connects and enters IDLE
            long t0 = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                deliveredAt[i] = System.nanoTime();
                support.deliver(message(session, i));
            }
            if (!burstDone.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("burst: only " + (burst - burstDone.getCount()) + " taken");
            }
            double burstSeconds = (max(enqueuedAt, 0, burst) - t0) / 1e9;
            System.out.printf("burst: %,d messages delivered at once, all interactions after %.2f s: %.0f messages/s;"
                    + " %s%n", burst, burstSeconds, burst / burstSeconds, latencies(deliveredAt, enqueuedAt, 0, burst));

            long interval = (long) (1e9 / rate);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                deliveredAt[burst + i] = System.nanoTime();
                support.deliver(message(session, burst + i));
            }
            if (!pacedDone.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("paced: only " + (messages - pacedDone.getCount()) + " taken");
            }
            double pacedSeconds = (max(enqueuedAt, burst, total) - start) / 1e9;
            System.out.printf("paced: %,d messages at %.0f/s, taken at %.1f messages/s; %s%n", messages, rate,
                    messages / pacedSeconds, latencies(deliveredAt, enqueuedAt, burst, total));
            System.out.printf("duplicates routed: %d; acknowledgements received by customers: %,d%n",
                    duplicates.get(), mail.getReceivedMessages().length - total);
        } finally {
            email.close();
            db.close();
        }
    }

    private static MimeMessage message(Session session, int n) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("customer" + (n % 500) + "@customer.test"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("support@cc.test"));
        m.setSubject("Question bench-" + n, "UTF-8");
        m.setText("Hello, this is message " + n + " about my order. Could you tell me when it arrives?\n"
                + "Thanks,\nA customer", "UTF-8");
        m.setHeader("Message-ID", "<bench-" + n + "-" + System.nanoTime() + "@customer.test>");
        return m;
    }

    private static long max(long[] values, int from, int to) {
        long m = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }

    private static String latencies(long[] delivered, long[] enqueued, int from, int to) {
        Histogram h = new Histogram(3);
        for (int i = from; i < to; i++) {
            h.recordValue(Math.max(0, (enqueued[i] - delivered[i]) / 1_000));
        }
        return String.format("delivery to interaction: median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(95) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3);
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
