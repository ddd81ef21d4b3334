package cc.bench.cluster;

import cc.acd.app.AcdVerticle;
import cc.bench.BenchServer;
import cc.bench.Options;
import cc.dialer.app.DialerVerticle;
import cc.launcher.testbed.ChildNode;
import cc.launcher.testbed.TcpBalancer;
import cc.simulator.AsteriskSimulator;
import cc.simulator.InboundCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.Timings;
import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cc.bench.cluster.Waits.await;
import static cc.bench.cluster.Waits.execute;
import static cc.bench.cluster.Waits.loadAverage;

/**
 * The routing and dialer leaders' takeover when their node dies as a machine dies: three server nodes, each its own
 * JVM ({@link ChildNode}: {@code cc.launcher.Main} on a configuration file written here), clustered on loopback, on
 * the machine's Redis (a random key prefix) and PostgreSQL (a database of its own, dropped at the end) and one
 * simulator whose FastAGI reaches the nodes through a load-balancer stand-in ({@link TcpBalancer}), so callers keep
 * arriving whichever node dies. Callers arrive at {@code --rate} per second and are queued for {@code --agents}
 * agents (available at start, phones answering after 300 ms, talking 0.75 to 1.25 times {@code --talk} ms); a
 * progressive campaign over answering machines (hung up on AMD) runs on {@code --campaign-agents} agents under the
 * global cap {@code dialer.lines} ({@code --lines}), so a dialer leader is always busy.
 *
 * <p>Each of {@code --rounds} rounds reads the {@code routing} and {@code dialer} leases' holders in Redis and kills
 * ({@code destroyForcibly}, {@code kill -9}) the routing holder in odd rounds, the dialer holder in even ones (a node
 * holding both loses both). Measured from the kill, as the outside sees it: the lease held by another node (Redis
 * polled every 20 ms); the first offer after it (a new channel of an agent's phone in the simulator, sampled every
 * 10 ms) and the first campaign call after it (a new customer channel). Channels first seen in the first two thirds
 * of the lease's time to live after the kill are not counted as firsts: they are the dead node's last originates (its
 * lease, renewed every third of the ttl, cannot pass before then). The killed node is then started again as a fresh
 * JVM on the same ports and the next round waits until it answers and {@code --settle} seconds more. Throughout, the
 * simulator's live campaign channels are counted every 10 ms: the most at once (per round, from its kill to the next
 * round, and in all) must never pass {@code --lines}; each stretch above it is printed. Every change of the leases'
 * holders is recorded too, and those no kill explains (a starved node that could not renew in time) are printed.
 *
 * <p>Options: {@code --rounds} (5), {@code --rate} calls/s (1), {@code --agents} (12), {@code --talk} ms (4000),
 * {@code --lines} (4), {@code --campaign-agents} (2), {@code --lease-ttl} ({@code acd.leaseTtl}, the shipped 3s),
 * {@code --takeover-hold} ({@code dialer.takeoverHold}, 10s: the shipped 5m would keep a dead node's open attempts on
 * the lines for minutes), {@code --settle} s (20), {@code --pg-url} the maintenance database
 * ({@code jdbc:postgresql://127.0.0.1:5432/postgres}, user postgres), {@code --redis}
 * ({@code redis://127.0.0.1:6379/0}), {@code --dir} where the nodes' configurations and logs go (a temporary
 * directory).
 */
public final class LeaderTakeoverBenchmark {
    private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(.*)$");
    private static final Pattern DURATION = Pattern.compile("^(\\d+)(ms|s)$");
    private static final String AMI_SECRET = "bench-secret";
    private static final String ADMIN = "root";
    private static final String PASSWORD = "a long enough bench pass phrase";
    private static final String AGENT_PHONES = "PJSIP/50";
    private static final String CUSTOMERS = "PJSIP/0912";
    private static final int CONTACTS = 20_000;
    private static final String[] IDS = {"n1", "n2", "n3"};

    private final Map<String, String> o;
    private final int lines;
    private final Duration leaseTtl;
    private final Map<String, ChildNode> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> hazelcastPorts = new TreeMap<>();
    private final List<String> members = new ArrayList<>();
    private AsteriskSimulator sim;
    private TcpBalancer web;
    private TcpBalancer agi;
    private StatefulRedisConnection<String, String> redis;
    private String prefix;
    private String cluster;
    private String dbUrl;
    private Path dir;
    private Path flows;
    private LeaseWatch leases;

    private LeaderTakeoverBenchmark(Map<String, String> o) {
        this.o = o;
        this.lines = Integer.parseInt(o.getOrDefault("lines", "4"));
        this.leaseTtl = duration(o.getOrDefault("lease-ttl", "3s"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        String adminUrl = o.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Matcher m = PG_URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--pg-url " + adminUrl + " is not a jdbc:postgresql://host:port/db URL");
        }
        String dbName = "cc_takeover_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute(adminUrl, "create database " + dbName);
        LeaderTakeoverBenchmark bench = new LeaderTakeoverBenchmark(o);
        int code = 0;
        try {
            bench.run(m.group(1) + dbName + m.group(3));
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            bench.close();
            execute(adminUrl, "drop database if exists " + dbName + " with (force)");
        }
        System.exit(code);
    }

    private void run(String dbUrl) throws Exception {
        this.dbUrl = dbUrl;
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "1"));
        int agents = Integer.parseInt(o.getOrDefault("agents", "12"));
        long talkMs = Long.parseLong(o.getOrDefault("talk", "4000"));
        int settle = Integer.parseInt(o.getOrDefault("settle", "20"));
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s; load average at start: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        System.out.printf(Locale.ROOT, "LeaderTakeoverBenchmark: 3 nodes as child JVMs, %d rounds; callers %.1f/s to"
                        + " %d agents (talk %d ms +-25%%); a progressive campaign on %d agents, dialer.lines %d;"
                        + " acd.leaseTtl %s, dialer.takeoverHold %s%n", rounds, rate, agents, talkMs,
                Integer.parseInt(o.getOrDefault("campaign-agents", "2")), lines, leaseTtl.toMillis() + "ms",
                o.getOrDefault("takeover-hold", "10s"));

        dir = o.containsKey("dir") ? Files.createDirectories(Path.of(o.get("dir")))
                : Files.createTempDirectory("cc-takeover");
        flows = BenchServer.flowIntoQueue(dir, "in", "5s");
        web = new TcpBalancer("web-balancer");
        agi = new TcpBalancer("agi-balancer");
        sim = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", AMI_SECRET)
                .agi("127.0.0.1", agi.port(), "bench?lang=en")
                .timings(Timings.defaults().withUnknownPromptMs(300))
                .phones(Phones.builder()
                        .prefix("50", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(300),
                                Distribution.uniform(talkMs * 3 / 4, talkMs * 5 / 4)))
                        .prefix("60", PhoneBehaviour.answersAfter(Distribution.fixed(300)))
                        .prefix("0912", PhoneBehaviour.answersThenHangsUp(Distribution.fixed(700),
                                Distribution.fixed(2_500)).withAmd("MACHINE"))
                        .build())
                .build());
        prefix = "cc_bench_" + HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + ":";
        cluster = "cc-takeover-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
        redis = RedisClient.create(o.getOrDefault("redis", "redis://127.0.0.1:6379/0")).connect();
        for (String id : IDS) {
            int port = BenchServer.freePort();
            hazelcastPorts.put(id, port);
            members.add("'127.0.0.1:" + port + "'");
        }

        // n1 first: it runs the database migrations and takes both leases; then the others join
        long t0 = System.nanoTime();
        start("n1", agents, BenchServer.freePort(), BenchServer.freePort());
        await("n1 holds the routing lease (log " + nodes.get("n1").log + ")", Duration.ofSeconds(180),
                () -> holder(AcdVerticle.LEASE).equals(Optional.of("n1")));
        start("n2", agents, BenchServer.freePort(), BenchServer.freePort());
        start("n3", agents, BenchServer.freePort(), BenchServer.freePort());
        for (String id : IDS) {
            awaitAnswers(id);
        }
        System.out.printf(Locale.ROOT, "3 nodes up in %.1f s; routing %s, dialling %s; configurations and logs in %s%n",
                (System.nanoTime() - t0) / 1e9, holder(AcdVerticle.LEASE).orElse("none"),
                holder(DialerVerticle.LEASE).orElse("none"), dir);

        ChannelWatch watch = new ChannelWatch(sim, AGENT_PHONES, CUSTOMERS, lines);
        watch.start();
        leases = new LeaseWatch(redis, prefix, List.of(AcdVerticle.LEASE, DialerVerticle.LEASE));
        leases.start();
        startCampaign();
        await("the campaign dials", Duration.ofSeconds(60), () -> watch.customerChannelsSeen() > 0);
        ScheduledExecutorService callers = Executors.newSingleThreadScheduledExecutor();
        AtomicLong placed = new AtomicLong();
        callers.scheduleAtFixedRate(() -> {
            long n = placed.incrementAndGet();
            sim.placeInboundCall(InboundCall.of(String.format("0915%07d", n % 10_000_000), "Caller " + n, "5550100")
                    .withPatienceMs(60_000));
        }, 0, (long) (1e9 / rate), TimeUnit.NANOSECONDS);
        await("a first offer", Duration.ofSeconds(60), () -> watch.agentChannelsSeen() > 0);
        Thread.sleep(settle * 1000L);

        List<TakeoverRound> done = new ArrayList<>();
        System.out.println();
        System.out.println("| round | killed | held | routing lease taken | first offer after | dialer lease taken"
                + " | first campaign call after | AMI link logged in again | most campaign lines | load average |");
        System.out.println("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (int r = 1; r <= rounds; r++) {
            TakeoverRound round = round(r, watch);
            restart(round.killed, agents);
            Thread.sleep(settle * 1000L);
            round.mostLines = watch.mostSinceReset();
            done.add(round);
            System.out.println(round.row());
        }
        callers.shutdownNow();
        watch.stop();
        leases.stop();

        System.out.println();
        System.out.println("| from the kill to | rounds | median | p90 | max |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        long worst = 0;
        worst = Math.max(worst, TakeoverRound.summary("routing lease taken by another node", done,
                x -> x.routingLease));
        worst = Math.max(worst, TakeoverRound.summary("first offer by the new routing node", done, x -> x.firstOffer));
        worst = Math.max(worst, TakeoverRound.summary("dialer lease taken by another node", done,
                x -> x.dialerLease));
        worst = Math.max(worst, TakeoverRound.summary("first campaign call by the new dialler", done,
                x -> x.firstCampaignCall));
        worst = Math.max(worst, TakeoverRound.summary("AMI link owned and logged in by another node", done,
                x -> x.amiLink));
        int most = watch.mostCustomerChannels();
        System.out.printf(Locale.ROOT, "global line cap: most live campaign channels at once %d, dialer.lines %d:"
                + " %s; %d callers placed, %d offers and %d campaign calls seen in all%n", most, lines,
                most <= lines ? "never exceeded" : "EXCEEDED", placed.get(), watch.agentChannelsSeen(),
                watch.customerChannelsSeen());
        watch.overCap().forEach(stretch -> System.out.println("  above the cap from " + stretch));
        System.out.printf(Locale.ROOT, "AMI sessions: most logged in to the simulator at once %d (one node owns the"
                + " link)%n", watch.mostAmiSessions());
        List<String> unexplained = leases.unexplained();
        System.out.printf(Locale.ROOT, "lease changes: %d in all, %d with no kill of the old holder in the minute"
                + " before%s%n", leases.changeCount(), unexplained.size(), unexplained.isEmpty() ? "" : ":");
        unexplained.forEach(u -> System.out.println("  " + u));
        System.out.printf(Locale.ROOT, "target: takeover under 5 s (lease and first offer or call): %s%n",
                worst == Long.MAX_VALUE ? "missed (not within 60 s in a round)" : worst < 5_000 ? "met" : "missed");
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    }

    /** One round: the victim killed, then the leases and first channels after it awaited (60 s at most). */
    private TakeoverRound round(int number, ChannelWatch watch) throws Exception {
        // on a starved machine a lease may be between holders for a moment (LeaseWatch tells those changes)
        await("both leases held before round " + number, Duration.ofSeconds(60),
                () -> holder(AcdVerticle.LEASE).isPresent() && holder(DialerVerticle.LEASE).isPresent());
        String routing = holder(AcdVerticle.LEASE).orElseThrow();
        String dialing = holder(DialerVerticle.LEASE).orElseThrow();
        String victim = number % 2 == 1 ? routing : dialing;
        boolean routes = victim.equals(routing);
        boolean dials = victim.equals(dialing);
        watch.resetMost();
        Optional<String> linkOwnerBefore = holder(LINK_LEASE);
        long killed = System.nanoTime();
        leases.killed(victim, killed);
        nodes.get(victim).kill();
        long notBefore = killed + leaseTtl.toNanos() * 2 / 3;
        TakeoverRound round = new TakeoverRound(number, victim, routes, dials, loadAverage());
        boolean ownedLink = linkOwnerBefore.equals(Optional.of(victim));
        if (ownedLink) {
            round.amiLink = -1;
        }
        long deadline = killed + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !round.complete()) {
            long now = System.nanoTime();
            if (routes && round.routingLease < 0 && holder(AcdVerticle.LEASE).map(h -> !h.equals(victim))
                    .orElse(false)) {
                round.routingLease = (now - killed) / 1_000_000;
            }
            if (dials && round.dialerLease < 0 && holder(DialerVerticle.LEASE).map(h -> !h.equals(victim))
                    .orElse(false)) {
                round.dialerLease = (now - killed) / 1_000_000;
            }
            if (routes && round.firstOffer < 0) {
                round.firstOffer = watch.firstAgentChannelAfter(notBefore).map(t -> (t - killed) / 1_000_000)
                        .orElse(-1L);
            }
            if (dials && round.firstCampaignCall < 0) {
                round.firstCampaignCall = watch.firstCustomerChannelAfter(notBefore)
                        .map(t -> (t - killed) / 1_000_000).orElse(-1L);
            }
            if (ownedLink && round.amiLink < 0 && holder(LINK_LEASE).map(h -> !h.equals(victim)).orElse(false)
                    && sim.stats().amiSessions() == 1) {
                round.amiLink = (now - killed) / 1_000_000;
            }
            Thread.sleep(20);
        }
        round.newLinkOwner = holder(LINK_LEASE).orElse("none");
        round.newRouting = holder(AcdVerticle.LEASE).orElse("none");
        round.newDialing = holder(DialerVerticle.LEASE).orElse("none");
        return round;
    }

    /**
     * The killed node started again on its ports; up to three tries, as a node that cannot reach Redis within its
     * 2 s at start (a starved machine) stops with an error rather than wait.
     */
    private void restart(String id, int agents) throws Exception {
        ChildNode old = nodes.get(id);
        for (int attempt = 1; ; attempt++) {
            start(id, agents, old.httpPort, old.agiPort);
            try {
                awaitAnswers(id);
                return;
            } catch (IllegalStateException exited) {
                nodes.get(id).close(); // one that hangs rather than exits must not hold the ports
                if (attempt == 3) {
                    throw exited;
                }
                System.out.println("  " + id + " did not start again (" + exited.getMessage() + "); starting it once"
                        + " more");
            }
        }
    }

    private void start(String id, int agents, int httpPort, int agiPort) throws Exception {
        int campaignAgents = Integer.parseInt(o.getOrDefault("campaign-agents", "2"));
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: " + httpPort + "}",
                "asterisk:",
                "  inboundContexts: [cc-inbound, " + DefaultDialplan.NORMALISING_TRUNK_CONTEXT + "]",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + sim.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: '" + flows + "', defaultFlow: bench}",
                "database: {url: '" + dbUrl + "', username: postgres, password: ''}",
                "livestate: {redis: '" + o.getOrDefault("redis", "redis://127.0.0.1:6379/0") + "', keyPrefix: '"
                        + prefix + "'}",
                "cluster: {enabled: true, name: " + cluster + ", host: 127.0.0.1, port: " + hazelcastPorts.get(id)
                        + ", members: [" + String.join(", ", members) + "]}",
                "acd:",
                "  leaseTtl: " + leaseTtl.toMillis() + "ms",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  queues: [{id: in, wrapUp: 0s}, {id: out, wrapUp: 0s}]",
                "  agents:", ""));
        BenchServer.agents(yaml, "a", agents, 50000, "in");
        BenchServer.agents(yaml, "c", campaignAgents, 60000, "out");
        yaml.append(String.join("\n",
                "dialer:",
                "  enabled: true",
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  lines: " + lines,
                "  takeoverHold: " + o.getOrDefault("takeover-hold", "10s"),
                "  demo: false", ""));
        Map<String, String> env = new TreeMap<>(Map.of("AMI_SECRET", AMI_SECRET, "CC_CONSOLE_SECURE_COOKIES", "false",
                "CC_CONSOLE_ADMIN_USER", ADMIN, "CC_CONSOLE_ADMIN_PASSWORD", PASSWORD));
        ChildNode node = ChildNode.start(id, httpPort, agiPort, dir, yaml.toString(), env);
        nodes.put(id, node);
        web.backend(id, httpPort);
        agi.backend(id, agiPort);
        web.order(IDS);
        agi.order(IDS);
    }

    private void awaitAnswers(String id) throws Exception {
        ChildNode n = nodes.get(id);
        await(id + " answers (log " + n.log + ")", Duration.ofSeconds(180), n::answers);
    }

    /** The campaign manager's steps through the balancer: sign in, import the list, save and start the campaign. */
    private void startCampaign() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + web.port();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("username", ADMIN).put("password", PASSWORD).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("sign-in: " + signedIn.statusCode() + " " + signedIn.body());
        }
        String setCookie = signedIn.headers().firstValue("set-cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = new JsonObject(signedIn.body()).getString("csrfToken");
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append(String.format("0912%07d", 1_000_000 + i)).append(",Customer ").append(i).append('\n');
        }
        send(http, cookie, csrf, "POST", base + "/api/call-lists/import?listId=machines&name=Machines", "text/csv",
                csv.toString());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonObject campaign = new JsonObject().put("name", "Takeover").put("listIds", new JsonArray().add("machines"))
                .put("mode", "PROGRESSIVE").put("firstDay", today.minusDays(1).toString())
                .put("lastDay", today.plusDays(1).toString()).put("opens", "00:00").put("closes", "23:59")
                .put("daysOff", new JsonArray()).put("holidays", new JsonArray())
                .put("retryDelayMinutes", new JsonObject()).put("maxAttempts", 1).put("currency", "IRR")
                .put("costPerDial", "1500").put("costPerMinute", "2500").put("revenuePerConversion", "4000000")
                .put("regulator", "US-TSR").put("maxLines", lines).put("queue", "out").put("machineAction", "HANGUP")
                .put("recording", "never");
        send(http, cookie, csrf, "PUT", base + "/api/campaigns/takeover", "application/json", campaign.encode());
        send(http, cookie, csrf, "POST", base + "/api/campaigns/takeover/start", "application/json", "{}");
    }

    private static void send(HttpClient http, String cookie, String csrf, String method, String url, String type,
                             String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** The lease whose holder records the calls of the simulator's server and owns its AMI link. */
    private static final String LINK_LEASE = cc.core.app.interaction.RecordingOwnership.leaseOf("pbx1");

    /** The lease's holder as Redis has it (the key every node reads and renews). */
    private Optional<String> holder(String lease) {
        return Optional.ofNullable(redis.sync().get(prefix + "lease:" + lease));
    }

    private void close() {
        for (ChildNode n : nodes.values()) {
            try {
                n.close();
            } catch (Exception e) {
                System.err.println("closing " + n.id + ": " + e);
            }
        }
        for (AutoCloseable c : new AutoCloseable[] {web, agi}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("closing a balancer: " + e);
            }
        }
        if (sim != null) {
            sim.close();
        }
        if (redis != null) {
            redis.sync().keys(prefix + "*").forEach(k -> redis.sync().del(k));
            redis.close();
        }
    }

    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a duration is like 3s or 1500ms, got " + text);
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }

}
