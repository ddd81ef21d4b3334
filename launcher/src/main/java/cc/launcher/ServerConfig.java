package cc.launcher;

import cc.acd.adapter.yaml.YamlAcdSettings;
import cc.acd.adapter.yaml.YamlScoreRules;
import cc.acd.domain.rules.ValueTiers;
import cc.core.config.ConfigNode;
import cc.core.config.OffersSection;
import cc.core.config.SalesSection;
import cc.core.domain.offer.OfferCatalog;
import cc.core.domain.sales.SalesSettings;
import cc.dialer.adapter.yaml.YamlDialerSettings;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole server configuration, read from {@code config/server.yaml} (documented there, key by key) or, with no
 * file, from the embedded defaults.
 */
public record ServerConfig(String nodeId, Http http, Asterisk asterisk, Agi agi, Ivr ivr, Database database,
                           LiveState liveState, YamlAcdSettings.AcdConfig acd,
                           YamlDialerSettings.DialerConfig dialer, Recording recording, Reports reports,
                           Scores scores, OfferCatalog offers, cc.warehouse.app.WarehouseSettings warehouse,
                           SalesSettings sales, cc.console.domain.selfservice.SelfServiceSettings selfService,
                           Chat chat, cc.email.app.EmailSettings email, Integration integration,
                           cc.integration.lookup.LookupSettings lookups, Console console,
                           cc.launcher.cluster.ClusterSettings cluster) {

    /** @param tls the certificate the console and API are served with over HTTPS; empty: plain HTTP */
    public record Http(String host, int port, Optional<Tls> tls) {}

    /** PEM files: the certificate (chain) and its private key (PKCS#8 or PKCS#1). */
    public record Tls(Path certificate, Path key) {}

    /**
     * @param file the integration file (the outbox relay and its webhooks); the default one may be missing (no
     *             webhooks), any other must exist
     */
    public record Integration(Path file) {
        public static final Path DEFAULT_FILE = Path.of("config", "integration.yaml");
    }

    public record Asterisk(List<String> inboundContexts, List<AsteriskServer> servers, Simulator simulator) {}

    public record AsteriskServer(String name, String host, int port, String username, String secret,
                                 Duration connectTimeout, Duration reconnectInitialDelay,
                                 Duration reconnectMaxDelay, Duration ringTimeout, cc.core.adapter.ami.AmiTls tls) {
        @Override
        public String toString() {
            return "AsteriskServer[" + name + " " + username + "@" + host + ":" + port + (tls.enabled() ? " TLS" : "")
                    + "]";
        }
    }

    /**
     * @param enabled        whether to start the simulator; empty means "when no servers are listed"
     * @param agentRingDelay how long the simulated agent phones ring before they answer
     * @param agentTalkTime  mean time a simulated agent talks before hanging up (exponential)
     */
    public record Simulator(Optional<Boolean> enabled, int amiPort, double callsPerSecond, Duration callerPatience,
                            long seed, Duration agentRingDelay, Duration agentTalkTime) {}

    /**
     * @param allowFrom    the addresses and CIDR blocks FastAGI accepts connections from
     * @param replyTimeout how long Asterisk may take to answer a FastAGI command before the session is ended
     */
    public record Agi(String host, int port, cc.ivr.adapter.agi.AgiAllowList allowFrom, Duration replyTimeout) {}

    /** @param soundsDir Asterisk's sounds directory, to warn at load about prompts missing there; empty: no check */
    public record Ivr(Path flows, String defaultFlow, String defaultQueue, Duration reloadInterval,
                      Optional<Path> soundsDir) {}

    /** @param url empty for the embedded file database in {@code dataDir} */
    public record Database(String url, String username, String password, int poolSize, Path dataDir) {
        public boolean embedded() {
            return url.isBlank();
        }

        @Override
        public String toString() {
            return "Database[" + (embedded() ? "embedded in " + dataDir : url) + "]";
        }
    }

    /** @param redisUri empty for in-memory live state */
    public record LiveState(String redisUri, String keyPrefix) {}

    /**
     * Call recordings.
     *
     * @param directory          where Asterisk writes them, a path on the Asterisk host (MixMonitor files are named there)
     * @param readDirectory      where this server reads them (that directory, mounted); empty: {@code directory} itself,
     *                           or the simulator's directory when the simulator runs
     * @param retentionDays      days a file is kept after it ends; 0 keeps files for ever
     * @param agentsHearOwnCalls whether agents may play and download the calls they handled
     * @param sweepEvery         how often retention looks for files to delete
     */
    public record Recording(String directory, Optional<Path> readDirectory, int retentionDays,
                            boolean agentsHearOwnCalls, Duration sweepEvery) {}

    /**
     * Historical reports.
     *
     * @param zone              where days, weeks and months are cut; empty in the file: the server's zone
     * @param shortAbandon      callers who hang up sooner after entering a queue are short abandons
     * @param repeatContactDays a call is resolved at first contact when its caller does not call again within these days
     * @param maxDays           the longest range one report request may cover
     * @param totalsEvery       how often closed days' totals are stored; zero: on request only
     * @param totalsSettleAfter how long after its end a day is closed and its totals stored
     * @param totalsCatchUpDays how many days back a run stores the days without totals
     * @param demoHistoryDays   with the simulator, days of generated calls loaded into an empty database
     */
    public record Reports(ZoneId zone, Duration shortAbandon, int repeatContactDays, int maxDays,
                          Duration totalsEvery, Duration totalsSettleAfter, int totalsCatchUpDays,
                          int demoHistoryDays) {}

    /**
     * Customer scores (value, loyalty, churn risk) computed from the stored history.
     *
     * @param recomputeEvery how often every customer's scores are recomputed and the churn model retrained; zero: only
     *                       on request
     * @param valueTiers     named bands of the value score the ACD's score rules may name
     * @param currency       the center's own currency (ISO 4217): customer value counts orders and won opportunities
     *                       in it; opportunities in other currencies count as won or lost without adding value
     */
    public record Scores(Duration recomputeEvery, ValueTiers valueTiers, String currency) {
    }

    /** Whether the built-in simulator runs. */
    public boolean simulatorEnabled() {
        return asterisk.simulator.enabled.orElse(asterisk.servers.isEmpty());
    }

    /** The configuration file given on the command line, or the embedded defaults. */
    public static ServerConfig load(Optional<Path> file) {
        return read(file.map(ConfigNode::load).orElseGet(() -> ConfigNode.loadResource("default-server.yaml")));
    }

    public static ServerConfig read(ConfigNode root) {
        ConfigNode node = root.child("node");
        String nodeId = node.string("id", "node-1");

        ConfigNode httpNode = root.child("http");
        Http http = new Http(httpNode.string("host", "127.0.0.1"), httpNode.integer("port", 8080, 0, 65535),
                tls(httpNode.child("tls")));

        ConfigNode ast = root.child("asterisk");
        List<String> inbound = ast.strings("inboundContexts", List.of("cc-inbound"));
        List<AsteriskServer> servers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode s : ast.children("servers")) {
            String name = s.requiredString("name");
            if (!name.matches("[A-Za-z0-9_-]{1,32}")) {
                throw s.error("name", "must be 1 to 32 letters, digits, - or _, was \"" + name + "\"");
            }
            if (!names.add(name)) {
                throw s.error("name", "\"" + name + "\" is used by another server");
            }
            servers.add(new AsteriskServer(name, s.requiredString("host"), s.integer("port", 5038, 1, 65535),
                    s.requiredString("username"), s.requiredString("secret"),
                    s.duration("connectTimeout", Duration.ofSeconds(5)),
                    s.duration("reconnectInitialDelay", Duration.ofMillis(500)),
                    s.duration("reconnectMaxDelay", Duration.ofSeconds(30)),
                    s.duration("ringTimeout", Duration.ofSeconds(20)), amiTls(s)));
        }
        ConfigNode sim = ast.child("simulator");
        Optional<Boolean> simEnabled = sim.has("enabled") ? Optional.of(sim.bool("enabled", true)) : Optional.empty();
        Simulator simulator = new Simulator(simEnabled, sim.integer("amiPort", 0, 0, 65535),
                sim.decimal("callsPerSecond", 0.5, 0, 1000), sim.duration("callerPatience", Duration.ofSeconds(60)),
                sim.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
                sim.duration("agentRingDelay", Duration.ofSeconds(2)), sim.duration("agentTalkTime", Duration.ofSeconds(15)));
        Asterisk asterisk = new Asterisk(inbound, List.copyOf(servers), simulator);

        ConfigNode agiNode = root.child("agi");
        cc.ivr.adapter.agi.AgiAllowList allowFrom;
        try {
            allowFrom = cc.ivr.adapter.agi.AgiAllowList.parse(agiNode.strings("allowFrom",
                    List.of("127.0.0.0/8", "::1")));
        } catch (IllegalArgumentException e) {
            throw agiNode.error("allowFrom", e.getMessage());
        }
        Duration agiReplyTimeout = agiNode.duration("replyTimeout", cc.ivr.adapter.agi.AgiServer.DEFAULT_REPLY_TIMEOUT);
        if (agiReplyTimeout.toMillis() < 100) {
            throw agiNode.error("replyTimeout", "must be at least 100ms, was " + agiReplyTimeout);
        }
        Agi agi = new Agi(agiNode.string("host", "127.0.0.1"), agiNode.integer("port", 4573, 0, 65535), allowFrom,
                agiReplyTimeout);

        ConfigNode ivrNode = root.child("ivr");
        Ivr ivr = new Ivr(Path.of(ivrNode.string("flows", "config/ivr")), ivrNode.string("defaultFlow", "main"),
                ivrNode.string("defaultQueue", "support"), ivrNode.duration("reloadInterval", Duration.ofSeconds(2)),
                ivrNode.optionalString("soundsDir").filter(d -> !d.isBlank()).map(Path::of));

        ConfigNode db = root.child("database");
        String url = db.string("url", "");
        if (!url.isBlank() && !url.startsWith("jdbc:postgresql:")) {
            throw db.error("url", "must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db) or empty for the "
                    + "embedded database, was \"" + url + "\"");
        }
        Database database = new Database(url, db.string("username", "cc"), db.string("password", ""),
                db.integer("poolSize", 8, 1, 200), Path.of(db.string("dataDir", "data")));

        ConfigNode ls = root.child("livestate");
        String redis = ls.string("redis", "");
        if (!redis.isBlank() && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw ls.error("redis", "must be a redis:// or rediss:// URI or empty for in-memory state, was \""
                    + redis + "\"");
        }
        LiveState liveState = new LiveState(redis, ls.string("keyPrefix", "cc:"));

        ConfigNode acdNode = root.child("acd");
        YamlAcdSettings.AcdConfig acd = YamlAcdSettings.read(acdNode);
        String acdServer = acd.settings().server();
        if (!acdServer.isBlank() && !names.contains(acdServer) && !acdServer.equals(Server.SIMULATOR_SERVER)) {
            throw acdNode.error("server", "names \"" + acdServer + "\", which is not in asterisk.servers");
        }

        ConfigNode dialerNode = root.child("dialer");
        YamlDialerSettings.DialerConfig dialer = YamlDialerSettings.read(dialerNode);
        String dialerServer = dialer.settings().server();
        if (!dialerServer.isBlank() && !names.contains(dialerServer) && !dialerServer.equals(Server.SIMULATOR_SERVER)) {
            throw dialerNode.error("server", "names \"" + dialerServer + "\", which is not in asterisk.servers");
        }
        for (String q : dialer.clickToTalk().ringAgentFirst()) {
            // a request can only ring an agent of a queue the ACD routes
            if (acd.settings().queues().stream().noneMatch(c -> c.id().equals(q))) {
                throw dialerNode.error("clickToTalk.ringAgentFirst", "names \"" + q
                        + "\", which is not one of acd.queues");
            }
        }

        Recording recording = recording(root.child("recording"));
        Reports reports = reports(root.child("reports"));
        Scores scores = scores(root.child("scores"));
        Set<String> queueIds = new HashSet<>();
        acd.settings().queues().forEach(q -> queueIds.add(q.id()));
        acd = acd.withScoreRules(YamlScoreRules.read(acdNode, scores.valueTiers(), queueIds));

        OfferCatalog offers = OffersSection.read(root.child("offers"));
        cc.warehouse.app.WarehouseSettings warehouse = warehouse(root.child("warehouse"), reports.zone());
        SalesSettings sales = SalesSection.read(root.child("sales"));
        cc.console.domain.selfservice.SelfServiceSettings selfService = cc.console.app.SelfServiceSection.read(
                root.child("selfService"), acd.settings().queues().stream().map(q -> q.id()).toList());

        Chat chat = chat(root.child("chat"));

        cc.email.app.EmailSettings email = cc.email.EmailSection.read(root.child("email"));

        ConfigNode integrationNode = root.child("integration");
        String integrationFile = integrationNode.string("file", Integration.DEFAULT_FILE.toString());
        Integration integration = new Integration(integrationFile.isBlank() ? Integration.DEFAULT_FILE
                : Path.of(integrationFile));
        if (!integration.file().equals(Integration.DEFAULT_FILE)
                && !java.nio.file.Files.isRegularFile(integration.file())) {
            throw integrationNode.error("file", "no such file: " + integration.file().toAbsolutePath());
        }

        // lookups into other systems live in their own file (config/lookups.yaml); a missing file means none
        cc.integration.lookup.LookupSettings lookups = cc.integration.lookup.LookupSettings.load(
                Path.of(root.child("lookups").string("file", "config/lookups.yaml")));

        Console console = console(root.child("console"));

        ConfigNode clusterNode = root.child("cluster");
        cc.launcher.cluster.ClusterSettings cluster = cc.launcher.cluster.ClusterSettings.read(clusterNode);
        if (cluster.enabled() && liveState.redisUri().isBlank()) {
            // the routing lease that says which node routes, and the calls a new leader takes over, live in Redis
            throw clusterNode.error("enabled", "needs livestate.redis: the nodes share the routing lease and the "
                    + "waiting calls there");
        }

        root.finish();
        return new ServerConfig(nodeId, http, asterisk, agi, ivr, database, liveState, acd, dialer, recording,
                reports, scores, offers, warehouse, sales, selfService, chat, email, integration, lookups, console,
                cluster);
    }

    /** AMI over TLS for one server: {@code tls: true}, and {@code tlsTrust} the PEM certificate to trust, if any. */
    private static cc.core.adapter.ami.AmiTls amiTls(ConfigNode server) {
        boolean enabled = server.bool("tls", false);
        String trust = server.string("tlsTrust", "").strip();
        if (trust.isEmpty()) {
            return new cc.core.adapter.ami.AmiTls(enabled, Optional.empty());
        }
        if (!enabled) {
            throw server.error("tlsTrust", "is set but tls is false (set tls: true to speak TLS to this server)");
        }
        if (!java.nio.file.Files.isReadable(Path.of(trust))) {
            throw server.error("tlsTrust", "cannot read " + Path.of(trust).toAbsolutePath());
        }
        return new cc.core.adapter.ami.AmiTls(true, Optional.of(Path.of(trust)));
    }

    /** HTTPS: both files or neither; each must be readable now, so a typo fails at start, not at the first browser. */
    private static Optional<Tls> tls(ConfigNode node) {
        String cert = node.string("certificate", "").strip();
        String key = node.string("key", "").strip();
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw node.error(cert.isEmpty() ? "certificate" : "key", "is required with "
                    + (cert.isEmpty() ? "key" : "certificate") + " (both PEM files, or neither for plain HTTP)");
        }
        for (String k : List.of("certificate", "key")) {
            Path p = Path.of(k.equals("key") ? key : cert);
            if (!java.nio.file.Files.isReadable(p)) {
                throw node.error(k, "cannot read " + p.toAbsolutePath());
            }
        }
        return Optional.of(new Tls(Path.of(cert), Path.of(key)));
    }

    /** The data warehouse's daily export; days are cut in the report zone. */
    private static cc.warehouse.app.WarehouseSettings warehouse(ConfigNode node, ZoneId zone) {
        String directory = node.string("directory", "data/warehouse");
        if (directory.isBlank()) {
            throw node.error("directory", "must name a directory, was empty");
        }
        String format = node.oneOf("format", "parquet", List.of("parquet", "csv"));
        return new cc.warehouse.app.WarehouseSettings(node.bool("enabled", false), Path.of(directory),
                node.integer("hour", 2, 0, 23), cc.warehouse.domain.ExportFormat.valueOf(format.toUpperCase(
                java.util.Locale.ROOT)), node.integer("catchUpDays", 7, 1, 3_660), zone);
    }

    private static Scores scores(ConfigNode node) {
        Duration every = node.duration("recomputeEvery", Duration.ofDays(1));
        // a run reads every customer's history and retrains the model: more often than every few minutes is a mistake
        if (!every.isZero() && every.compareTo(Duration.ofMinutes(5)) < 0) {
            throw node.error("recomputeEvery", "must be 0s (on request only) or at least 5m, was " + every.toMillis()
                    + "ms");
        }
        String currency = node.string("currency", "IRR").strip().toUpperCase(java.util.Locale.ROOT);
        try {
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw node.error("currency", "must be an ISO 4217 currency code such as IRR or EUR, was \"" + currency
                    + "\"");
        }
        return new Scores(every, YamlScoreRules.tiers(node), currency);
    }

    private static Recording recording(ConfigNode rec) {
        String directory = rec.string("directory", "/var/spool/asterisk/monitor");
        if (!directory.startsWith("/") || directory.contains("/../") || directory.endsWith("/..")) {
            throw rec.error("directory", "must be an absolute path on the Asterisk host without .., was \""
                    + directory + "\"");
        }
        String read = rec.string("readDirectory", "");
        Duration sweepEvery = rec.duration("sweepEvery", Duration.ofHours(1));
        if (sweepEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw rec.error("sweepEvery", "must be at least 1m, was " + sweepEvery.toMillis() + "ms");
        }
        return new Recording(directory, read.isBlank() ? Optional.empty() : Optional.of(Path.of(read)),
                rec.integer("retentionDays", 0, 0, 36_500), rec.bool("agentsHearOwnCalls", false), sweepEvery);
    }

    private static Reports reports(ConfigNode node) {
        String zoneName = node.string("zone", "");
        ZoneId zone;
        try {
            zone = zoneName.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw node.error("zone", "must be a time zone such as Asia/Tehran or empty for the server's, was \""
                    + zoneName + "\"");
        }
        Duration shortAbandon = node.duration("shortAbandon", Duration.ofSeconds(5));
        if (shortAbandon.isNegative() || shortAbandon.compareTo(Duration.ofMinutes(5)) > 0) {
            throw node.error("shortAbandon", "must be between 0s and 5m, was " + shortAbandon.toMillis() + "ms");
        }
        Duration totalsEvery = node.duration("totalsEvery", Duration.ofHours(1));
        if (!totalsEvery.isZero() && totalsEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw node.error("totalsEvery", "must be 0s (on request only) or at least 1m, was "
                    + totalsEvery.toMillis() + "ms");
        }
        Duration settleAfter = node.duration("totalsSettleAfter", Duration.ofHours(1));
        if (settleAfter.isNegative() || settleAfter.compareTo(Duration.ofDays(2)) > 0) {
            throw node.error("totalsSettleAfter", "must be between 0s and 2d, was " + settleAfter.toMillis() + "ms");
        }
        return new Reports(zone, shortAbandon, node.integer("repeatContactDays", 7, 0, 365),
                node.integer("maxDays", 93, 1, 3_660), totalsEvery, settleAfter,
                node.integer("totalsCatchUpDays", 400, 1, 3_660), node.integer("demoHistoryDays", 21, 0, 366));
    }

    /**
     * Web chat ({@code chat:}).
     *
     * @param enabled        whether the public chat page and socket are served
     * @param settings       queues and limits
     * @param allowedOrigins web sites besides this server whose pages may open the visitors' chat socket
     */
    public record Chat(boolean enabled, cc.console.domain.chat.ChatSettings settings, Set<String> allowedOrigins) {}

    private static Chat chat(ConfigNode node) {
        Duration visitorIdle = node.duration("visitorIdle", Duration.ofMinutes(5));
        if (visitorIdle.compareTo(Duration.ofSeconds(30)) < 0) {
            throw node.error("visitorIdle", "must be at least 30s, was " + visitorIdle.toMillis() + "ms");
        }
        Duration grace = node.duration("reconnectGrace", Duration.ofSeconds(60));
        if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(30)) > 0) {
            throw node.error("reconnectGrace", "must be between 0s and 30m, was " + grace.toMillis() + "ms");
        }
        Duration window = node.duration("rateWindow", Duration.ofSeconds(10));
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw node.error("rateWindow", "must be at least 1s, was " + window.toMillis() + "ms");
        }
        String defaultQueue = node.string("defaultQueue", "support").strip();
        if (defaultQueue.isEmpty()) {
            throw node.error("defaultQueue", "must name a queue, was empty");
        }
        List<String> origins = node.strings("allowedOrigins", List.of());
        for (String o : origins) {
            if (!o.matches("https?://[^/\\s]+")) {
                throw node.error("allowedOrigins", "must be origins such as https://www.example.com (scheme and host,"
                        + " no path), was \"" + o + "\"");
            }
        }
        // the transcript keeps up to 8,000 characters a line (console V5)
        return new Chat(node.bool("enabled", true), new cc.console.domain.chat.ChatSettings(defaultQueue,
                Set.copyOf(node.strings("queues", List.of())), node.integer("maxMessageChars", 2_000, 1, 8_000),
                node.integer("messagesPerWindow", 20, 1, 1_000), window, visitorIdle, grace,
                node.integer("maxChatsPerAddress", 3, 1, 1_000), 80, 200), Set.copyOf(origins));
    }

    /**
     * The agent console's sessions ({@code console:}).
     *
     * @param sessionIdle     a session ends after this long without a request
     * @param sessionLifetime a session ends this long after sign-in, however busy (the absolute timeout)
     */
    public record Console(Duration sessionIdle, Duration sessionLifetime) {}

    private static Console console(ConfigNode node) {
        Duration idle = node.duration("sessionIdle", Duration.ofHours(10));
        if (idle.compareTo(Duration.ofMinutes(1)) < 0 || idle.compareTo(Duration.ofDays(7)) > 0) {
            throw node.error("sessionIdle", "must be between 1m and 7d, was " + idle.toMillis() + "ms");
        }
        Duration lifetime = node.duration("sessionLifetime", Duration.ofHours(12));
        if (lifetime.compareTo(idle) < 0 || lifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw node.error("sessionLifetime", "must be at least sessionIdle and at most 30d, was "
                    + lifetime.toMillis() + "ms");
        }
        return new Console(idle, lifetime);
    }
}
