package cc.bench.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback AMI server for load: banner, accepts any login (plain or MD5 challenge), answers the few actions a
 * client sends while connecting (CoreSettings, CoreShowChannels, Ping, Logoff), and then writes call events at a
 * fixed target rate. Calls are interleaved over a number of concurrent call slots and follow the shapes of the
 * recorded Asterisk 22 traces: Newchannel, VarSet, Newexten, Newstate Ringing/Up, DTMFEnd, Hangup. Three VarSet
 * events per call carry their send time ({@link System#nanoTime()}) as value of {@link #TIME_VARIABLE}; during
 * the warm-up the variable is {@link #WARMUP_VARIABLE} instead, so consumers can skip it.
 *
 * <p>Every event carries a sequence number, 1, 2, 3... in the order written, as {@code ChanVariable: CC_SEQ=<n>}:
 * the header real Asterisk adds to every event with a channel snapshot for each variable listed in manager.conf's
 * {@code channelvars} (here {@code channelvars = CC_SEQ}), so the bytes stay what Asterisk could send. The recorded
 * traces were taken without {@code channelvars} and do not show the header. The events written are also counted by
 * kind ({@link #KINDS}), so a consumer's losses can be told per kind.
 */
final class AmiFirehose implements AutoCloseable {
    static final String TIME_VARIABLE = "CC_SENT_NS";
    static final String WARMUP_VARIABLE = "CC_WARMUP_NS";
    /** Events per call, of which {@link #MAPPED_PER_CALL} map to call events and {@link #TIMED_PER_CALL} carry a time. */
    static final int EVENTS_PER_CALL = 10;
    static final int MAPPED_PER_CALL = 8;
    static final int TIMED_PER_CALL = 3;
    static final String SEQ_VARIABLE = "CC_SEQ";
    /** The kind of each of a call's ten events, by step. */
    static final String[] STEP_KIND = {"Newchannel", "VarSet CC_SENT_NS", "Newexten", "VarSet QUEUENAME",
            "Newstate Ringing", "Newstate Up", "VarSet CC_SENT_NS", "DTMFEnd", "VarSet CC_SENT_NS", "Hangup"};
    /** The kinds in the order printed. */
    static final List<String> KINDS = List.of("Newchannel", "VarSet CC_SENT_NS", "Newexten", "VarSet QUEUENAME",
            "Newstate Ringing", "Newstate Up", "DTMFEnd", "Hangup");

    private final ServerSocket server;
    private final int concurrentCalls;
    private volatile Socket client;
    private volatile OutputStream out;
    private final CountDownLatch loggedIn = new CountDownLatch(1);
    private final AtomicLong sentEvents = new AtomicLong();
    private final AtomicLong sentTimed = new AtomicLong();
    /** Events written per kind (index in {@link #KINDS}), warm-up included; written by the one writer thread. */
    private final java.util.concurrent.atomic.AtomicLongArray writtenByKind =
            new java.util.concurrent.atomic.AtomicLongArray(KINDS.size());
    /** The last sequence number written. */
    private final long[] seq = new long[1];
    private Thread reader;

    AmiFirehose(int concurrentCalls) throws IOException {
        this.concurrentCalls = concurrentCalls;
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ami-firehose-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long sentEvents() {
        return sentEvents.get();
    }

    long sentTimed() {
        return sentTimed.get();
    }

    /** Every event written so far (warm-up included), by kind, in the order of {@link #KINDS}. */
    long[] writtenByKind() {
        long[] out = new long[KINDS.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = writtenByKind.get(i);
        }
        return out;
    }

    long lastSequence() {
        synchronized (seq) {
            return seq[0];
        }
    }

    boolean awaitLogin(long seconds) throws InterruptedException {
        return loggedIn.await(seconds, TimeUnit.SECONDS);
    }

    private void accept() {
        try {
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            client = s;
            out = s.getOutputStream();
            write("Asterisk Call Manager/11.0.0\r\n");
            reader = new Thread(() -> readActions(s), "ami-firehose-actions");
            reader.setDaemon(true);
            reader.start();
        } catch (IOException e) {
            // closed before a client came
        }
    }

    private void readActions(Socket s) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> message = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    message.add(line);
                    continue;
                }
                if (!message.isEmpty()) {
                    answer(message);
                    message = new ArrayList<>();
                }
            }
        } catch (IOException e) {
            // client gone
        }
    }

    private void answer(List<String> message) throws IOException {
        String action = header(message, "action");
        String id = header(message, "actionid");
        String idLine = id == null ? "" : "ActionID: " + id + "\r\n";
        switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "challenge":
                write("Response: Success\r\n" + idLine + "Challenge: 209039082\r\n\r\n");
                break;
            case "login":
                write("Response: Success\r\n" + idLine + "Message: Authentication accepted\r\n\r\n");
                loggedIn.countDown();
                break;
            case "coresettings":
                write("Response: Success\r\n" + idLine + "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\n"
                        + "SystemName: \r\nCoreMaxCalls: 0\r\n\r\n");
                break;
            case "coreshowchannels":
                write("Response: Success\r\n" + idLine + "EventList: start\r\nMessage: Channels will follow\r\n\r\n"
                        + "Event: CoreShowChannelsComplete\r\n" + idLine + "EventList: Complete\r\nListItems: 0\r\n\r\n");
                break;
            case "ping":
                write("Response: Success\r\n" + idLine + "Ping: Pong\r\nTimestamp: 1795417499.000000\r\n\r\n");
                break;
            case "logoff":
                write("Response: Goodbye\r\n" + idLine + "Message: Thanks for all the fish.\r\n\r\n");
                client.close();
                break;
            default:
                write("Response: Error\r\n" + idLine + "Message: Invalid/unknown command: " + action + "\r\n\r\n");
        }
    }

    private static String header(List<String> lines, String key) {
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(key)) {
                return l.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private synchronized void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private synchronized void write(byte[] bytes, int length) throws IOException {
        out.write(bytes, 0, length);
        out.flush();
    }

    /**
     * Writes events at {@code ratePerSecond} for the warm-up and then the measured duration, in slices of one
     * millisecond. Returns what was written after the warm-up. When the socket cannot take the rate the writer
     * blocks in TCP back-pressure and falls behind; the caller sees that in the sent count.
     */
    Run run(int ratePerSecond, double warmupSeconds, double seconds) throws IOException, InterruptedException {
        Call[] calls = new Call[concurrentCalls];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new Call(i, seq);
        }
        long start = System.nanoTime();
        long warmupEnd = start + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        long written = 0;
        long measured = 0;
        long measuredStart = 0;
        int slot = 0;
        StringBuilder sb = new StringBuilder(1 << 20);
        byte[] buf = new byte[1 << 20];
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * ratePerSecond);
            if (due <= written) {
                long sleepNanos = Math.min(500_000, (long) ((written + 1 - due) * 1e9 / ratePerSecond));
                TimeUnit.NANOSECONDS.sleep(Math.max(50_000, sleepNanos));
                continue;
            }
            boolean warm = now < warmupEnd;
            sb.setLength(0);
            int batch = (int) Math.min(due - written, 5_000);
            int timed = 0;
            int[] kindCount = new int[KINDS.size()];
            synchronized (seq) {
                for (int i = 0; i < batch; i++) {
                    kindCount[KINDS.indexOf(STEP_KIND[calls[slot].step])]++;
                    timed += calls[slot].next(sb, now, warm) ? 1 : 0;
                    slot = (slot + 1) % calls.length;
                }
            }
            int len = sb.length();
            if (buf.length < len) {
                buf = new byte[len * 2];
            }
            for (int i = 0; i < len; i++) {
                buf[i] = (byte) sb.charAt(i);
            }
            write(buf, len);
            for (int k = 0; k < kindCount.length; k++) {
                writtenByKind.addAndGet(k, kindCount[k]);
            }
            if (!warm && measuredStart == 0) {
                measuredStart = now;
            }
            written += batch;
            sentEvents.addAndGet(batch);
            if (!warm) {
                measured += batch;
                sentTimed.addAndGet(timed);
            }
        }
        return new Run(measured, measuredStart, System.nanoTime());
    }

    /** The measured part of a run: events written after the warm-up, and when that part began and ended. */
    record Run(long events, long startNanos, long endNanos) {}

    /** One call slot: walks the ten events of a call, then starts the next call. */
    private static final class Call {
        private final int slot;
        private final long[] seq;
        private long serial;
        private int step;
        private String uniqueId;
        private String channel;

        Call(int slot, long[] seq) {
            this.slot = slot;
            this.seq = seq;
            begin();
        }

        private void begin() {
            serial++;
            uniqueId = "1795417499." + (serial * 100_000 + slot);
            channel = "PJSIP/trunk-" + slot + "-" + serial;
            step = 0;
        }

        /** Appends the call's next event; true when it carries a measured send time. */
        boolean next(StringBuilder sb, long nowNanos, boolean warm) {
            boolean timed = false;
            switch (step) {
                case 0:
                    channelEvent(sb, "Newchannel", 4, "Ring");
                    end(sb);
                    break;
                case 1:
                case 6:
                case 8:
                    varSet(sb, warm ? WARMUP_VARIABLE : TIME_VARIABLE, Long.toString(nowNanos));
                    timed = !warm;
                    break;
                case 2:
                    channelEvent(sb, "Newexten", 4, "Ring");
                    sb.append("Extension: 100\r\nApplication: AGI\r\nAppData: agi://127.0.0.1:4573/main-menu?lang=en\r\n");
                    end(sb);
                    break;
                case 3:
                    varSet(sb, "QUEUENAME", "support");
                    break;
                case 4:
                    channelEvent(sb, "Newstate", 5, "Ringing");
                    end(sb);
                    break;
                case 5:
                    channelEvent(sb, "Newstate", 6, "Up");
                    end(sb);
                    break;
                case 7:
                    sb.append("Event: DTMFEnd\r\nPrivilege: dtmf,all\r\n");
                    channelHeaders(sb, 6, "Up");
                    sb.append("Digit: 1\r\nDurationMs: 120\r\nDirection: Received\r\n");
                    end(sb);
                    break;
                default:
                    channelEvent(sb, "Hangup", 6, "Up");
                    sb.append("Cause: 16\r\nCause-txt: Normal Clearing\r\n");
                    end(sb);
                    begin();
                    return false;
            }
            step++;
            return timed;
        }

        private void varSet(StringBuilder sb, String name, String value) {
            sb.append("Event: VarSet\r\nPrivilege: dialplan,all\r\n");
            channelHeaders(sb, 6, "Up");
            sb.append("Variable: ").append(name).append("\r\nValue: ").append(value).append("\r\n");
            end(sb);
        }

        private void channelEvent(StringBuilder sb, String event, int state, String desc) {
            sb.append("Event: ").append(event).append("\r\nPrivilege: call,all\r\n");
            channelHeaders(sb, state, desc);
        }

        private void channelHeaders(StringBuilder sb, int state, String desc) {
            sb.append("Channel: ").append(channel).append("\r\nChannelState: ").append(state)
                    .append("\r\nChannelStateDesc: ").append(desc)
                    .append("\r\nCallerIDNum: 09121234567\r\nCallerIDName: Sara Ahmadi\r\nConnectedLineNum: <unknown>"
                            + "\r\nConnectedLineName: <unknown>\r\nLanguage: en\r\nAccountCode: \r\nContext: ivr-in"
                            + "\r\nExten: 100\r\nPriority: 1\r\nUniqueid: ").append(uniqueId)
                    .append("\r\nLinkedid: ").append(uniqueId)
                    .append("\r\nChanVariable: ").append(SEQ_VARIABLE).append('=').append(++seq[0]).append("\r\n");
        }

        private static void end(StringBuilder sb) {
            sb.append("\r\n");
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket s = client;
        if (s != null) {
            s.close();
        }
    }
}
