package cc.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replays the client side ({@code >} lines) of a recorded AMI trace against the simulator over real TCP, each
 * connection on its own thread at the recorded times (multiplied by {@code scale}), with channel names in the
 * actions rewritten from the recorded run's names to the simulator's (matched by order of Newchannel events).
 */
final class AmiReplay {
    /** What one connection of the trace got from the simulator. */
    record ConnectionResult(Trace.Connection recorded, AmiTestClient client) {
    }

    private final int port;
    private final double scale;
    private final List<String> traceChannels = new ArrayList<>();
    private final List<AmiTestClient> clients = new CopyOnWriteArrayList<>();
    private final Map<String, String> mapping = new ConcurrentHashMap<>();

    private final Map<String, Double> delays = new ConcurrentHashMap<>();

    AmiReplay(int port, double scale) {
        this.port = port;
        this.scale = scale;
    }

    private final Map<String, String> replacements = new ConcurrentHashMap<>();

    /** Replaces text in every header value sent (the recorded AGI port by the test server's port). */
    AmiReplay replace(String from, String to) {
        replacements.put(from, to);
        return this;
    }

    /** Sends the action with this ActionID {@code seconds} (recorded time) later than recorded. */
    AmiReplay delay(String actionId, double seconds) {
        delays.put(actionId, seconds);
        return this;
    }

    List<ConnectionResult> run(Trace trace, double settleSeconds) throws Exception {
        for (Trace.Connection c : trace.connections) {
            for (Trace.Message m : c.amiMessages()) {
                if (m.dir() == '<' && "Newchannel".equals(m.get("Event"))) {
                    traceChannels.add(m.get("Channel"));
                }
            }
        }
        try (AmiTestClient warmUp = new AmiTestClient(port)) {
            warmUp.login();
            warmUp.send("Action", "Ping", "ActionID", "warm-up");
            warmUp.await(m -> "warm-up".equals(m.get("ActionID")), 5_000);
            // run the originate path once so its first real use is not slowed down by class loading
            warmUp.send("Action", "Originate", "ActionID", "warm-up-2", "Channel", "Local/warm-up@nowhere",
                "Application", "Wait", "Data", "1", "Async", "true");
            warmUp.await(m -> "OriginateResponse".equals(m.get("Event")), 5_000);
        }
        all = trace.connections;
        long start = System.nanoTime();
        List<ConnectionResult> results = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (Trace.Connection c : trace.connections) {
            Thread t = new Thread(() -> {
                try {
                    results.add(replay(c, start, settleSeconds));
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "replay-" + c.title());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(120_000);
        }
        if (!errors.isEmpty()) {
            AssertionError e = new AssertionError("replay of " + trace.name + " failed: " + errors.get(0), errors.get(0));
            throw e;
        }
        List<ConnectionResult> ordered = new ArrayList<>();
        for (Trace.Connection c : trace.connections) {
            for (ConnectionResult r : results) {
                if (r.recorded() == c) {
                    ordered.add(r);
                }
            }
        }
        return ordered;
    }

    private final java.util.concurrent.ConcurrentHashMap<Trace.Connection, java.util.concurrent.CountDownLatch> firstAnswered =
        new java.util.concurrent.ConcurrentHashMap<>();

    private java.util.concurrent.CountDownLatch latch(Trace.Connection c) {
        return firstAnswered.computeIfAbsent(c, k -> new java.util.concurrent.CountDownLatch(1));
    }

    /** Connections recorded to start earlier are logged in first, so observers see what the others cause. */
    private void awaitEarlier(Trace.Connection c, List<Trace.Connection> all) throws InterruptedException {
        for (Trace.Connection o : all) {
            if (o != c && o.firstTime() < c.firstTime()) {
                latch(o).await(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private List<Trace.Connection> all = List.of();

    private ConnectionResult replay(Trace.Connection c, long start, double settleSeconds) throws Exception {
        sleepUntil(start, c.firstTime());
        awaitEarlier(c, all);
        AmiTestClient client = new AmiTestClient(port);
        clients.add(client);
        boolean first = true;
        for (Trace.Message m : c.amiMessages()) {
            if (m.dir() != '>') {
                continue;
            }
            if (!first) {
                latch(c).countDown();
            }
            sleepUntil(start, m.time() + delays.getOrDefault(String.valueOf(m.get("ActionID")), 0.0));
            List<String[]> headers = withIssuedIds(rewrite(m.headers()), c, client);
            if ("md5".equalsIgnoreCase(m.get("AuthType")) && m.get("Key") != null) {
                headers = withMd5Key(headers, client);
            }
            client.send(headers);
            if (Boolean.getBoolean("replay.debug")) {
                System.out.printf("%.3f sent %s%n", client.elapsed(), m.get("Action"));
            }
            if (first) {
                first = false;
                client.await(r -> r.get("Response") != null, 5_000);
                latch(c).countDown();
            }
        }
        latch(c).countDown();
        if (c.closedByAsterisk()) {
            client.awaitClosed(10_000);
        } else {
            sleepUntil(start, c.lastTime() + settleSeconds);
            client.close();
        }
        return new ConnectionResult(c, client);
    }

    /**
     * An id Asterisk issued in a response (MixMonitorID, ami-21) and the client sent back: send the one the simulator
     * issued in its answer to the same action.
     */
    private static final java.util.Set<String> ISSUED_IDS = java.util.Set.of("MixMonitorID");

    private static List<String[]> withIssuedIds(List<String[]> headers, Trace.Connection c, AmiTestClient client)
        throws InterruptedException {
        List<String[]> out = new ArrayList<>();
        for (String[] h : headers) {
            String issuedBy = null;
            for (Trace.Message r : ISSUED_IDS.contains(h[0]) ? c.amiMessages() : List.<Trace.Message>of()) {
                if (r.dir() == '<' && r.get("Response") != null && h[1].equals(r.get(h[0]))) {
                    issuedBy = r.get("ActionID");
                    break;
                }
            }
            if (issuedBy == null) {
                out.add(h);
                continue;
            }
            String actionId = issuedBy;
            Trace.Message answer = client.await(r -> actionId.equals(r.get("ActionID")) && r.get("Response") != null, 3_000);
            String issued = answer == null ? null : answer.get(h[0]);
            out.add(new String[] {h[0], issued == null ? h[1] : issued});
        }
        return out;
    }

    /** The recorded Key answered the recorded challenge; answer the simulator's challenge the same way. */
    private static List<String[]> withMd5Key(List<String[]> headers, AmiTestClient client) throws Exception {
        String challenge = client.await(r -> r.get("Challenge") != null, 3_000).get("Challenge");
        String key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
            .digest((challenge + "cc-secret").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<String[]> out = new ArrayList<>();
        for (String[] h : headers) {
            out.add(h[0].equals("Key") ? new String[] {"Key", key} : h);
        }
        return out;
    }

    private List<String[]> rewrite(List<String[]> headers) throws InterruptedException {
        List<String[]> out = new ArrayList<>();
        for (String[] h : headers) {
            String v = h[1];
            int idx = traceChannels.indexOf(v);
            if (idx >= 0) {
                v = simChannel(idx, v);
            }
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                v = v.replace(r.getKey(), r.getValue());
            }
            out.add(new String[] {h[0], v});
        }
        return out;
    }

    /** The simulator's name of the idx-th channel created, waiting a little for its Newchannel if needed. */
    private String simChannel(int idx, String fallback) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> sim = simChannels();
            if (sim.size() > idx) {
                return sim.get(idx);
            }
            Thread.sleep(5);
        }
        return fallback;
    }

    private List<String> simChannels() {
        List<String> out = new ArrayList<>();
        for (AmiTestClient c : clients) {
            for (Trace.Message m : c.received) {
                if ("Newchannel".equals(m.get("Event"))) {
                    out.add(m.get("Channel"));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return out;
    }

    private void sleepUntil(long start, double traceSeconds) throws InterruptedException {
        long target = start + (long) (traceSeconds * scale * 1e9);
        long now = System.nanoTime();
        if (target > now) {
            Thread.sleep((target - now) / 1_000_000, (int) ((target - now) % 1_000_000));
        }
    }
}
