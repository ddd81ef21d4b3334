package cc.launcher;

import cc.acd.app.AcdVerticle;
import cc.console.browser.Chromium;
import cc.console.testing.CampaignForms;
import cc.console.testing.ConsoleClient;
import cc.core.testkit.PostgresTestDatabase;
import cc.dialer.app.DialerVerticle;
import cc.launcher.testbed.ChildNode;
import cc.launcher.testbed.TcpBalancer;
import cc.simulator.AsteriskSimulator;
import cc.simulator.ChannelSnapshot;
import cc.simulator.InboundCall;
import cc.simulator.SimulatedCall;
import cc.simulator.SimulatorConfig;
import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Node loss as a machine dies: three server nodes, each its own JVM ({@link ChildNode}), clustered on loopback over
 * one real Redis, one real PostgreSQL and the simulator, behind a load-balancer stand-in ({@link TcpBalancer}: the
 * browsers and the simulator's FastAGI know only its ports). An agent and a supervisor work in headless Chromium.
 * The ACD leader is killed ({@code kill -9}) with the agent talking and a caller waiting, then the dialer leader
 * with a progressive campaign running and the agent's browser connected to it: the browsers reconnect through the
 * balancer to a surviving node by themselves and carry on, each caller is offered once and reaches the agent, the
 * campaign finishes within its global line cap with every contact dialled once, and every call has a complete
 * record.
 */
class NodeLossIT {
    private static final String SECRET = "node-loss-secret";
    private static final String PASSWORD = "a long enough pass phrase";
    private static final long TALK_MS = 5_000;
    private static final int CONTACTS = 12;
    private static final int LINES = 3;
    private static final String CAMPAIGN = "loss";
    private static final String AGENT_PHONE = "PJSIP/3001";

    @RegisterExtension
    final Chromium chromium = new Chromium();

    private PostgresTestDatabase pg;
    private AsteriskSimulator simulator;
    private TcpBalancer web;
    private TcpBalancer agi;
    private RedisClient redis;
    private StatefulRedisConnection<String, String> redisLink;
    private final Map<String, ChildNode> nodes = new LinkedHashMap<>();

    @AfterEach
    void stop() throws Exception {
        for (ChildNode n : nodes.values()) {
            n.close();
        }
        Rig.closeAll(web, agi, simulator, pg);
        if (redisLink != null) {
            redisLink.close();
            redis.shutdown();
        }
    }

    @Test
    @DisplayName("kill -9 of the ACD leader, then of the dialer leader: the browsers reconnect through the load "
            + "balancer to a surviving node and carry on; each caller offered once and reaching the agent; the "
            + "campaign finishes within its line cap, each contact dialled once; every call has a complete record")
    void nodesKilledInTurn() throws Exception {
        Instant began = Instant.now();
        PhoneBehaviour machine = PhoneBehaviour.answersThenHangsUp(Distribution.fixed(700), Distribution.fixed(2_500))
                .withAmd("MACHINE");
        Phones.Builder phones = Phones.builder()
                .prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200)))
                .prefix("31", PhoneBehaviour.answersAfter(Distribution.fixed(200)));
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < CONTACTS; i++) {
            String number = String.format("0912000%04d", 800 + i);
            phones.number(number, machine);
            csv.append(number).append(",Customer ").append(i).append('\n');
        }
        rig(phones.build());
        String prefix = this.prefix;
        List<Integer> hazelcast = this.hazelcast;

        // n1 first, without a dialer: it routes; n2 and n3 then race for the dialer lease
        // (n1 takes the lease after its database migrations, so the others may start then)
        start("n1", 0, hazelcast, prefix, cluster, dir, false);
        Rig.awaitTrue("n1 holds the routing lease (log " + nodes.get("n1").log + ")", Duration.ofSeconds(90),
                () -> nodes.get("n1").alive() && holder(prefix, AcdVerticle.LEASE).equals(Optional.of("n1")));
        start("n2", 1, hazelcast, prefix, cluster, dir, true);
        start("n3", 2, hazelcast, prefix, cluster, dir, true);
        awaitStarted("n1");
        awaitStarted("n2");
        awaitStarted("n3");
        Rig.awaitTrue("n2 or n3 holds the dialer lease", Duration.ofSeconds(10),
                () -> holder(prefix, DialerVerticle.LEASE).isPresent());
        String dialing = holder(prefix, DialerVerticle.LEASE).orElseThrow();
        String survivor = dialing.equals("n2") ? "n3" : "n2";
        System.out.println("node loss: 3 nodes up after " + Duration.between(began, Instant.now()).toSeconds()
                + " s; routing n1, dialling " + dialing + ", survivor " + survivor);
        agi.order(survivor, dialing, "n1");
        assertEquals(Optional.of("n1"), holder(prefix, LINK_LEASE), "n1 came first: it owns the AMI link");
        assertEquals(1, simulator.stats().amiSessions(), "one AMI session for three nodes");

        ConsoleClient root = new ConsoleClient("http://127.0.0.1:" + nodes.get("n1").httpPort);
        assertEquals(200, root.signIn("root", PASSWORD).statusCode());
        assertEquals(201, root.change("POST", "/api/admin/users", new JsonObject().put("username", "ali")
                .put("name", "Ali").put("role", "agent").put("agentId", "a1").put("language", "en")
                .put("password", PASSWORD)).statusCode());
        assertEquals(201, root.change("POST", "/api/admin/users", new JsonObject().put("username", "sara")
                .put("name", "Sara").put("role", "supervisor").put("language", "en")
                .put("password", PASSWORD)).statusCode());

        // the balancer puts the supervisor's browser on the routing node, the agent's on the dialling one
        web.order("n1", survivor, dialing);
        WebDriver sara = chromium.start();
        signIn(sara, "sara");
        assertEquals("n1", lastLiveSocket().backend, "sara's socket: " + web.liveSockets());
        web.order(dialing, survivor, "n1");
        WebDriver ali = chromium.start();
        signIn(ali, "ali");
        assertEquals(dialing, lastLiveSocket().backend, "ali's socket on a node that does not route: "
                + web.liveSockets());
        ali.findElement(By.id("go-available")).click();
        waiting(ali).until(x -> "available".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));

        AgentLegs legs = new AgentLegs();
        legs.start();
        SimulatedCall first = call("09130000001");
        legs.watch(first);
        awaitPop(ali, "09130000001");
        Rig.awaitTrue("ali talks to the first caller", Duration.ofSeconds(10), () -> legs.bridgedTo(first));
        SimulatedCall second = call("09130000002");
        legs.watch(second);
        Thread.sleep(1_500);

        // kill -9 of the routing node: the agent talking, the second caller waiting, the supervisor's socket on it
        Optional<String> linkOwner = holder(prefix, LINK_LEASE);
        Instant killed = Instant.now();
        nodes.get("n1").kill();
        System.out.println("node loss: killed n1 (the ACD leader, pid gone) with ali talking and a caller waiting");
        Rig.awaitTrue("another node routes", Duration.ofSeconds(10),
                () -> holder(prefix, AcdVerticle.LEASE).map(h -> !h.equals("n1")).orElse(false));
        String routing = holder(prefix, AcdVerticle.LEASE).orElseThrow();
        System.out.println("node loss: " + routing + " took the routing lease "
                + Duration.between(killed, Instant.now()).toMillis() + " ms after the kill");
        awaitLinkOwner(prefix, linkOwner, "n1", killed);
        waiting(sara).until(x -> "1".equals(x.findElement(By.tagName("body")).getAttribute("data-live-reconnects"))
                && "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
        System.out.println("node loss: sara's browser reconnected to " + lastLiveSocket().backend + " "
                + Duration.between(killed, Instant.now()).toMillis() + " ms after the kill");
        assertTrue(Set.of(survivor, dialing).contains(lastLiveSocket().backend), web.liveSockets().toString());
        awaitPop(ali, "09130000002");
        for (SimulatedCall c : List.of(first, second)) {
            assertTrue(c.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "caller " + c.uniqueid() + " reached ali");
        }

        // a progressive campaign, made and started through the balancer; then the dialer leader is killed
        AtomicInteger mostLines = new AtomicInteger();
        legs.countLines(mostLines);
        ConsoleClient manager = new ConsoleClient("http://127.0.0.1:" + web.port());
        assertEquals(200, manager.signIn("root", PASSWORD).statusCode());
        importList(manager, csv.toString());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(200, manager.change("PUT", "/api/campaigns/" + CAMPAIGN, CampaignForms.campaign("machines")
                .put("name", "Node loss").put("mode", "PROGRESSIVE").put("firstDay", today.minusDays(1).toString())
                .put("lastDay", today.plusDays(1).toString()).put("opens", "00:00").put("closes", "23:59")
                .put("daysOff", new JsonArray()).put("holidays", new JsonArray()).put("maxAttempts", 1)
                .put("queue", "out").put("recording", "never")).statusCode() / 100 * 100);
        assertEquals(200, manager.change("POST", "/api/campaigns/" + CAMPAIGN + "/start", new JsonObject())
                .statusCode());
        ServerTables tables = new ServerTables(pg);
        Rig.awaitTrue("the dialer leader dials", Duration.ofSeconds(20), () -> tables.attempts(CAMPAIGN) >= 4);

        SimulatedCall third = call("09130000003");
        legs.watch(third);
        awaitPop(ali, "09130000003");
        Rig.awaitTrue("ali talks to the third caller", Duration.ofSeconds(10), () -> legs.bridgedTo(third));
        SimulatedCall fourth = call("09130000004");
        legs.watch(fourth);
        Thread.sleep(1_500);
        long attemptsBefore = tables.attempts(CAMPAIGN);
        Optional<String> linkOwnerThen = holder(prefix, LINK_LEASE);
        Instant killedDialer = Instant.now();
        nodes.get(dialing).kill();
        System.out.println("node loss: killed " + dialing + " (the dialer leader" + (routing.equals(dialing)
                ? " and the ACD leader" : "") + ", ali's browser on it) after " + attemptsBefore + " attempts");
        Rig.awaitTrue(survivor + " holds the dialer lease", Duration.ofSeconds(10),
                () -> holder(prefix, DialerVerticle.LEASE).equals(Optional.of(survivor)));
        System.out.println("node loss: " + survivor + " took the dialer lease "
                + Duration.between(killedDialer, Instant.now()).toMillis() + " ms after the kill");
        awaitLinkOwner(prefix, linkOwnerThen, dialing, killedDialer);
        waiting(ali).until(x -> "1".equals(x.findElement(By.tagName("body")).getAttribute("data-live-reconnects"))
                && "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
        System.out.println("node loss: ali's browser reconnected to " + lastLiveSocket().backend + " "
                + Duration.between(killedDialer, Instant.now()).toMillis() + " ms after the kill");
        awaitPop(ali, "09130000004");
        for (SimulatedCall c : List.of(third, fourth)) {
            assertTrue(c.awaitEnd(Duration.ofSeconds(30)).reachedAgent(), "caller " + c.uniqueid() + " reached ali");
        }
        Rig.awaitTrue("the campaign finishes on " + survivor, Duration.ofSeconds(60), () -> "FINISHED".equals(
                new JsonObject(manager.get("/api/campaigns/" + CAMPAIGN).body()).getString("status")));
        Rig.awaitTrue("the campaign's last call ends", Duration.ofSeconds(15), () -> simulator.channels().stream()
                .noneMatch(ch -> ch.name().startsWith("PJSIP/0912")));

        // the agent's browser still works on the surviving node
        waiting(ali).until(x -> "available".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));
        ali.findElement(By.id("go-paused")).click();
        waiting(ali).until(x -> "paused".equals(x.findElement(By.id("my-state")).getAttribute("data-state")));
        // and the supervisor's wallboard, on whichever node her browser reconnected to, follows it
        waiting(sara).until(x -> "paused".equals(x.findElement(By.cssSelector("#agent-rows tr[data-agent='a1']"
                + " td[data-state]")).getAttribute("data-state")));
        System.out.println("node loss: sara's browser reconnected " + sara.findElement(By.tagName("body"))
                .getAttribute("data-live-reconnects") + " times in all, her wallboard shows a1 paused; live sockets "
                + web.liveSockets());
        legs.stop();

        // what was counted
        Map<String, Integer> offers = legs.offersPerCaller();
        System.out.println("node loss: offers per caller " + offers + "; agent legs to no caller "
                + legs.unattributed() + "; most campaign lines at once " + mostLines.get() + " (cap " + LINES + ")");
        for (SimulatedCall c : List.of(first, second, third, fourth)) {
            assertEquals(1, offers.getOrDefault(c.uniqueid(), 0), "caller " + c.uniqueid() + " offered once: "
                    + offers);
        }
        assertEquals(0, legs.unattributed(), "no agent leg rang for a caller it did not reach");
        System.out.println("node loss: most AMI sessions at once " + legs.mostAmiSessions.get());
        assertEquals(1, legs.mostAmiSessions.get(), "never two nodes logged in to the AMI at once");
        assertTrue(mostLines.get() <= LINES, "at most " + LINES + " lines at once, saw " + mostLines.get());
        assertTrue(mostLines.get() >= 2, "the campaign used several lines: " + mostLines.get());
        Map<String, Integer> perContact = new TreeMap<>();
        for (String row : tables.rows("select contact_id, count(*) from dialer_attempts where campaign_id = ?"
                + " group by contact_id", CAMPAIGN)) {
            String[] p = row.split(" ");
            perContact.put(p[0], Integer.parseInt(p[1]));
        }
        assertEquals(CONTACTS, perContact.size(), "every contact dialled: " + perContact);
        perContact.forEach((contact, n) -> assertEquals(1, n, "contact " + contact + " dialled once: " + perContact));

        // records: one call is one Linkedid of the simulator; one node records each Asterisk server's calls (the
        // recorder lease) and the node taking over writes to the same rows, so each call has exactly one record,
        // ended, with segments, whichever node wrote it last
        int duplicates = 0;
        for (SimulatedCall c : List.of(first, second, third, fourth)) {
            String linkedid = legs.linkedidOf(c);
            List<String> records = tables.rows("select i.id, i.ended_at is not null, (select count(*) from"
                    + " interaction_segments s where s.interaction_id = i.id), coalesce(i.handled_by, '')"
                    + " from interactions i where i.call_id = ?", linkedid);
            System.out.println("node loss: caller " + c.uniqueid() + " (linkedid " + linkedid + ") records"
                    + " (id ended segments handled-by) " + records);
            if (records.isEmpty()) {
                System.out.println("node loss: every record " + tables.rows("select id, call_id, caller_number,"
                        + " dialed_number, direction, ended_at is not null, campaign_id from interactions"));
            }
            duplicates += Math.max(0, records.size() - 1);
            assertEquals(1, records.size(), "caller " + c.uniqueid() + " recorded once: " + records);
            assertTrue(records.stream().anyMatch(r -> r.split(" ")[1].equals("t") && !r.split(" ")[2].equals("0")
                    && r.endsWith("a1")), "caller " + c.uniqueid() + " has an ended record with segments, handled"
                    + " by a1: " + records);
        }
        List<String> campaignRecords = tables.rows("select i.dialed_number, i.ended_at is not null, (select count(*)"
                + " from interaction_segments s where s.interaction_id = i.id) from interactions i"
                + " where i.campaign_id = ? order by i.dialed_number", CAMPAIGN);
        Map<String, List<String>> byNumber = new TreeMap<>();
        campaignRecords.forEach(r -> byNumber.computeIfAbsent(r.split(" ")[0], k -> new ArrayList<>()).add(r));
        System.out.println("node loss: campaign records " + campaignRecords.size() + " for " + byNumber.size()
                + " numbers");
        duplicates += campaignRecords.size() - byNumber.size();
        assertEquals(CONTACTS, byNumber.size(), "every campaign call has a record: " + byNumber.keySet());
        assertEquals(CONTACTS, campaignRecords.size(), "each campaign call recorded once: " + byNumber);
        // a machine the dialer hung up has no IVR, queue or talk: its record is complete once ended
        byNumber.forEach((number, rows) -> assertTrue(rows.stream().anyMatch(r -> r.split(" ")[1].equals("t")),
                "campaign call to " + number + " has an ended record: " + rows));
        long leftOpen = tables.one(Long.class, "select count(*) from interactions where ended_at is null");
        System.out.println("node loss: records beyond one per call " + duplicates + ", left open " + leftOpen
                + "; whole test " + Duration.between(began, Instant.now()).toSeconds() + " s");
        assertEquals(0, leftOpen, "no record left open by the killed nodes");
    }

    private String prefix;
    private String cluster;
    private List<Integer> hazelcast;
    private Path dir;

    /** PostgreSQL, the balancers, the simulator (FastAGI through the balancer) and Redis; the cluster's name. */
    private void rig(Phones phones) throws Exception {
        pg = PostgresTestDatabase.create();
        web = new TcpBalancer("web-balancer");
        agi = new TcpBalancer("agi-balancer");
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiUser("cc", SECRET)
                .agi("127.0.0.1", agi.port(), "loss?lang=en")
                .phones(phones)
                .build());
        prefix = "cc_it_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ":";
        redis = RedisClient.create("redis://127.0.0.1:6379/0");
        redisLink = redis.connect();
        cluster = "cc-loss-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        hazelcast = List.of(Rig.freePort(), Rig.freePort(), Rig.freePort());
        dir = Path.of("target", "node-loss", cluster);
    }

    @Test
    @DisplayName("kill -9 of the node whose desk has a chat: once the cluster notices, the visitor's page comes back on "
            + "another node to every stored line and the chat goes on with its agent there; one transcript")
    void chatOutlivesAKilledNode() throws Exception {
        rig(Phones.builder().prefix("30", PhoneBehaviour.answersAfter(Distribution.fixed(200))).build());
        start("n1", 0, hazelcast, prefix, cluster, dir, false);
        Rig.awaitTrue("n1 holds the routing lease (log " + nodes.get("n1").log + ")", Duration.ofSeconds(90),
                () -> nodes.get("n1").alive() && holder(prefix, AcdVerticle.LEASE).equals(Optional.of("n1")));
        start("n2", 1, hazelcast, prefix, cluster, dir, false);
        awaitStarted("n1");
        awaitStarted("n2");
        String n1 = "http://127.0.0.1:" + nodes.get("n1").httpPort;
        String n2 = "http://127.0.0.1:" + nodes.get("n2").httpPort;
        ConsoleClient root = new ConsoleClient(n1);
        assertEquals(200, root.signIn("root", PASSWORD).statusCode());
        assertEquals(201, root.change("POST", "/api/admin/users", new JsonObject().put("username", "amir")
                .put("name", "Amir").put("role", "agent").put("agentId", "amir").put("language", "en")
                .put("password", PASSWORD)).statusCode());
        ConsoleClient amir = new ConsoleClient(n1);
        assertEquals(200, amir.signIn("amir", PASSWORD).statusCode());
        ConsoleClient.Live live = amir.live();

        ConsoleClient.Live visitor = new ConsoleClient.Live();
        java.net.http.WebSocket onN2 = ConsoleClient.chatVisitor(n2, visitor);
        onN2.sendText(new JsonObject().put("type", "join").put("name", "Reza").put("topic", "refund")
                .put("language", "en").encode(), true).join();
        JsonObject joined = visitor.next("chat-joined");
        String chatId = joined.getString("chatId");
        assertEquals(chatId, live.next("media-offer").getString("interactionId"));
        assertEquals(200, amir.change("POST", "/api/media/" + chatId + "/accept", new JsonObject()).statusCode());
        visitor.next("chat-assigned");
        onN2.sendText(new JsonObject().put("type", "message").put("text", "salam").encode(), true).join();
        assertEquals("salam", live.next("chat-message").getString("text"));
        assertEquals(202, amir.change("POST", "/api/chats/" + chatId + "/messages",
                new JsonObject().put("text", "hello Reza")).statusCode());
        ServerTables tables = new ServerTables(pg);
        Rig.awaitTrue("n2 stored both lines", Duration.ofSeconds(10), () -> tables.one(Long.class,
                "select count(*) from chat_messages where interaction_id = ?", chatId) == 2);

        Instant killed = Instant.now();
        nodes.get("n2").kill();
        // the page's way back: a new socket every 2 s (here 0.5 s) while the chat moves ('try-again')
        JsonObject resumed = null;
        int tries = 0;
        java.net.http.WebSocket onN1 = null;
        while (resumed == null && Duration.between(killed, Instant.now()).toSeconds() < 20) {
            ConsoleClient.Live frames = new ConsoleClient.Live();
            onN1 = ConsoleClient.chatVisitor(n1, frames);
            onN1.sendText(new JsonObject().put("type", "resume").put("token", joined.getString("token"))
                    .put("lastSeq", 1).encode(), true).join();
            tries++;
            JsonObject answer = frames.nextOf("chat-resumed", "chat-error");
            if ("chat-resumed".equals(answer.getString("type"))) {
                resumed = answer;
                visitor = frames;
            } else {
                assertEquals("try-again", answer.getString("code"), answer.encode());
                onN1.abort();
                Thread.sleep(500);
            }
        }
        assertTrue(resumed != null, "the chat came back on n1 within 20 s of the kill");
        System.out.printf("node loss: chat %s resumed on n1 %d ms after the kill of n2 (%d tries)%n", chatId,
                Duration.between(killed, Instant.now()).toMillis(), tries);
        assertEquals("held", resumed.getString("state"));
        assertEquals(List.of("hello Reza"), resumed.getJsonArray("lines").stream()
                .map(l -> ((JsonObject) l).getString("text")).toList(), "the line the page had not seen");
        var said = amir.change("POST", "/api/chats/" + chatId + "/messages", new JsonObject().put("text", "go on"));
        assertEquals(202, said.statusCode(), said.body());
        assertEquals(3L, new JsonObject(said.body()).getLong("seq"));
        assertEquals("go on", visitor.next("chat-message").getString("text"));
        onN1.sendText(new JsonObject().put("type", "leave").encode(), true).join();
        assertEquals(chatId, live.next("chat-ended").getString("chatId"));
        Rig.awaitTrue("one transcript, closed on n1", Duration.ofSeconds(10), () -> tables.one(Long.class,
                "select count(*) from chats where interaction_id = ? and ended_at is not null and desk_node = 'n1'",
                chatId) == 1);
        assertEquals(List.of("salam", "hello Reza", "go on"), tables.rows(
                "select body from chat_messages where interaction_id = ? order by seq", chatId));
    }

    /** The lease whose holder records the server's calls and owns its AMI link. */
    private static final String LINK_LEASE = cc.core.app.interaction.RecordingOwnership.leaseOf("pbx1");

    /**
     * Waits until a live node owns the AMI link, logged in (one session), when {@code killed} owned it; the calls
     * up meanwhile go on in the simulator and the new owner's channel list tells the nodes which ended.
     */
    private void awaitLinkOwner(String prefix, Optional<String> ownerBefore, String killedNode, Instant killedAt)
            throws Exception {
        if (!ownerBefore.equals(Optional.of(killedNode))) {
            System.out.println("node loss: " + killedNode + " did not own the AMI link ("
                    + ownerBefore.orElse("nobody") + " did)");
            return;
        }
        Rig.awaitTrue("another node owns the AMI link, logged in", Duration.ofSeconds(15),
                () -> holder(prefix, LINK_LEASE).map(h -> !h.equals(killedNode)).orElse(false)
                        && simulator.stats().amiSessions() == 1);
        System.out.println("node loss: " + holder(prefix, LINK_LEASE).orElseThrow() + " owns the AMI link, logged in "
                + Duration.between(killedAt, Instant.now()).toMillis() + " ms after the kill of " + killedNode);
    }

    private void start(String id, int index, List<Integer> hazelcast, String prefix, String cluster, Path dir,
                       boolean dialer) throws Exception {
        int http = Rig.freePort();
        int agiPort = Rig.freePort();
        String members = String.join(", ", hazelcast.stream().map(p -> "'127.0.0.1:" + p + "'").toList());
        List<String> agents = new ArrayList<>(List.of("    - {id: a1, phone: " + AGENT_PHONE + ", queues: [q]}",
                "    - {id: amir, phone: PJSIP/4001, queues: [chat]}"));
        for (int i = 1; i <= 5; i++) {
            agents.add("    - {id: b" + i + ", phone: PJSIP/310" + i + ", queues: [out]}");
        }
        String yaml = String.join("\n",
                "node: {id: " + id + "}",
                "http: {port: " + http + "}",
                "asterisk:",
                "  inboundContexts: [cc-inbound, " + DefaultDialplan.NORMALISING_TRUNK_CONTEXT + "]",
                "  servers:",
                "    - {name: pbx1, host: 127.0.0.1, port: " + simulator.amiPort() + ", username: cc,"
                        + " secret: '${AMI_SECRET}', reconnectInitialDelay: 200ms, reconnectMaxDelay: 1s}",
                "agi: {port: " + agiPort + "}",
                "ivr: {flows: src/test/resources/node-loss-flows, defaultFlow: loss}",
                "database: {url: '" + pg.config().url() + "', username: postgres, password: ''}",
                "livestate: {redis: 'redis://127.0.0.1:6379/0', keyPrefix: '" + prefix + "'}",
                "cluster: {enabled: true, name: " + cluster + ", host: 127.0.0.1, port: " + hazelcast.get(index)
                        + ", members: [" + members + "]}",
                "acd:",
                "  leaseTtl: 2s",
                "  tickEvery: 100ms",
                "  agentsAvailableAtStart: true",
                "  capacity: {voice: 1, chat: 2, email: 1}",
                "  queues: [{id: q, wrapUp: 0s}, {id: out, wrapUp: 0s}, {id: chat}]",
                "  agents:",
                String.join("\n", agents),
                "dialer:",
                "  enabled: " + dialer,
                "  trunk: 'PJSIP/{number}'",
                "  ringTimeout: 15s",
                "  timeZone: UTC",
                "  daysOff: []",
                "  lines: " + LINES,
                "  takeoverHold: 1s",
                "  demo: false",
                "chat: {defaultQueue: chat}",
                "");
        Map<String, String> env = new TreeMap<>(Map.of("AMI_SECRET", SECRET, "CC_CONSOLE_SECURE_COOKIES", "false"));
        if (id.equals("n1")) {
            env.put("CC_CONSOLE_ADMIN_USER", "root");
            env.put("CC_CONSOLE_ADMIN_PASSWORD", PASSWORD);
        }
        ChildNode node = ChildNode.start(id, http, agiPort, dir, yaml, env);
        nodes.put(id, node);
        web.backend(id, http);
        agi.backend(id, agiPort);
    }

    private void awaitStarted(String id) throws Exception {
        ChildNode n = nodes.get(id);
        Rig.awaitTrue(id + " answers (log " + n.log + ")", Duration.ofSeconds(90), n::answers);
    }

    private Optional<String> holder(String prefix, String lease) {
        return Optional.ofNullable(redisLink.sync().get(prefix + "lease:" + lease));
    }

    private TcpBalancer.Connection lastLiveSocket() {
        List<TcpBalancer.Connection> live = web.liveSockets();
        return live.get(live.size() - 1);
    }

    private SimulatedCall call(String number) {
        return simulator.placeInboundCall(InboundCall.of(number, "Caller " + number, "02100000")
                .withPatienceMs(90_000).withTalkTimeMs(TALK_MS));
    }

    private void signIn(WebDriver d, String user) {
        d.get("http://127.0.0.1:" + web.port() + "/console/");
        waiting(d).until(x -> x.findElement(By.id("username")).isDisplayed());
        d.findElement(By.id("username")).sendKeys(user);
        d.findElement(By.id("password")).sendKeys(PASSWORD);
        d.findElement(By.id("signin-button")).click();
        waiting(d).until(x -> "open".equals(x.findElement(By.tagName("body")).getAttribute("data-live")));
    }

    private static void awaitPop(WebDriver d, String number) {
        waiting(d).until(x -> number.equals(x.findElement(By.id("caller-number")).getText()));
    }

    private static WebDriverWait waiting(WebDriver d) {
        // the wallboard redraws its rows as pushes arrive: an element found may be replaced before it is read
        return (WebDriverWait) new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    private void importList(ConsoleClient manager, String csv) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + web.port() + "/api/call-lists/import?listId=machines&name=Machines"))
                .header("Content-Type", "text/csv").header("Cookie", manager.cookie)
                .header("X-CSRF-Token", manager.csrf).POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(2, r.statusCode() / 100, "list imported: " + r.statusCode() + " " + r.body());
    }

    /**
     * The simulator's view, sampled every 10 ms: each channel of the agent's phone is one offer (the ACD rings the
     * phone once per offer), told apart by uniqueid and given to the caller it was bridged with; and the most
     * campaign calls up at once.
     */
    private final class AgentLegs {
        private final Map<String, String> callerOfLeg = new ConcurrentHashMap<>();
        private final Set<String> callers = ConcurrentHashMap.newKeySet();
        private final Map<String, String> linkedids = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile AtomicInteger mostLines;
        /** The most AMI sessions logged in to the simulator at once: one node owns the link. */
        private final AtomicInteger mostAmiSessions = new AtomicInteger();
        private Thread sampler;

        void start() {
            sampler = new Thread(() -> {
                while (running.get()) {
                    sample();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "agent-leg-sampler");
            sampler.start();
        }

        void watch(SimulatedCall c) {
            callers.add(c.uniqueid());
        }

        void countLines(AtomicInteger most) {
            mostLines = most;
        }

        private void sample() {
            mostAmiSessions.accumulateAndGet(simulator.stats().amiSessions(), Math::max);
            List<ChannelSnapshot> channels = simulator.channels();
            AtomicInteger most = mostLines;
            if (most != null) {
                most.accumulateAndGet((int) channels.stream().filter(ch -> ch.name().startsWith("PJSIP/0912"))
                        .count(), Math::max);
            }
            for (ChannelSnapshot leg : channels) {
                if (callers.contains(leg.uniqueid())) {
                    linkedids.putIfAbsent(leg.uniqueid(), leg.linkedid());
                }
                if (!leg.name().startsWith(AGENT_PHONE)) {
                    continue;
                }
                callerOfLeg.putIfAbsent(leg.uniqueid(), "");
                if (!leg.bridgeId().isEmpty()) {
                    channels.stream().filter(ch -> callers.contains(ch.uniqueid())
                                    && ch.bridgeId().equals(leg.bridgeId())).findFirst()
                            .ifPresent(caller -> callerOfLeg.put(leg.uniqueid(), caller.uniqueid()));
                }
            }
        }

        /** The call's Asterisk Linkedid, which the records carry as call_id. */
        String linkedidOf(SimulatedCall c) {
            return linkedids.getOrDefault(c.uniqueid(), c.uniqueid());
        }

        boolean bridgedTo(SimulatedCall c) {
            return callerOfLeg.containsValue(c.uniqueid());
        }

        Map<String, Integer> offersPerCaller() {
            Map<String, Integer> out = new TreeMap<>();
            callerOfLeg.values().stream().filter(v -> !v.isEmpty()).forEach(v -> out.merge(v, 1, Integer::sum));
            return out;
        }

        long unattributed() {
            return callerOfLeg.values().stream().filter(String::isEmpty).count();
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }
    }
}
