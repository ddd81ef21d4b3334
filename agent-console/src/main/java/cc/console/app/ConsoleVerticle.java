package cc.console.app;

import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.auth.SignInThrottle;
import cc.console.domain.auth.UserAccount;
import cc.console.domain.i18n.DateLabels;
import cc.core.app.customer.CustomerStore;
import cc.core.app.interaction.InteractionStore;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.CallOffered;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.QueueStatsUpdated;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.domain.interaction.Interaction;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

/**
 * The console's live side: turns the ACD's offers into screen-pops on the right agent's sockets, keeps the wallboard
 * and fans it out to supervisors, refreshes the scripted-answer index when solved calls come in, and creates the
 * first admin at start.
 *
 * <p>Threading: event-bus consumers run on this verticle's context; the services it exposes ({@link #sessions()},
 * {@link #hub()}, ...) are thread-safe and used by the HTTP adapter from its own event loops.
 */
public final class ConsoleVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ConsoleVerticle.class);
    private static final long ANSWER_REFRESH_MS = 5_000;
    /** Screen-pop builders, each on its own context so their database lookups run side by side. */
    private static final int POP_BUILDERS = 4;
    /** How long a pop waits for the recorder to say which interaction the call is. */
    private static final long FIND_INTERACTION_MS = 250;
    /** How often live sockets of ended sessions are closed. */
    private static final long SESSION_SWEEP_MS = 30_000;

    private final ConsoleConfig config;
    private final InstantSource clock;
    private final UserStore users;
    private final DirectoryStore directory;
    private final KnowledgeStore knowledge;
    private final OpportunityStore opportunities;
    private final InteractionStore interactions;
    private final CustomerStore customers;
    private final Optional<Telephony> telephony;
    private final PasswordHasher hasher;
    private final QualityStore quality;
    private final Sessions sessions;
    private final LiveHub hub = new LiveHub();
    private final Wallboard wallboard = new Wallboard();
    private final AnswerBook answers;
    private final DateLabels dates;
    private ScreenPops pops;
    private CallControls controls;
    private SignIn signIn;
    private boolean answersDirty;
    private Set<String> solvedCodes = Set.of();
    private PopLookups popLookups = PopLookups.NONE;

    public ConsoleVerticle(ConsoleConfig config, InstantSource clock, UserStore users, DirectoryStore directory,
                           KnowledgeStore knowledge, OpportunityStore opportunities, InteractionStore interactions,
                           CustomerStore customers, Optional<Telephony> telephony, PasswordHasher hasher,
                           QualityStore quality, AnswerSearch.Indexer answerIndexer) {
        this.config = config;
        this.clock = clock;
        this.users = users;
        this.directory = directory;
        this.knowledge = knowledge;
        this.opportunities = opportunities;
        this.interactions = interactions;
        this.customers = customers;
        this.telephony = telephony;
        this.hasher = hasher;
        this.quality = quality;
        this.sessions = new Sessions(clock, config.sessionIdle(), config.sessionLifetime());
        this.answers = new AnswerBook(knowledge, answerIndexer);
        this.dates = new DateLabels(config.zone());
    }

    @Override
    public Future<?> start() {
        try {
            ConsoleAddresses.registerCodecs(vertx.eventBus());
        } catch (IllegalStateException alreadyRegistered) {
            log.debug("console codecs already registered");
        }
        signIn = new SignIn(vertx, users, hasher, new SignInThrottle(), clock);
        pops = new ScreenPops(interactions, customers, opportunities, directory, answers, dates);
        CallControlAddresses.registerCodecs(vertx.eventBus());
        controls = new CallControls(vertx, hub);
        vertx.eventBus().<CallControlChanged>consumer(CallControlAddresses.CHANGED, m -> controls.onChanged(m.body()));
        // several nodes: call control runs on the routing node; its states reach the browsers connected here
        vertx.eventBus().<CallControlChanged>consumer(ClusterAddresses.fromPeers(CallControlAddresses.CHANGED),
                m -> controls.onChanged(m.body()));
        vertx.eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> onOffer(m.body()));
        vertx.eventBus().<AgentStateChanged>consumer(Addresses.ACD_AGENT_STATE_CHANGED, m -> onAgentState(m.body()));
        vertx.eventBus().<QueueStatsUpdated>consumer(Addresses.ACD_QUEUE_STATS_UPDATED, m -> onStats(m.body()));
        // several nodes: what the routing node published reaches the browsers connected here too
        vertx.eventBus().<CallOffered>consumer(ClusterAddresses.fromPeers(Addresses.ACD_CALL_OFFERED),
                m -> onOffer(m.body()));
        vertx.eventBus().<AgentStateChanged>consumer(ClusterAddresses.fromPeers(Addresses.ACD_AGENT_STATE_CHANGED),
                m -> onAgentState(m.body()));
        vertx.eventBus().<QueueStatsUpdated>consumer(ClusterAddresses.fromPeers(Addresses.ACD_QUEUE_STATS_UPDATED),
                m -> onStats(m.body()));
        vertx.eventBus().<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED, m -> {
            if (m.body().interaction().disposition().map(solvedCodes::contains).orElse(false)) {
                answersDirty = true;
            }
        });
        vertx.setPeriodic(SESSION_SWEEP_MS, t -> hub.closeEndedAsync(sessions).onSuccess(closed -> {
            if (closed > 0) {
                log.info("closed {} live channels of ended sessions", closed);
            }
        }));
        vertx.setPeriodic(ANSWER_REFRESH_MS, t -> {
            if (answersDirty) {
                answersDirty = false;
                refreshAnswers();
            }
        });
        return firstAdmin()
                .compose(v -> vertx.deployVerticle(() -> new PopBuilder(pops, hub, popLookups),
                        new DeploymentOptions().setInstances(POP_BUILDERS)))
                .compose(v -> pops.loadDispositions())
                .onSuccess(v -> solvedCodes = Set.copyOf(pops.dispositions().stream()
                        .filter(DirectoryStore.Disposition::solved).map(DirectoryStore.Disposition::code).toList()))
                .compose(v -> answers.refresh())
                .onSuccess(n -> log.info("agent console ready: {} scripted answers indexed", n));
    }

    /** Lookups into other systems shown on every pop (the customer's last orders); set before deploying. */
    public ConsoleVerticle withPopLookups(PopLookups lookups) {
        this.popLookups = lookups;
        return this;
    }

    /** Rebuilds the scripted-answer index (after knowledge-base edits). */
    public Future<Integer> refreshAnswers() {
        return answers.refresh().onFailure(e -> log.warn("scripted answers not refreshed: {}", e.getMessage()));
    }

    private Future<Void> firstAdmin() {
        return users.anyAdmin().compose(any -> {
            if (any) {
                return Future.succeededFuture();
            }
            if (config.firstAdminPassword().isEmpty()) {
                log.warn("no console admin exists; set {} (and optionally {}) to create one at start",
                        ConsoleConfig.ADMIN_PASSWORD_ENV, ConsoleConfig.ADMIN_USER_ENV);
                return Future.succeededFuture();
            }
            String weakness = PasswordHasher.weakness(config.firstAdminPassword());
            if (!weakness.isEmpty()) {
                return Future.failedFuture(new IllegalArgumentException(ConsoleConfig.ADMIN_PASSWORD_ENV + ": " + weakness));
            }
            return vertx.executeBlocking(() -> hasher.hash(config.firstAdminPassword().toCharArray()), false)
                    .compose(hash -> users.save(new UserAccount(new Principal(config.firstAdminUser(), "Administrator",
                            Role.ADMIN, "", "en", ""), hash, true)))
                    .onSuccess(v -> log.info("created console admin '{}' from configuration", config.firstAdminUser()));
        });
    }

    /**
     * The ACD knows the caller's channel, not the interaction: ask core's recorder which interaction the channel's
     * call is (its open record carries the IVR path already), then build the pop keyed by the interaction id, so
     * the agent's disposition reaches the right record. Without an answer in time, the pop goes out keyed by the
     * channel rather than late.
     */
    private void onOffer(CallOffered o) {
        if (!o.interactionId().isEmpty()) {
            pops.remember(o);
            controls.onOffer(o);
            vertx.eventBus().send(PopBuilder.ADDRESS, o);
            return;
        }
        vertx.eventBus().<InteractionFound>request(Addresses.INTERACTION_FIND_BY_CHANNEL,
                        new FindInteractionByChannel(o.callerUniqueId()),
                        new DeliveryOptions().setSendTimeout(FIND_INTERACTION_MS))
                .onComplete(r -> {
                    CallOffered offer = o;
                    if (r.succeeded()) {
                        Interaction i = r.result().body().interaction();
                        offer = new CallOffered(o.agentId(), i.id(), o.callerUniqueId(),
                                o.callerNumber().isEmpty() ? i.callerNumber() : o.callerNumber(), o.queue(), o.data(), o.at());
                        pops.known(i);
                    } else {
                        log.debug("no interaction for channel {}: {}", o.callerUniqueId(), r.cause().getMessage());
                    }
                    pops.remember(offer);
                    controls.onOffer(offer);
                    vertx.eventBus().send(PopBuilder.ADDRESS, offer);
                });
    }

    private void onAgentState(AgentStateChanged e) {
        JsonObject row = wallboard.onAgentState(e);
        hub.sendAgentState(e.agentId(), new JsonObject().put("type", "agent-state").put("agent", row).encode());
    }

    private void onStats(QueueStatsUpdated s) {
        JsonObject update = wallboard.onStats(s);
        if (hub.supervisorCount() > 0) {
            hub.sendWallboard(new JsonObject().put("type", "wallboard").put("wallboard", update).encode());
        }
    }

    public ConsoleConfig settings() {
        return config;
    }

    public InstantSource clock() {
        return clock;
    }

    public Sessions sessions() {
        return sessions;
    }

    public SignIn signIn() {
        return signIn;
    }

    public LiveHub hub() {
        return hub;
    }

    public ScreenPops pops() {
        return pops;
    }

    /** Call control on calls in progress: current calls, checks, requests, state pushes. */
    public CallControls callControls() {
        return controls;
    }

    public Wallboard wallboard() {
        return wallboard;
    }

    public AnswerBook answers() {
        return answers;
    }

    public UserStore users() {
        return users;
    }

    public DirectoryStore directory() {
        return directory;
    }

    public KnowledgeStore knowledge() {
        return knowledge;
    }

    public OpportunityStore opportunities() {
        return opportunities;
    }

    public InteractionStore interactions() {
        return interactions;
    }

    public CustomerStore customers() {
        return customers;
    }

    public Optional<Telephony> telephony() {
        return telephony;
    }

    public PasswordHasher hasher() {
        return hasher;
    }

    public QualityStore quality() {
        return quality;
    }

    public DateLabels dates() {
        return dates;
    }
}
