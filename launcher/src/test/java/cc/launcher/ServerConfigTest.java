package cc.launcher;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerConfigTest {
    private static ServerConfig read(String yaml) {
        return ServerConfig.read(ConfigNode.parse("my.yaml", yaml, Map.of("SECRET", "x")::get));
    }

    @Test
    @DisplayName("no configuration runs on embedded defaults with the simulator")
    void embeddedDefaults() {
        ServerConfig c = ServerConfig.load(Optional.empty());
        assertTrue(c.simulatorEnabled());
        assertTrue(c.database().embedded());
        assertEquals("", c.liveState().redisUri());
        assertEquals(8080, c.http().port());
    }

    @Test
    @DisplayName("the shipped config/server.yaml is valid and equal to the embedded defaults")
    void shippedFileMatchesDefaults() {
        ServerConfig shipped = ServerConfig.load(Optional.of(Path.of("../config/server.yaml")));
        assertEquals(ServerConfig.load(Optional.empty()), shipped);
    }

    @Test
    @DisplayName("a configured Asterisk turns the simulator off and is read whole")
    void realAsterisk() {
        ServerConfig c = read("asterisk:\n  servers:\n    - name: pbx1\n      host: 10.0.0.5\n      username: cc\n"
                + "      secret: ${SECRET}\n      reconnectMaxDelay: 10s\n");
        assertFalse(c.simulatorEnabled());
        ServerConfig.AsteriskServer s = c.asterisk().servers().get(0);
        assertEquals("x", s.secret());
        assertEquals(5038, s.port());
        assertEquals(Duration.ofSeconds(10), s.reconnectMaxDelay());
        assertFalse(s.toString().contains("x@"), "the secret never reaches a log line");
    }

    @Test
    @DisplayName("bad configuration names the file and the key")
    void badConfigurationNamesFileAndKey() {
        assertEquals("my.yaml: asterisk.servers[0].host: is required", assertThrows(ConfigException.class,
                () -> read("asterisk:\n  servers:\n    - name: pbx1\n      username: cc\n      secret: s\n"))
                .getMessage());
        assertEquals("my.yaml: asterisk.servers[1].name: \"a\" is used by another server",
                assertThrows(ConfigException.class, () -> read("asterisk:\n  servers:\n"
                        + "    - {name: a, host: h, username: u, secret: s}\n"
                        + "    - {name: a, host: h, username: u, secret: s}\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("database:\n  url: jdbc:mysql://x/db\n"))
                .getMessage().startsWith("my.yaml: database.url: must be a PostgreSQL JDBC URL"));
        assertEquals("my.yaml: http.port: must be from 0 to 65535, was 70000",
                assertThrows(ConfigException.class, () -> read("http:\n  port: 70000\n")).getMessage());
        assertEquals("my.yaml: agi.prot: is not a known key (did you mean \"port\"?)",
                assertThrows(ConfigException.class, () -> read("agi:\n  prot: 1\n")).getMessage());
    }

    @Test
    @DisplayName("the dialer section: defaults as documented, and each wrong value named by file and key")
    void dialerSection() {
        var d = ServerConfig.load(Optional.empty()).dialer();
        assertTrue(d.enabled());
        assertEquals(Duration.ofSeconds(20), d.settings().ringTimeout());
        assertEquals(Duration.ofSeconds(2), d.settings().agentConnectLimit());
        assertEquals(30, d.settings().dialPlan().globalLineCap());
        assertTrue(d.settings().isConversion("Sale"));
        assertEquals(Duration.ofMinutes(5), d.takeoverHold());
        assertEquals("my.yaml: dialer.takeoverHold: must be from 0s to 2h, was PT3H", assertThrows(
                ConfigException.class, () -> read("dialer:\n  takeoverHold: 3h\n")).getMessage());
        assertEquals("my.yaml: dialer.ringTimeout: must be at least 15s (unanswered calls ring at least 15 s), "
                + "was PT10S", assertThrows(ConfigException.class, () -> read("dialer:\n  ringTimeout: 10s\n"))
                .getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("dialer:\n  agentConnectLimit: 3s\n"))
                .getMessage().startsWith("my.yaml: dialer.agentConnectLimit: must be more than 0 and at most 2s"));
        assertEquals("my.yaml: dialer.trunk: must contain {number}, was \"PJSIP/trunk\"",
                assertThrows(ConfigException.class, () -> read("dialer:\n  trunk: PJSIP/trunk\n")).getMessage());
        assertEquals("my.yaml: dialer.server: names \"pbx9\", which is not in asterisk.servers",
                assertThrows(ConfigException.class, () -> read("dialer:\n  server: pbx9\n")).getMessage());
        assertEquals("my.yaml: dialer.daysOff: \"fri\" is not a day of the week (monday .. sunday)",
                assertThrows(ConfigException.class, () -> read("dialer:\n  daysOff: [fri]\n")).getMessage());
        assertEquals("my.yaml: dialer.timeZone: \"Tehran\" is not a time zone (e.g. Asia/Tehran, Europe/London)",
                assertThrows(ConfigException.class, () -> read("dialer:\n  timeZone: Tehran\n")).getMessage());
    }

    @Test
    @DisplayName("click-to-talk's ringAgentFirst names ACD queues; one the ACD does not route is named by file and key")
    void ringAgentFirstQueues() {
        assertEquals(java.util.Set.of("sales"), read("acd:\n  queues:\n    - {id: sales}\n    - {id: support}\n"
                + "dialer:\n  clickToTalk: {ringAgentFirst: [sales]}\n").dialer().clickToTalk().ringAgentFirst());
        assertEquals("my.yaml: dialer.clickToTalk.ringAgentFirst: names \"nowhere\", which is not one of acd.queues",
                assertThrows(ConfigException.class, () -> read("acd:\n  queues:\n    - {id: sales}\n"
                        + "dialer:\n  clickToTalk: {ringAgentFirst: [nowhere]}\n")).getMessage());
    }

    @Test
    @DisplayName("the scores section: recomputed daily by default, 0 for on request only, too often refused by key")
    void scoresSection() {
        assertEquals(Duration.ofDays(1), ServerConfig.load(Optional.empty()).scores().recomputeEvery());
        assertEquals(Duration.ofHours(6), read("scores:\n  recomputeEvery: 6h\n").scores().recomputeEvery());
        assertEquals(Duration.ZERO, read("scores:\n  recomputeEvery: 0s\n").scores().recomputeEvery());
        assertEquals("my.yaml: scores.recomputeEvery: must be 0s (on request only) or at least 5m, was 60000ms",
                assertThrows(ConfigException.class, () -> read("scores:\n  recomputeEvery: 1m\n")).getMessage());
    }

    @Test
    @DisplayName("scores count value in one currency (IRR unless set) and the sales pipeline's stages come from"
            + " sales:, a bad code or currency named by file and key")
    void scoresCurrencyAndSales() {
        ServerConfig defaults = ServerConfig.load(Optional.empty());
        assertEquals("IRR", defaults.scores().currency());
        assertEquals(java.util.List.of("qualify", "propose", "negotiate"),
                defaults.sales().stages().stream().map(s -> s.code()).toList());
        assertEquals("EUR", read("scores:\n  currency: eur\n").scores().currency());
        assertEquals("my.yaml: scores.currency: must be an ISO 4217 currency code such as IRR or EUR, was \"EURO\"",
                assertThrows(ConfigException.class, () -> read("scores:\n  currency: euro\n")).getMessage());
        assertEquals(java.util.List.of("demo 30"), read("sales:\n  stages:\n    - {code: demo, probability: 30}\n")
                .sales().stages().stream().map(s -> s.code() + " " + s.probability()).toList());
        assertEquals("my.yaml: sales.stages[0].code: must be lowercase letters, digits and '-' (at most 64), was"
                        + " \"Demo Day\"",
                assertThrows(ConfigException.class, () -> read("sales:\n  stages:\n    - {code: Demo Day}\n"))
                        .getMessage());
    }

    @Test
    @DisplayName("the recording section: documented defaults, and each wrong value named by file and key")
    void recordingSection() {
        ServerConfig.Recording r = ServerConfig.load(Optional.empty()).recording();
        assertEquals("/var/spool/asterisk/monitor", r.directory());
        assertTrue(r.readDirectory().isEmpty(), "read where Asterisk writes, or from the simulator");
        assertEquals(0, r.retentionDays(), "kept for ever unless configured");
        assertFalse(r.agentsHearOwnCalls());
        assertEquals(Duration.ofHours(1), r.sweepEvery());
        ServerConfig.Recording set = read("recording:\n  directory: /srv/rec\n  readDirectory: /mnt/pbx1-rec\n"
                + "  retentionDays: 90\n  agentsHearOwnCalls: true\n  sweepEvery: 10m\n").recording();
        assertEquals(new ServerConfig.Recording("/srv/rec", Optional.of(Path.of("/mnt/pbx1-rec")), 90, true,
                Duration.ofMinutes(10)), set);
        assertEquals("my.yaml: recording.retentionDays: must be from 0 to 36500, was -1",
                assertThrows(ConfigException.class, () -> read("recording:\n  retentionDays: -1\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("recording:\n  directory: rec\n"))
                .getMessage().startsWith("my.yaml: recording.directory: must be an absolute path"));
        assertEquals("my.yaml: recording.agentsHearOwnCalls: must be true or false, was \"sometimes\"",
                assertThrows(ConfigException.class, () -> read("recording:\n  agentsHearOwnCalls: sometimes\n"))
                        .getMessage());
        assertEquals("my.yaml: recording.sweepEvery: must be at least 1m, was 5000ms",
                assertThrows(ConfigException.class, () -> read("recording:\n  sweepEvery: 5s\n")).getMessage());
    }

    @Test
    @DisplayName("the reports section: documented defaults (the server's zone), and each wrong value named by file and key")
    void reportsSection() {
        ServerConfig.Reports r = ServerConfig.load(Optional.empty()).reports();
        assertEquals(java.time.ZoneId.systemDefault(), r.zone());
        assertEquals(Duration.ofSeconds(5), r.shortAbandon());
        assertEquals(7, r.repeatContactDays());
        assertEquals(93, r.maxDays());
        assertEquals(new ServerConfig.Reports(java.time.ZoneId.of("Asia/Tehran"), Duration.ofSeconds(10), 3, 31,
                        Duration.ofHours(1), Duration.ofHours(1), 400, 21),
                read("reports: {zone: Asia/Tehran, shortAbandon: 10s, repeatContactDays: 3, maxDays: 31}\n")
                        .reports());
        assertEquals("my.yaml: reports.zone: must be a time zone such as Asia/Tehran or empty for the server's, was "
                + "\"Mars/Olympus\"", assertThrows(ConfigException.class,
                        () -> read("reports:\n  zone: Mars/Olympus\n")).getMessage());
        assertEquals("my.yaml: reports.maxDays: must be from 1 to 3660, was 0",
                assertThrows(ConfigException.class, () -> read("reports:\n  maxDays: 0\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("reports:\n  shortAbandon: 10m\n"))
                .getMessage().startsWith("my.yaml: reports.shortAbandon: must be between 0s and 5m"));
        assertEquals("my.yaml: reports.totalsEvery: must be 0s (on request only) or at least 1m, was 30000ms",
                assertThrows(ConfigException.class, () -> read("reports:\n  totalsEvery: 30s\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("reports:\n  totalsSettleAfter: 3d\n"))
                .getMessage().startsWith("my.yaml: reports.totalsSettleAfter: must be between 0s and 2d"));
        assertEquals(Duration.ZERO, read("reports:\n  totalsEvery: 0s\n").reports().totalsEvery());
    }

    @Test
    @DisplayName("the chat section: documented defaults, and each wrong value named by file and key")
    void chatSection() {
        ServerConfig.Chat c = ServerConfig.load(Optional.empty()).chat();
        assertTrue(c.enabled());
        assertEquals(cc.console.domain.chat.ChatSettings.defaults().maxMessageChars(), c.settings().maxMessageChars());
        assertEquals(Duration.ofMinutes(5), c.settings().visitorIdle());
        assertEquals(Duration.ofSeconds(60), c.settings().reconnectGrace());
        assertEquals("support", c.settings().defaultQueue());
        ServerConfig.Chat set = read("chat:\n  queues: [sales]\n  maxChatsPerAddress: 5\n"
                + "  allowedOrigins: [https://www.example.com]\n").chat();
        assertTrue(set.settings().offersQueue("sales"));
        assertEquals(5, set.settings().maxChatsPerAddress());
        assertEquals(java.util.Set.of("https://www.example.com"), set.allowedOrigins());
        assertEquals("my.yaml: chat.visitorIdle: must be at least 30s, was 5000ms",
                assertThrows(ConfigException.class, () -> read("chat:\n  visitorIdle: 5s\n")).getMessage());
        assertEquals("my.yaml: chat.maxMessageChars: must be from 1 to 8000, was 9000",
                assertThrows(ConfigException.class, () -> read("chat:\n  maxMessageChars: 9000\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("chat:\n  allowedOrigins: [www.example.com/x]\n"))
                .getMessage().startsWith("my.yaml: chat.allowedOrigins: must be origins"));
    }

    @Test
    @DisplayName("console sessions: idle and absolute timeouts with their defaults; bad values named by file and key")
    void consoleSection() {
        ServerConfig.Console defaults = read("").console();
        assertEquals(Duration.ofHours(10), defaults.sessionIdle());
        assertEquals(Duration.ofHours(12), defaults.sessionLifetime());
        ServerConfig.Console c = read("console:\n  sessionIdle: 30m\n  sessionLifetime: 8h\n").console();
        assertEquals(Duration.ofMinutes(30), c.sessionIdle());
        assertEquals(Duration.ofHours(8), c.sessionLifetime());
        assertTrue(assertThrows(ConfigException.class, () -> read("console:\n  sessionIdle: 10s\n")).getMessage()
                .startsWith("my.yaml: console.sessionIdle: must be between 1m and 7d"));
        assertTrue(assertThrows(ConfigException.class, () -> read("console:\n  sessionIdle: 2h\n"
                + "  sessionLifetime: 1h\n")).getMessage().startsWith("my.yaml: console.sessionLifetime: must be at least"));
        assertThrows(ConfigException.class, () -> read("console:\n  sessionTimeout: 1h\n"));
    }

    @Test
    @DisplayName("cluster: off by default; static members; bad members, ports and a cluster without Redis named by key")
    void clusterSection() {
        assertFalse(read("").cluster().enabled());
        cc.launcher.cluster.ClusterSettings c = read("livestate: {redis: 'redis://10.0.0.9:6379/0'}\n"
                + "cluster:\n  enabled: true\n  host: 10.0.0.11\n  port: 5801\n"
                + "  members: ['10.0.0.11:5801', 'cc-2.example:5801']\n").cluster();
        assertTrue(c.enabled());
        assertEquals("10.0.0.11", c.host());
        assertEquals(5801, c.port());
        assertEquals(0, c.busPort());
        assertEquals(java.util.List.of("10.0.0.11:5801", "cc-2.example:5801"), c.members());
        assertEquals("my.yaml: cluster.members: each member must be host:port with a port from 1 to 65535, was "
                + "\"10.0.0.12\"", assertThrows(ConfigException.class,
                () -> read("cluster:\n  members: ['10.0.0.12']\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("cluster:\n  members: ['h:70000']\n"))
                .getMessage().startsWith("my.yaml: cluster.members: "));
        assertEquals("my.yaml: cluster.port: must be from 1 to 65535, was 0",
                assertThrows(ConfigException.class, () -> read("cluster:\n  port: 0\n")).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> read("cluster:\n  enabled: true\n"
                + "  members: ['h:5701']\n")).getMessage()
                .startsWith("my.yaml: cluster.enabled: needs livestate.redis"));
        assertTrue(assertThrows(ConfigException.class, () -> read("livestate: {redis: 'redis://h:6379/0'}\n"
                + "cluster:\n  enabled: true\n")).getMessage().startsWith("my.yaml: cluster.members: must list"));
        assertTrue(assertThrows(ConfigException.class, () -> read("cluster:\n  hosts: x\n")).getMessage()
                .startsWith("my.yaml: cluster.hosts: is not a known key"));
    }

    @Test
    @DisplayName("FastAGI's allow list, HTTPS files and the sounds directory are read, and a wrong one names the key")
    void securityAndSoundsKeys() {
        ServerConfig c = read("agi: {allowFrom: [10.0.0.5, 10.1.0.0/16]}\nivr: {soundsDir: /var/lib/asterisk/sounds}");
        assertTrue(c.agi().allowFrom().allows("10.1.2.3"));
        assertFalse(c.agi().allowFrom().allows("127.0.0.1"));
        assertEquals(Optional.of(Path.of("/var/lib/asterisk/sounds")), c.ivr().soundsDir());
        assertTrue(read("").agi().allowFrom().allows("127.0.0.1"), "loopback by default");
        assertEquals(Optional.empty(), read("").http().tls());
        ConfigException host = assertThrows(ConfigException.class, () -> read("agi: {allowFrom: [pbx.example.com]}"));
        assertTrue(host.getMessage().startsWith("my.yaml: agi.allowFrom: "), host.getMessage());
        ConfigException half = assertThrows(ConfigException.class, () -> read("http: {tls: {certificate: /x.pem}}"));
        assertTrue(half.getMessage().startsWith("my.yaml: http.tls.key: is required"), half.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> read("http: {tls: {certificate: /no/cert.pem, key: /no/key.pem}}"));
        assertTrue(missing.getMessage().startsWith("my.yaml: http.tls.certificate: cannot read"), missing.getMessage());
    }

    @Test
    @DisplayName("AMI over TLS per server; a trust file without tls, or unreadable, names the key")
    void amiTls() {
        String server = "asterisk: {servers: [{name: pbx1, host: 10.0.0.5, port: 5039, username: cc, secret: x";
        assertTrue(read(server + ", tls: true}]}").asterisk().servers().get(0).tls().enabled());
        assertFalse(read(server + "}]}").asterisk().servers().get(0).tls().enabled());
        ConfigException off = assertThrows(ConfigException.class, () -> read(server + ", tlsTrust: /x.pem}]}"));
        assertTrue(off.getMessage().startsWith("my.yaml: asterisk.servers[0].tlsTrust: is set but tls is false"),
                off.getMessage());
        ConfigException unreadable = assertThrows(ConfigException.class,
                () -> read(server + ", tls: true, tlsTrust: /no/ca.pem}]}"));
        assertTrue(unreadable.getMessage().startsWith("my.yaml: asterisk.servers[0].tlsTrust: cannot read"),
                unreadable.getMessage());
    }
}
