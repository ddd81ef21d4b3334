package cc.launcher;

import cc.acd.adapter.jdbc.JdbcAgentStateHistory;
import cc.acd.adapter.jdbc.JdbcIntervalStore;
import cc.acd.app.AgentStateRecorder;
import cc.acd.app.AcdMeters;
import cc.acd.app.AcdSettings;
import cc.acd.app.AcdVerticle;
import cc.acd.app.ScoreRouting;
import cc.acd.adapter.yaml.YamlAcdSettings;
import cc.core.adapter.ami.AmiOptions;
import cc.core.adapter.ami.AmiServerConfig;
import cc.core.adapter.ami.AmiTelephony;
import cc.core.adapter.http.OpsHttpServer;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.JdbcCustomerScoreStore;
import cc.core.adapter.jdbc.JdbcRecordingStore;
import cc.core.adapter.tribuo.TribuoChurnLearner;
import cc.core.adapter.file.RecordingDirectory;
import cc.core.app.recording.RecordingRecorder;
import cc.core.app.recording.RetentionSweeper;
import cc.core.app.scoring.ScoreRecomputer;
import cc.core.domain.recording.RetentionPolicy;
import cc.console.adapter.http.RecordingWeb;
import cc.console.adapter.http.ReportWeb;
import cc.console.adapter.http.OfferWeb;
import cc.console.adapter.jdbc.JdbcOfferStore;
import cc.console.app.OfferDesk;
import cc.console.adapter.http.PipelineWeb;
import cc.core.adapter.jdbc.JdbcPipelineSource;
import cc.core.app.sales.PipelineReports;
import cc.core.adapter.jdbc.JdbcReportSource;
import cc.core.adapter.jdbc.JdbcReportTotals;
import cc.core.app.report.ReportTotalsJob;
import cc.core.domain.report.TotalsPolicy;
import cc.core.app.report.Reports;
import cc.core.domain.report.ReportSettings;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.adapter.memory.MemoryLiveState;
import cc.core.adapter.redis.RedisConfig;
import cc.core.adapter.redis.RedisLiveState;
import cc.core.app.health.HealthCheck;
import cc.core.app.health.HealthCheck.HealthStatus;
import cc.core.app.interaction.InteractionRecorder;
import cc.core.app.livestate.LiveStateStore;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.interaction.InteractionTracker;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.jdbc.JdbcConsole;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleMetrics;
import cc.console.app.ConsoleVerticle;
import cc.console.domain.dialing.DialRules;
import cc.core.adapter.jdbc.JdbcCallControlAudit;
import cc.core.app.callcontrol.CallControlVerticle;
import cc.core.domain.callcontrol.CallControlBook;
import cc.core.domain.dialing.DialPermissions;
import cc.dialer.adapter.jdbc.JdbcDialAudit;
import cc.dialer.adapter.jdbc.JdbcDialerStore;
import cc.dialer.app.DialerSettings;
import cc.dialer.app.DialerVerticle;
import cc.ivr.IvrModule;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorConfig;
import cc.simulator.TrafficGenerator;
import cc.simulator.Timings;
import cc.simulator.DtmfStep;
import cc.simulator.TrafficProfile;
import cc.simulator.people.Distribution;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The assembled server: storage, live state, telephony, the engines and the HTTP endpoints, started in dependency
 * order and stopped in reverse. With the simulator enabled it also starts the simulator in-process, pointed at our
 * FastAGI server, and drives traffic through it.
 */
public final class Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Server.class);
    /** The schema modules, in the order their migrations apply. */
    public static final List<String> SCHEMA_MODULES = List.of("core", "ivr", "acd", JdbcConsole.MIGRATIONS,
            JdbcDialAudit.MIGRATION_MODULE, cc.email.adapter.jdbc.JdbcMailStore.MIGRATIONS,
            cc.integration.IntegrationModule.MIGRATIONS, "warehouse"); // warehouse last: its views read the others' tables
    static final String SIMULATOR_SERVER = "sim";

    private final ServerConfig config;
    private final Vertx vertx;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Database database;
    private JdbcInteractionStore interactions;
    private JdbcCustomerStore customers;
    private JdbcRecordingStore recordings;
    private RecordingDirectory recordingFiles;
    private LiveStateStore liveState;
    private AsteriskSimulator simulator;
    private Optional<DemoAdmin.SignIn> demoAdmin = Optional.empty();
    private TrafficGenerator traffic;
    /** The telephony port every module uses: this node's AMI links, or with several nodes {@link #sharedLinks}. */
    private cc.core.app.telephony.Telephony telephony;
    private AmiTelephony amiLinks;
    /** With several nodes (cluster.enabled): one node owns each server's AMI link, the others ask it; else null. */
    private cc.core.adapter.ami.ClusterTelephony sharedLinks;
    private OpsHttpServer http;
    private IvrModule ivr;
    private ConsoleVerticle console;
    private Optional<cc.console.app.ChatDesk> chatDesk = Optional.empty();
    private int agiPort;
    /** This node among several (cluster.enabled); null with one node. */
    private cc.launcher.cluster.ClusterNode cluster;

    private Server(ServerConfig config) {
        this.config = config;
        this.vertx = Vertx.vertx();
        this.agiPort = config.agi().port();
    }

    /**
     * Starts everything; fails (having released what it started) with a message a deployer can act on. The returned
     * future belongs to no Vert.x context, so it completes even when the failure closed our Vert.x.
     */
    public static Future<Server> start(ServerConfig config) {
        return start(config, System::getenv);
    }

    /**
     * As {@link #start(ServerConfig)}, the secrets the integration file names (webhook signing secrets) looked up in
     * {@code env} rather than the process environment (tests).
     */
    public static Future<Server> start(ServerConfig config, java.util.function.Function<String, String> env) {
        Server s = new Server(config);
        s.integrationEnv = env;
        CompletableFuture<Server> done = new CompletableFuture<>();
        s.startAll().onComplete(ar -> {
            if (ar.succeeded()) {
                done.complete(s);
            } else {
                CompletableFuture.runAsync(s::close).whenComplete((v, e) -> done.completeExceptionally(ar.cause()));
            }
        });
        return Future.fromCompletionStage(done);
    }

    private Future<Void> startAll() {
        // The simulator stands in for a separate machine: it runs on its own Vert.x, started from outside ours.
        try {
            startSimulatorIfEnabled();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        LocalRecordCodec.registerContracts(vertx.eventBus());
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);

        ServerConfig.Database db = config.database();
        DatabaseConfig dbConfig = db.embedded() ? DatabaseConfig.embedded(db.dataDir(), db.poolSize())
                : new DatabaseConfig(db.url(), db.username(), db.password(), db.poolSize());
        return Database.open(vertx, dbConfig)
                .compose(d -> {
                    database = d;
                    toClose.add(d);
                    return new SchemaMigrations().apply(d, SCHEMA_MODULES);
                })
                .compose(applied -> {
                    interactions = new JdbcInteractionStore(database);
                    customers = new JdbcCustomerStore(database);
                    recordings = new JdbcRecordingStore(database);
                    return openLiveState();
                })
                .compose(store -> {
                    liveState = store;
                    return startAgi();
                })
                .compose(v -> {
                    amiLinks = new AmiTelephony(vertx, amiServers(), AmiOptions.defaults(), metrics,
                            InstantSource.system());
                    telephony = amiLinks;
                    if (config.cluster().enabled()) {
                        sharedLinks = new cc.core.adapter.ami.ClusterTelephony(vertx, amiLinks, config.nodeId(),
                                cc.core.app.interaction.RecordingOwnership::leaseOf);
                        telephony = sharedLinks;
                    }
                    // The recorder subscribes before the links come up, so no event of the first calls is missed.
                    InteractionRecorder recorder = recorder();
                    return vertx.deployVerticle(recorder);
                })
                .compose(id -> startRecordings())
                .compose(id -> startScoring())
                .compose(id -> startWarehouse())
                .compose(id -> startReportTotalsAfterDemoHistory())
                // before the ACD, so it hears the first agent state changes
                .compose(id -> vertx.deployVerticle(new AgentStateRecorder(new JdbcAgentStateHistory(database),
                        metrics)))
                // before the dialer, the ACD and the console, which forward and share through it
                .compose(id -> startCluster())
                .compose(id -> startDialer())
                .compose(id -> startCallControl())
                // before the ACD, so it hears the first chats and emails enqueued
                .compose(id -> vertx.deployVerticle(new cc.core.app.interaction.MediaInteractionRecorder(interactions,
                        new cc.core.adapter.jdbc.JdbcCustomerEmails(database), config.acd().media().wrapUp())))
                .compose(id -> startAcd())
                // before the console, so the first pops find the lookups (the customer's orders) running
                .compose(id -> LookupWiring.start(vertx, config.lookups()))
                .compose(id -> {
                    ConsoleConfig env = ConsoleConfig.fromEnvironment();
                    String firstAdminPassword = env.firstAdminPassword();
                    if (firstAdminPassword.isEmpty() && demo()) {
                        firstAdminPassword = DemoAdmin.password(config.database().dataDir());
                        demoAdmin = Optional.of(new DemoAdmin.SignIn(env.firstAdminUser(),
                                DemoAdmin.file(config.database().dataDir())));
                    }
                    // click-to-dial and listening in ring phones on the server that carries the agents' calls, and
                    // agents may dial only the numbers campaigns may (one configured list against toll fraud)
                    ConsoleConfig consoleConfig = new ConsoleConfig(env.secureCookies(), env.zone(),
                            env.firstAdminUser(), firstAdminPassword, env.sessionIdle(), acdSettings().server(),
                            "cc-outbound", new DialRules(config.dialer().settings().dialPlan()))
                            .withSessions(config.console().sessionIdle(), config.console().sessionLifetime());
                    console = JdbcConsole.verticle(database, consoleConfig, Optional.of(telephony));
                    console.withPopLookups(LookupWiring.pop(config.lookups()));
                    if (cluster != null) {
                        console.sessions().shareThrough(cluster.sessions());
                    }
                    return vertx.deployVerticle(console);
                })
                .compose(id -> startChat())
                .compose(id -> sharedLinks != null ? sharedLinks.start() : amiLinks.start())
                .compose(v -> startEmail())
                .compose(v -> startIntegration())
                .compose(v -> {
                    new ConsoleMetrics(console).bindTo(metrics);
                    http = new OpsHttpServer(config.http().host(), config.http().port(), healthChecks(),
                            metrics::scrape, List.of(withChat(new ConsoleWeb(vertx, console,
                            Optional.of(new RecordingWeb(vertx, console, recordings, recordingFiles,
                            config.recording().agentsHearOwnCalls())))
                            .withReports(reportWeb())
                            .withOffers(offerWeb())
                            .withSales(config.sales())
                            .withEmailIf(email.map(m -> new cc.console.adapter.http.EmailWeb(
                                    EmailWiring.cases(m.desk()))))
                            // the back-office API for other systems (/backoffice/v1, API keys made by admins)
                            .withBackOffice(cc.console.adapter.jdbc.JdbcBackOffice.web(vertx, database, console))),
                            selfServiceWeb()));
                    config.http().tls().ifPresent(t -> http.withTls(t.certificate(), t.key()));
                    return vertx.deployVerticle(http);
                })
                .map(id -> {
                    startTrafficIfSimulated();
                    startDialerDemoIfSimulated();
                    return null;
                });
    }

    /** The email channel, when a mailbox is configured ({@code email.enabled}). */
    private Future<Void> startEmail() {
        if (!config.email().enabled()) {
            return Future.succeededFuture();
        }
        return cc.email.EmailModule.start(vertx, config.email(), database, interactions,
                EmailWiring.senders(new cc.core.adapter.jdbc.JdbcCustomerEmails(database)),
                EmailWiring.articles(console), metrics).map(m -> {
                    email = Optional.of(m);
                    toClose.add(m);
                    return null;
                });
    }

    private Optional<cc.email.EmailModule> email = Optional.empty();

    /**
     * The outbox relay with the webhook subscriptions of the integration file; with no file (the default one missing)
     * it runs with no webhooks. Other sinks (Kafka) join through {@link cc.integration.IntegrationModule#start}.
     */
    private Future<Void> startIntegration() {
        Path file = config.integration().file();
        cc.integration.IntegrationSettings settings;
        if (java.nio.file.Files.isRegularFile(file)) {
            try {
                settings = cc.integration.IntegrationSection.read(cc.core.config.ConfigNode.load(file),
                        integrationEnv);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        } else if (file.equals(ServerConfig.Integration.DEFAULT_FILE)) {
            log.info("Integration: no {}, so no webhooks", file);
            settings = cc.integration.IntegrationSettings.none();
        } else {
            return Future.failedFuture(new cc.core.config.ConfigException("integration.file: " + file
                    + " does not exist"));
        }
        return cc.integration.IntegrationModule.start(vertx, database, settings, List.of(), InstantSource.system(),
                        clusterLease(cc.integration.IntegrationModule.LEASE))
                .map(m -> {
                    integration = m;
                    toClose.add(m);
                    return null;
                });
    }

    private cc.integration.IntegrationModule integration;
    private java.util.function.Function<String, String> integrationEnv = System::getenv;

    /** The outbox relay and its webhooks. */
    public cc.integration.IntegrationModule integration() {
        return integration;
    }

    /** The email channel, when it runs. */
    public Optional<cc.email.EmailModule> email() {
        return email;
    }

    /**
     * The recordings library: stores call control's recording changes (before the links come up, so no change of the
     * first calls is missed) and deletes files past their retention. Files are read where Asterisk's directory is
     * mounted; in a simulator run, where the simulator writes the files Asterisk would.
     */
    /** How long after a recording's end its file is looked for (the simulator writes it at the end). */
    private static final long RECORDING_CHECK_AFTER_MS = 2_000;

    private Future<String> startRecordings() {
        ServerConfig.Recording r = config.recording();
        Path read = r.readDirectory().orElseGet(() -> simulator != null
                ? simulator.recordingsDir().resolve(r.directory().substring(1)) : Path.of(r.directory()));
        recordingFiles = new RecordingDirectory(vertx, read);
        log.info("Recordings: written by Asterisk to {}, read from {}", r.directory(), recordingFiles.root());
        return vertx.deployVerticle(new RecordingRecorder(recordings, metrics))
                .compose(id -> {
                    retention = new RetentionSweeper(recordings, recordingFiles,
                            RetentionPolicy.days(r.retentionDays()), r.sweepEvery(), InstantSource.system(), metrics);
                    return vertx.deployVerticle(retention);
                })
                .compose(id -> {
                    recordingCheck = new cc.core.app.recording.RecordingFileCheck(recordingFiles,
                            RECORDING_CHECK_AFTER_MS, InstantSource.system(), metrics);
                    return vertx.deployVerticle(recordingCheck);
                });
    }

    /** Customer scores: recomputed every {@code scores.recomputeEvery} and on request (cc.core.scores.recompute). */
    private Future<String> startScoring() {
        scoring = new ScoreRecomputer(new JdbcCustomerScoreStore(database, config.scores().currency()),
                new TribuoChurnLearner(),
                config.scores().recomputeEvery(), InstantSource.system(), metrics);
        return vertx.deployVerticle(scoring);
    }

    /** The data warehouse: the views' report zone, and the daily export of closed days to files for BI tools. */
    private Future<String> startWarehouse() {
        cc.warehouse.app.WarehouseSettings w = config.warehouse();
        cc.warehouse.app.DayFileWriter files = w.format() == cc.warehouse.domain.ExportFormat.PARQUET
                ? new cc.warehouse.adapter.file.ParquetDayWriter() : new cc.warehouse.adapter.file.CsvDayWriter();
        warehouse = new cc.warehouse.app.WarehouseExporter(w, new cc.warehouse.adapter.jdbc.JdbcWarehouse(database,
                new cc.warehouse.adapter.file.DayDirectory(w.directory()), files), InstantSource.system(), metrics);
        return vertx.deployVerticle(warehouse);
    }

    /** Deployed before the AMI links come up, so the ACD sees every hang-up of the callers it holds. */
    /** Joins the other nodes (cluster.enabled): before the ACD and the console, which forward and share through it. */
    private Future<Void> startCluster() {
        if (!config.cluster().enabled()) {
            return Future.succeededFuture();
        }
        return cc.launcher.cluster.ClusterNode.start(vertx, config.cluster(), config.nodeId(), liveState)
                .map(node -> {
                    cluster = node;
                    if (sharedLinks != null) {
                        sharedLinks.askThrough(node.askHolder());
                    }
                    return null;
                });
    }

    /** This node among several; empty with one node. */
    public Optional<cc.launcher.cluster.ClusterNode> cluster() {
        return Optional.ofNullable(cluster);
    }

    private Future<String> startAcd() {
        AcdSettings settings = acdSettings();
        AcdMeters acdMeters = new AcdMeters(settings.queues().stream().map(q -> q.id()).toList());
        acdMeters.bindTo(metrics);
        JdbcIntervalStore intervals = new JdbcIntervalStore(database);
        boolean loginAll = config.acd().agentsAvailableAtStart().orElse(simulator != null);
        AcdVerticle acd = new AcdVerticle(settings, telephony, InstantSource.system(), acdMeters,
                snapshot -> intervals.store(snapshot).onFailure(e -> log.error("storing the ACD interval {} failed: {}",
                        snapshot.start(), e.getMessage())),
                loginAll, config.acd().statsEvery(), config.liveState().redisUri().isBlank() ? Optional.empty()
                        : Optional.of(new AcdVerticle.Cluster(liveState, config.nodeId(), config.acd().leaseTtl(),
                                config.acd().routeThroughStoreOutage())));
        YamlAcdSettings.ScoreRulesConfig rules = config.acd().scoreRules();
        acd.withScoreRouting(new ScoreRouting(rules.rules(), new JdbcCustomerScoreStore(database)::scores, rules.scoreWait()));
        acd.withMedia(config.acd().media());
        if (cluster != null) {
            acd.withStandbyForward(cluster);
        }
        log.info("ACD: {} queues, {} agents, ringing agents through server {}, {} score rules", settings.queues().size(),
                settings.agents().size(), settings.server(), rules.rules().rules().size());
        return vertx.deployVerticle(acd).onSuccess(id -> acdDeployment = id);
    }

    /**
     * Call control (hold, transfers, conferences, recording) on the ACD's telephony server, with the dialer's dial
     * rules for the numbers agents may transfer or conference to. Deployed before the ACD so it hears every call the
     * ACD connects.
     */
    private Future<String> startCallControl() {
        AcdSettings acd = acdSettings();
        CallControlBook book = new CallControlBook(new CallControlBook.Settings("cc-hold", "cc-outbound",
                acd.agentWaitContext(), acd.conferenceContext(), acd.callbackDial(), java.time.ZoneId.systemDefault()),
                new DialPermissions(config.dialer().settings().dialPlan()));
        CallControlVerticle control = new CallControlVerticle(telephony, book, new JdbcCallControlAudit(database),
                config.recording().directory(), InstantSource.system());
        if (cluster != null) {
            control.forwardingTo(cluster.toHolderEvenHere(AcdVerticle.LEASE, "no node routes calls right now; try again"));
        }
        return vertx.deployVerticle(control);
    }

    private String acdDeployment;
    private String dialerDeployment;

    /**
     * Deployed before the ACD (so it hears every agent state change) and before the AMI links come up (so it sees
     * every event of the calls it resumes).
     */
    private Future<String> startDialer() {
        if (!config.dialer().enabled()) {
            return Future.succeededFuture("");
        }
        DialerSettings settings = dialerSettings();
        JdbcDialerStore store = new JdbcDialerStore(database, settings.defaultZone());
        DialerVerticle dialer = new DialerVerticle(settings, store, new JdbcDialAudit(database), store::doNotCall,
                telephony, InstantSource.system(), config.dialer().clickToTalk(),
                new cc.dialer.adapter.jdbc.JdbcClickToTalkStore(database));
        clusterLease(DialerVerticle.LEASE).ifPresent(l -> dialer.ledBy(l, config.dialer().takeoverHold()));
        if (cluster != null) {
            // a standby's preview and click-to-talk requests go to the node holding the dialer lease
            dialer.forwardingTo(cluster.forwardTo(DialerVerticle.LEASE, "no node dials right now; try again"));
        }
        return vertx.deployVerticle(dialer).onSuccess(id -> dialerDeployment = id);
    }

    /** Web chat's desk ({@code chat:}): the owner of open chats, on the console's live channel and the ACD's media. */
    private Future<String> startChat() {
        if (!config.chat().enabled()) {
            return Future.succeededFuture("");
        }
        cc.console.app.ChatDesk desk = new cc.console.app.ChatDesk(new cc.console.domain.chat.ChatBook(
                config.chat().settings()), new cc.console.adapter.jdbc.JdbcChatStore(database, config.nodeId()),
                console.hub(), InstantSource.system());
        if (cluster != null) {
            // the agent holding a chat may be connected to another node than its visitor, and the visitor may come
            // back on another node than the chat's desk (or the desk's node may die)
            desk.withPeers(cluster);
        }
        chatDesk = Optional.of(desk);
        return vertx.deployVerticle(desk);
    }

    /** The console's routes with web chat's when it is on. */
    private ConsoleWeb withChat(ConsoleWeb web) {
        return chatDesk.map(desk -> web.withChat(new cc.console.adapter.http.ChatWeb(console, desk,
                config.chat().settings().maxMessageChars(), config.chat().allowedOrigins()))).orElse(web);
    }

    /** The next-best offer on the screen-pop, from the offers catalog and this server's scores and offers. */
    OfferWeb offerWeb() {
        return new OfferWeb(console.pops(), new OfferDesk(config.offers(), new JdbcOfferStore(database), console.pops(),
                InstantSource.system()));
    }

    private ReportSettings reportSettings() {
        ServerConfig.Reports r = config.reports();
        java.util.Map<String, java.time.Duration> thresholds = new java.util.HashMap<>();
        acdSettings().queues().forEach(q -> thresholds.put(q.id(), q.serviceLevelThreshold()));
        return new ReportSettings(r.zone(), r.shortAbandon(), r.repeatContactDays(), thresholds,
                java.time.Duration.ofSeconds(20));
    }

    /** Historical reports from this server's database (closed days from their stored totals). */
    ReportWeb reportWeb() {
        Reports reports = new Reports(new JdbcReportSource(database), Optional.of(new JdbcReportTotals(database)),
                reportSettings(), InstantSource.system());
        ServerConfig.Reports r = config.reports();
        return new ReportWeb(reports, r.maxDays()).withKinds(new cc.core.app.report.ReportKinds(
                reports, new cc.core.adapter.jdbc.JdbcReportKindSource(database), skillsByQueue()))
                .withPipeline(new PipelineWeb(new PipelineReports(new JdbcPipelineSource(database),
                        config.sales(), InstantSource.system()), r.zone(), r.maxDays()));
    }

    /** Each ACD queue's required skill names (levels left out), for the skill report. */
    java.util.Map<String, java.util.Set<String>> skillsByQueue() {
        java.util.Map<String, java.util.Set<String>> skills = new java.util.HashMap<>();
        acdSettings().queues().forEach(q -> skills.put(q.id(), q.requiredSkills().stream()
                .map(cc.acd.domain.queue.SkillRequirement::skill).collect(java.util.stream.Collectors.toSet())));
        return skills;
    }

    /**
     * Report totals of closed days: stored on start (catching up missed days), every {@code reports.totalsEvery},
     * and on request (cc.core.reports.compute-totals).
     */
    private Future<String> startReportTotals() {
        ServerConfig.Reports r = config.reports();
        totals = new ReportTotalsJob(new JdbcReportSource(database), new JdbcReportTotals(database),
                reportSettings(), new TotalsPolicy(r.totalsSettleAfter(), r.totalsCatchUpDays(), 7), r.totalsEvery(),
                InstantSource.system());
        return vertx.deployVerticle(totals);
    }

    /**
     * With the simulator, weeks of generated history in an empty database ({@code reports.demoHistoryDays}), loaded
     * beside the start; the totals job starts once it is there, so its first run stores whole days.
     */
    private Future<String> startReportTotalsAfterDemoHistory() {
        if (simulator == null || config.reports().demoHistoryDays() == 0) {
            return startReportTotals();
        }
        AcdSettings acd = acdSettings();
        DemoHistory demo = new DemoHistory(database, config.reports().zone(), config.reports().demoHistoryDays(),
                acd.queues().stream().map(q -> q.id()).toList(),
                acd.agents().stream().map(a -> a.profile().agentId()).toList(), java.time.Instant.now());
        return vertx.deployVerticle(demo).onSuccess(id -> demo.loaded()
                .onFailure(e -> log.warn("Demo history not loaded: {}", e.getMessage()))
                .onComplete(ar -> startReportTotals()
                        .onFailure(e -> log.error("Report totals job not started: {}", e.getMessage()))));
    }

    /** The job that stores closed days' report totals. */
    public ReportTotalsJob reportTotals() {
        return totals;
    }

    private ReportTotalsJob totals;

    /** The dialer's settings with its telephony server (as the ACD's is decided) and the ACD's queue agents. */
    DialerSettings dialerSettings() {
        DialerSettings s = config.dialer().settings();
        if (s.server().isBlank()) {
            s = s.withServer(acdSettings().server());
        }
        java.util.Map<String, java.util.Set<String>> queueAgents = new java.util.HashMap<>();
        AcdSettings acd = acdSettings();
        acd.queues().forEach(q -> queueAgents.put(q.id(), new java.util.HashSet<>()));
        for (AcdSettings.AgentPhone a : acd.agents()) {
            for (String q : a.profile().queues()) {
                queueAgents.computeIfAbsent(q, k -> new java.util.HashSet<>()).add(a.profile().agentId());
            }
        }
        java.util.Map<String, String> phones = new java.util.HashMap<>();
        acd.agents().forEach(a -> phones.put(a.profile().agentId(), a.dialString()));
        return s.withQueueAgents(queueAgents).withAgentPhones(phones);
    }

    /** The ACD's settings with its telephony server decided: the one named, else the simulator, else the first. */
    AcdSettings acdSettings() {
        AcdSettings s = config.acd().settings();
        if (!s.server().isBlank()) {
            return s;
        }
        if (simulator != null) {
            return s.withServer(SIMULATOR_SERVER);
        }
        return s.withServer(config.asterisk().servers().isEmpty() ? SIMULATOR_SERVER
                : config.asterisk().servers().get(0).name());
    }

    /** The simulated phones of the configured agents answer after a ring delay and talk for a while. */
    private Phones agentPhones() {
        ServerConfig.Simulator sim = config.asterisk().simulator();
        Phones.Builder phones = Phones.builder();
        for (AcdSettings.AgentPhone a : config.acd().settings().agents()) {
            String dial = a.dialString();
            if (dial.startsWith("PJSIP/")) {
                phones.number(dial.substring("PJSIP/".length()), PhoneBehaviour.answersThenHangsUp(
                        Distribution.fixed(sim.agentRingDelay().toMillis()),
                        Distribution.exponential(sim.agentTalkTime().toMillis())));
            }
        }
        if (dialerDemo()) {
            DialerDemo.phones(phones, config.dialer().settings().trunkPattern());
        }
        return phones.build();
    }

    /**
     * The interaction recorder. With several nodes (a shared live-state store) each node follows every call, but only
     * the holder of an Asterisk server's {@code recorder.<server>} lease writes its calls, and the interactions are
     * named by call, so a node that takes the lease over writes the same rows (one record per call).
     */
    private InteractionRecorder recorder() {
        java.util.Set<String> inbound = java.util.Set.copyOf(config.asterisk().inboundContexts());
        if (config.liveState().redisUri().isBlank()) {
            return new InteractionRecorder(telephony, interactions, customers,
                    new InteractionTracker(inbound, cc.core.domain.interaction.InteractionIds.random()), metrics);
        }
        recordingLeases = cc.core.app.interaction.RecordingOwnership.leased(liveState,
                amiServers().stream().map(a -> a.name()).toList(), config.nodeId(), config.acd().leaseTtl());
        if (sharedLinks != null) {
            // the node that records a server's calls owns its AMI link
            recordingLeases.alsoTell(sharedLinks::gained, sharedLinks::lost);
        }
        return new InteractionRecorder(telephony, interactions, customers,
                new InteractionTracker(inbound, cc.core.domain.interaction.InteractionIds.ofCall()), metrics,
                recordingLeases);
    }

    /** The recording leases of this node (several nodes); null with one node. */
    private cc.core.app.interaction.RecordingOwnership.Leased recordingLeases;

    /**
     * Stops renewing this node's recording leases without giving them up, as a node that dies does: with {@link
     * #close()} after it, the other nodes wait for the leases to run out (tests of the takeover).
     */
    void haltRecordingLeases() {
        if (recordingLeases != null) {
            recordingLeases.halt();
        }
    }

    /**
     * With a shared live-state store (several nodes), a lease so exactly one node does a job that must not run twice
     * (the dialer, the outbox relay): the ACD's lease mechanism and time to live ({@code acd.leaseTtl}).
     */
    private Optional<cc.core.app.livestate.Leadership> clusterLease(String name) {
        if (config.liveState().redisUri().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new cc.core.app.livestate.Leadership(liveState, name, config.nodeId(),
                config.acd().leaseTtl()));
    }

    private Future<LiveStateStore> openLiveState() {
        if (config.liveState().redisUri().isBlank()) {
            return Future.succeededFuture(new MemoryLiveState());
        }
        return RedisLiveState.connect(vertx, new RedisConfig(config.liveState().redisUri(),
                config.liveState().keyPrefix(), RedisConfig.DEFAULT_TIMEOUT)).map(r -> (LiveStateStore) r);
    }

    private Future<Void> startAgi() {
        ServerConfig.Ivr ivrConfig = config.ivr();
        IvrModule.Config agi = new IvrModule.Config(config.agi().host(), config.agi().port(), ivrConfig.flows(),
                ivrConfig.defaultFlow(), ivrConfig.defaultQueue(), ivrConfig.reloadInterval(), ivrConfig.soundsDir(),
                config.agi().allowFrom(), config.agi().replyTimeout());
        return IvrModule.start(vertx, agi, customers, database, InstantSource.system()).map(m -> {
            ivr = m;
            agiPort = m.port();
            m.metrics().bindTo(metrics);
            return null;
        });
    }

    private void startSimulatorIfEnabled() {
        if (!config.simulatorEnabled()) {
            return;
        }
        ServerConfig.Simulator sim = config.asterisk().simulator();
        simulatorSecret = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        simulator = AsteriskSimulator.start(SimulatorConfig.builder()
                .amiPort(sim.amiPort())
                .amiUser("cc", simulatorSecret)
                .seed(sim.seed())
                // our flows' prompts are not Asterisk's stock sounds: let every prompt exist, 1.5 s long
                .timings(Timings.defaults().withUnknownPromptMs(1_500))
                .agi(config.agi().host(), agiPort, config.ivr().defaultFlow() + "?lang=en")
                .phones(agentPhones())
                .build());
        toClose.add(simulator);
        SimulatorMetrics.bind(simulator, metrics);
        log.info("Asterisk simulator listening for AMI on 127.0.0.1:{}", simulator.amiPort());
    }

    private String simulatorSecret;

    private List<AmiServerConfig> amiServers() {
        List<AmiServerConfig> out = new ArrayList<>();
        for (ServerConfig.AsteriskServer s : config.asterisk().servers()) {
            out.add(new AmiServerConfig(s.name(), s.host(), s.port(), s.username(), s.secret(), s.connectTimeout(),
                    s.reconnectInitialDelay(), s.reconnectMaxDelay(), s.tls()));
        }
        if (simulator != null) {
            out.add(AmiServerConfig.of(SIMULATOR_SERVER, "127.0.0.1", simulator.amiPort(), "cc", simulatorSecret));
        }
        return out;
    }

    /** The demo campaign runs only with the simulator, whose phones answer its calls. */
    private boolean dialerDemo() {
        return config.simulatorEnabled() && config.dialer().enabled() && config.dialer().demo();
    }

    private void startDialerDemoIfSimulated() {
        if (simulator != null && dialerDemo() && !acdSettings().queues().isEmpty()) {
            DialerDemo.start(vertx, database, customers, acdSettings().queues().get(0).id());
        }
    }

    private void startTrafficIfSimulated() {
        ServerConfig.Simulator sim = config.asterisk().simulator();
        if (simulator == null || sim.callsPerSecond() <= 0) {
            return;
        }
        // Callers of the shipped main flow: most choose a language while it is offered (from 1.5 s to 4.5 s after the
        // answer, the prompts lasting 1.5 s each here) and, 6 s later, ask for an agent in the main menu (its prompt
        // ends by 7.6 s, it then waits 6 s); some only listen and take the menu's fallback. Without keys nobody would reach
        // an agent before losing patience.
        traffic = simulator.startTraffic(TrafficProfile.of(sim.callsPerSecond(), "02100000")
                .withScripts(List.of(
                        new TrafficProfile.WeightedScript(0.6, List.of(new DtmfStep(3_000, "2"),
                                new DtmfStep(6_000, "3"))),
                        new TrafficProfile.WeightedScript(0.3, List.of(new DtmfStep(3_000, "1"),
                                new DtmfStep(6_000, "3"))),
                        new TrafficProfile.WeightedScript(0.1, List.of())))
                .withPatience(Distribution.exponential(sim.callerPatience().toMillis()))
                .withTalkTime(Distribution.exponential(120_000)));
    }

    private List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>();
        for (AmiServerConfig s : amiServers()) {
            checks.add(check("ami." + s.name(), () -> {
                // with several nodes, a node that does not own the link says what the owner told it
                String who = sharedLinks == null || sharedLinks.owns(s.name()) ? "" : "the node owning the link ";
                return Future.succeededFuture(telephony.isUp(s.name())
                        ? HealthStatus.up(who + "logged in to " + s.describe())
                        : HealthStatus.down(who + "not logged in to " + s.describe() + "; reconnecting"));
            }));
        }
        checks.add(check("database", () -> database.ping().map(ok -> ok
                ? HealthStatus.up(database.url()) : HealthStatus.down(database.url() + " does not answer"))));
        checks.add(check("livestate", () -> liveState.ping().map(ok -> ok
                ? HealthStatus.up(config.liveState().redisUri().isBlank() ? "in memory" : "redis")
                : HealthStatus.down("live-state store does not answer"))));
        if (recordingCheck != null) {
            checks.add(recordingCheck);
        }
        return checks;
    }

    private static HealthCheck check(String name, java.util.function.Supplier<Future<HealthStatus>> probe) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Future<HealthStatus> check() {
                return probe.get();
            }
        };
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** Every route the HTTP server mounted, as {@code "METHODS path"} (see {@link OpsHttpServer#routes()}). */
    public List<String> httpRoutes() {
        return http.routes();
    }

    public int agiPort() {
        return agiPort;
    }

    /**
     * A demo: the simulator in-process and the embedded database, nothing real to protect. Only then does the
     * console get a generated first admin when none was configured.
     */
    private boolean demo() {
        return config.simulatorEnabled() && config.database().embedded();
    }

    /** The demo's first admin and where its generated password is, when this run uses one ({@link DemoAdmin}). */
    public Optional<DemoAdmin.SignIn> demoAdmin() {
        return demoAdmin;
    }

    public Optional<AsteriskSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** The public help page at /help/ (no sign-in): articles, order status, waits, hours, click-to-talk. */
    private cc.console.adapter.http.SelfServiceWeb selfServiceWeb() {
        return new cc.console.adapter.http.SelfServiceWeb(new cc.console.app.SelfService(vertx, config.selfService(),
                new cc.console.adapter.jdbc.JdbcSelfServiceStore(database), console.answers(), console.wallboard(),
                console.settings().dialRules(), InstantSource.system()));
    }

    /** The agent console (user accounts, sessions), for tests and administration tools. */
    public ConsoleVerticle console() {
        return console;
    }

    public cc.core.app.telephony.Telephony telephony() {
        return telephony;
    }

    /** The recordings library's rows and audit trail, for tests and administration tools. */
    public JdbcRecordingStore recordings() {
        return recordings;
    }

    /** Recording retention, to sweep now from administration tools and tests. */
    public RetentionSweeper retention() {
        return retention;
    }

    private RetentionSweeper retention;
    /** Recordings that ended without a file: stored as failed, and on /health. */
    private cc.core.app.recording.RecordingFileCheck recordingCheck;

    /** The data warehouse's export, to run now from administration tools and tests. */
    public cc.warehouse.app.WarehouseExporter warehouse() {
        return warehouse;
    }

    private cc.warehouse.app.WarehouseExporter warehouse;

    /** Customer scoring, to recompute now from administration tools and tests. */
    public ScoreRecomputer scoring() {
        return scoring;
    }

    private ScoreRecomputer scoring;

    /** Where this server reads recording files ({@code recording.readDirectory}, resolved). */
    public Path recordingsDirectory() {
        return recordingFiles.root();
    }

    public LiveStateStore liveState() {
        return liveState;
    }

    public Vertx vertx() {
        return vertx;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /**
     * Stops traffic, closes the links, the engines, the stores and Vert.x, in reverse order of start. Blocks; call it
     * from a thread of its own, never from an event loop. Each step is bounded so a stuck part cannot hang shutdown.
     */
    @Override
    public void close() {
        if (traffic != null) {
            traffic.stop();
        }
        if (dialerDeployment != null) {
            // before the links: no campaign call is placed while they close
            awaitQuietly("dialer", vertx.undeploy(dialerDeployment));
        }
        if (acdDeployment != null) {
            // before the links: offers failing as the links close must not move agents or callers
            awaitQuietly("ACD", vertx.undeploy(acdDeployment));
        }
        if (sharedLinks != null) {
            awaitQuietly("AMI links", sharedLinks.stop());
        } else if (amiLinks != null) {
            awaitQuietly("AMI links", amiLinks.stop());
        }
        if (ivr != null) {
            awaitQuietly("FastAGI server", ivr.close());
        }
        if (cluster != null) {
            // leaving at once: the others stop pushing and forwarding to this node without waiting for a timeout
            awaitQuietly("cluster", cluster.close());
        }
        awaitQuietly("Vert.x", vertx.close());
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", toClose.get(i), e.getMessage());
            }
        }
        if (liveState != null) {
            liveState.close();
        }
    }

    private static void awaitQuietly(String what, Future<?> step) {
        try {
            step.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("stopping {}: {}", what, e.getMessage());
        }
    }

    /** The simulator's counters as metrics, so its traffic shows beside ours on /metrics. */
    private static final class SimulatorMetrics {
        static void bind(AsteriskSimulator sim, PrometheusMeterRegistry registry) {
            FunctionCounter.builder("cc.simulator.calls.started", sim, s -> s.stats().callsStarted())
                    .description("Calls the built-in simulator placed").register(registry);
            FunctionCounter.builder("cc.simulator.calls.abandoned", sim, s -> s.stats().callsAbandoned())
                    .description("Simulated callers who hung up before reaching an agent").register(registry);
        }
    }
}
