package cc.dialer.app;

import cc.core.app.livestate.Leadership;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignList;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignReportQuery;
import cc.core.contract.CampaignView;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ContactListIndex;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.AddDoNotCall;
import cc.core.contract.DialPreviewRecord;
import cc.core.contract.DoNotCallAdded;
import cc.core.contract.ImportContactList;
import cc.core.contract.PreviewRecord;
import cc.core.contract.ScheduleCampaignCallback;
import cc.core.contract.SkipPreviewRecord;
import cc.core.contract.TakePreviewRecord;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.ListCampaigns;
import cc.core.contract.ListContactLists;
import cc.core.contract.SaveCampaign;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.interaction.Interaction;
import cc.dialer.domain.InvalidField;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignStatus;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.ContactCsvImport;
import cc.dialer.domain.list.ContactProgress;
import cc.dialer.domain.list.DoNotCallList;
import cc.dialer.domain.pacing.AbandonCounts;
import cc.dialer.domain.pacing.AbandonLedger;
import cc.dialer.domain.pacing.AmdFalsePositiveEstimate;
import cc.dialer.domain.pacing.LiveOutcome;
import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.report.AttemptRecord;
import cc.dialer.domain.report.CampaignDayReport;
import cc.dialer.domain.report.CampaignReports;
import cc.dialer.domain.segment.SegmentListBuilder;
import cc.dialer.domain.segment.SegmentQuery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The dialer as a service of the server: owns the campaigns, answers the {@link DialerAddresses} requests (campaigns,
 * call lists from segments or CSV, day reports), runs each started campaign with a {@link CampaignRunner} fed from
 * the stored lists and retry states and writing its attempts back, pauses and stops them gracefully (calls in
 * progress finish), marks them finished when nothing is left, and resumes running campaigns after a restart. All
 * campaigns share the server's outbound lines ({@link OutboundLines}, the global cap). A disposition whose code is a
 * conversion marks the campaign attempt of that interaction converted.
 *
 * <p>Threading: campaign state lives on this verticle's context; each runner runs on its own and is only asked
 * through its future-returning methods.
 */
public final class DialerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(DialerVerticle.class);
    private static final long DO_NOT_CALL_REFRESH_MS = 2_000;
    private static final int SAMPLE = 5;
    private static final int MAX_REPORT_DAYS = 366;

    /** A request the dialer refuses, with the failure code of the contract (404, 409). */
    private static final class Refused extends RuntimeException {
        final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private static final class Entry {
        DialerStore.StoredCampaign stored;
        Campaign campaign;
        CampaignStatus status;
        CampaignRunner runner;
        String deployment;
        Runnable stopListening = () -> {};
        boolean draining;
        /** A runner being made (its contacts and progress read from the database); null when none is. */
        Future<Void> starting;
        /** The lease term {@link #starting} began in. */
        long startingTerm;

        Entry(DialerStore.StoredCampaign stored, Campaign campaign) {
            this.stored = stored;
            this.campaign = campaign;
            this.status = CampaignStatus.valueOf(stored.status());
        }
    }

    private final DialerSettings settings;
    private final DialerStore store;
    private final DialAudit audit;
    private final Telephony telephony;
    private final DialPermissions permissions;
    private final AcdAgentBoard board;
    private final OutboundLines lines;
    private final InstantSource clock;
    private final Map<String, Entry> campaigns = new LinkedHashMap<>();
    private final Map<String, Integer> listSizes = new HashMap<>();
    private volatile DoNotCallList doNotCall = DoNotCallList.empty();
    private final Supplier<DoNotCallList> doNotCallNow = () -> doNotCall;
    private final DoNotCallSource doNotCallSource;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    /** Journal writes not yet done (runners write from their own contexts), awaited at stop. */
    private final Set<Future<?>> writes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final long STOP_WRITES_MS = 3_000;
    /** Attempts, retry states, agent time and audit lines, retried while the database is away (set at start). */
    private WriteBehind writeBehind;
    private long refreshTimer = -1;
    /** Calls back customers who asked on the web; absent when the dialer runs without a store for them. */
    private final Optional<ClickToTalkService> clickToTalk;
    /** With several nodes: only the holder of the "dialer" lease dials (campaigns and click-to-talk). */
    private Optional<Leadership> leadership = Optional.empty();
    /**
     * How long a call another node's dialer placed is assumed to stay up at a takeover (its attempt still open in the
     * database), past the ring time and agent connect limit.
     */
    private java.time.Duration takeoverHold = java.time.Duration.ofMinutes(5);
    public static final String LEASE = "dialer";

    /** Where the do-not-call numbers are read from (E.164). */
    @FunctionalInterface
    public interface DoNotCallSource {
        Future<Set<String>> numbers();
    }

    public DialerVerticle(DialerSettings settings, DialerStore store, DialAudit audit, DoNotCallSource doNotCall,
                          Telephony telephony, InstantSource clock) {
        this(settings, store, audit, doNotCall, telephony, clock, null, null);
    }

    /** With click-to-talk: the customers' requests kept in {@code clickToTalkStore}, called on the same lines. */
    public DialerVerticle(DialerSettings settings, DialerStore store, DialAudit audit, DoNotCallSource doNotCall,
                          Telephony telephony, InstantSource clock, ClickToTalkSettings clickToTalkSettings,
                          ClickToTalkStore clickToTalkStore) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.doNotCallSource = Objects.requireNonNull(doNotCall, "doNotCall");
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.permissions = new DialPermissions(settings.dialPlan());
        this.board = new AcdAgentBoard(settings.queueAgents(), clock);
        this.lines = new OutboundLines(settings.dialPlan().globalLineCap());
        this.clickToTalk = clickToTalkStore == null ? Optional.empty() : Optional.of(new ClickToTalkService(settings,
                clickToTalkSettings, clickToTalkStore, audit, telephony, permissions, lines, doNotCallNow,
                board::knowsQueue, clock));
    }

    /**
     * Dials only while holding {@code leadership} (the "dialer" lease): a standby keeps the campaigns and answers
     * requests, starts the running ones when it takes the lease over and stops dialling at once when it loses it.
     */
    public DialerVerticle ledBy(Leadership leadership, java.time.Duration takeoverHold) {
        this.leadership = Optional.of(leadership);
        this.takeoverHold = Objects.requireNonNull(takeoverHold, "takeoverHold");
        return this;
    }

    /**
     * With several nodes on a clustered event bus: while this node does not dial, its agents' preview requests and its
     * customers' click-to-talk requests go to the node that does ({@link StandbyRequests}). Call before deploying.
     */
    public DialerVerticle forwardingTo(cc.core.app.livestate.LeaseForward forward) {
        this.standby = Optional.of(new StandbyRequests(forward));
        return this;
    }

    private Optional<StandbyRequests> standby = Optional.empty();

    /** Whether this node dials now: always with one node; with several, while it holds the dialer lease. */
    private boolean dials() {
        return leadership.map(Leadership::holds).orElse(true);
    }

    @Override
    public Future<?> start() {
        writeBehind = new WriteBehind(vertx);
        DialerAddresses.registerCodecs(vertx.eventBus());
        on(DialerAddresses.CAMPAIGN_LIST, (ListCampaigns q) -> list());
        on(DialerAddresses.CAMPAIGN_SAVE, this::save);
        on(DialerAddresses.CAMPAIGN_CONTROL, this::control);
        on(DialerAddresses.CAMPAIGN_REPORT, this::report);
        on(DialerAddresses.LIST_FROM_SEGMENT, this::fromSegment);
        on(DialerAddresses.LIST_IMPORT, this::importCsv);
        on(DialerAddresses.LIST_INDEX, (ListContactLists q) -> store.lists().map(ContactListIndex::new));
        on(DialerAddresses.PREVIEW_NEXT, this::nextPreview);
        on(DialerAddresses.PREVIEW_DIAL, (DialPreviewRecord r) -> here(previewRunner(r.campaignId())
                .dialPreview(r.contactId(), r.agentId())));
        on(DialerAddresses.PREVIEW_SKIP, (SkipPreviewRecord r) -> here(previewRunner(r.campaignId())
                .skipPreview(r.contactId(), r.agentId(), r.reason())));
        on(DialerAddresses.DNC_ADD, this::addDoNotCall);
        on(DialerAddresses.CAMPAIGN_CALLBACK, this::callback);
        consumers.add(vertx.eventBus().<InteractionUpdated>consumer(Addresses.INTERACTION_UPDATED,
                m -> onInteraction(m.body().interaction())));
        return board.start(vertx.eventBus())
                .compose(v -> refreshDoNotCall())
                .compose(v -> store.lists())
                .compose(lists -> {
                    lists.forEach(l -> listSizes.put(l.listId(), l.contacts()));
                    return store.campaigns();
                })
                .compose(stored -> {
                    List<Future<?>> resumed = new ArrayList<>();
                    for (DialerStore.StoredCampaign s : stored) {
                        Entry e = new Entry(s, CampaignDefinitions.toCampaign(s.definition(), settings.daysOff()));
                        campaigns.put(s.definition().id(), e);
                        if (e.status == CampaignStatus.RUNNING && leadership.isEmpty()) {
                            LOG.info("campaign {} was running: resuming it", e.campaign.id());
                            resumed.add(startRunner(e));
                        }
                    }
                    refreshTimer = vertx.setPeriodic(DO_NOT_CALL_REFRESH_MS, id -> {
                        refreshDoNotCall();
                        followStandbys();
                    });
                    return Future.all(resumed);
                })
                .compose(v -> leadership.isPresent() ? standbyClickToTalk()
                        : clickToTalk.map(c -> c.start(vertx)).orElse(Future.succeededFuture()))
                .onSuccess(v -> leadership.ifPresent(l -> l.start(vertx, this::takeOver, this::stepDown)))
                .onSuccess(v -> LOG.info("dialer: {} campaigns, {} lists, {} lines, trunk {} on server {}",
                        campaigns.size(), listSizes.size(), lines.cap(), settings.trunkPattern(), settings.server()));
    }

    /**
     * Stops the runners (a campaign RUNNING stays so in the database and resumes at the next start), then waits a
     * bounded time for their last writes, so the database is not closed under them.
     */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(refreshTimer);
        stopping = true;
        List<Future<?>> runners = new ArrayList<>();
        for (Entry e : campaigns.values()) {
            if (e.deployment != null) {
                runners.add(vertx.undeploy(e.deployment));
            }
        }
        return Future.join(runners)
                .transform(v -> Future.join(List.copyOf(writes)).timeout(STOP_WRITES_MS,
                        java.util.concurrent.TimeUnit.MILLISECONDS))
                .transform(v -> {
                    List<Future<?>> done = new ArrayList<>();
                    consumers.forEach(c -> done.add(c.unregister()));
                    done.add(board.stop());
                    if (leadership.isEmpty() || clickToTalkStarted) {
                        clickToTalk.ifPresent(c -> done.add(c.stop()));
                    }
                    standby.ifPresent(s -> done.add(s.stopAnsweringClickToTalk()));
                    // given up only now: the runners placed no call after this, a standby may dial at once
                    leadership.ifPresent(Leadership::stop);
                    return Future.join(done);
                });
    }

    private boolean stopping;
    /**
     * The attempts the old dialling node left open at the takeover, with until when their call may be up: their
     * contacts count as dialled (not dialled again before then, nor past the campaign's attempts).
     */
    private List<DialerStore.OpenAttempt> inheritedAttempts = List.of();
    private boolean clickToTalkStarted;

    /**
     * This node took the dialer lease: it counts the lines the old leader's calls may still hold (its attempts still
     * open in the database), reads the campaigns' statuses again (a standby's requests changed them) and starts every
     * RUNNING one, resuming from the stored progress, and click-to-talk.
     */
    private void takeOver() {
        leaseTerm++;
        Instant now = clock.instant();
        java.time.Duration longest = settings.ringTimeout().plus(settings.agentConnectLimit()).plus(takeoverHold);
        store.openAttemptsPlacedSince(now.minus(longest))
                .onSuccess(placed -> {
                    lines.inherit(placed.stream().map(p -> p.placedAt().plus(longest)).toList(), clock);
                    inheritedAttempts = placed.stream().map(p -> new DialerStore.OpenAttempt(p.campaignId(),
                            p.contactId(), p.placedAt().plus(longest))).toList();
                    if (!placed.isEmpty()) {
                        LOG.info("dialer: {} calls of the old leader may still be up; their lines are counted",
                                placed.size());
                    }
                })
                .compose(v -> store.campaigns())
                .onComplete(ar -> {
                    if (stopping || !dials()) {
                        return;
                    }
                    if (ar.failed()) {
                        LOG.error("dialer: taking over failed (no campaign runs): {}", ar.cause().getMessage());
                        return;
                    }
                    int started = 0;
                    for (DialerStore.StoredCampaign s : ar.result()) {
                        Entry e = campaigns.get(s.definition().id());
                        if (e == null) {
                            e = new Entry(s, CampaignDefinitions.toCampaign(s.definition(), settings.daysOff()));
                            campaigns.put(s.definition().id(), e);
                        } else if (e.runner == null && !e.draining) {
                            e.stored = s;
                            e.campaign = CampaignDefinitions.toCampaign(s.definition(), settings.daysOff());
                            e.status = CampaignStatus.valueOf(s.status());
                        }
                        if (e.status == CampaignStatus.RUNNING && e.runner == null && !e.draining) {
                            startRunner(e);
                            started++;
                        }
                    }
                    if (!clickToTalkStarted && clickToTalk.isPresent()) {
                        clickToTalkStarted = true;
                        // the standby's forwarding consumers go first: never two consumers on one address here
                        standby.map(StandbyRequests::stopAnsweringClickToTalk).orElse(Future.succeededFuture())
                                .onComplete(v -> clickToTalk.get().start(vertx));
                    }
                    LOG.info("dialer: this node dials now, {} running campaigns started", started);
                });
    }

    /**
     * With several nodes, a campaign started, paused or stopped through a standby is only written to the database: the
     * dialling node reads the statuses every refresh and starts or drains what changed there after its own last change
     * (a standby reads them too, so it controls and shows campaigns as they are, and marks FINISHED ones).
     */
    private void followStandbys() {
        if (leadership.isEmpty() || stopping) {
            return;
        }
        store.campaigns().onSuccess(stored -> {
            if (stopping) {
                return;
            }
            boolean dialling = dials();
            for (DialerStore.StoredCampaign s : stored) {
                Entry e = campaigns.get(s.definition().id());
                if (e == null) {
                    e = new Entry(s, CampaignDefinitions.toCampaign(s.definition(), settings.daysOff()));
                    campaigns.put(s.definition().id(), e);
                    if (dialling && e.status == CampaignStatus.RUNNING) {
                        startRunner(e);
                    }
                    continue;
                }
                if (e.draining || !s.changedAt().isAfter(e.stored.changedAt())) {
                    continue;
                }
                CampaignStatus now = CampaignStatus.valueOf(s.status());
                e.stored = s;
                e.campaign = CampaignDefinitions.toCampaign(s.definition(), settings.daysOff());
                e.status = now;
                if (!dialling) {
                    // a standby only keeps the statuses the dialling node writes, to answer and control right
                    continue;
                }
                if (now == CampaignStatus.RUNNING && e.runner == null) {
                    LOG.info("campaign {}: started through another node", e.campaign.id());
                    startRunner(e);
                } else if (now != CampaignStatus.RUNNING && e.runner != null) {
                    LOG.info("campaign {}: {} through another node", e.campaign.id(), now);
                    drain(e);
                }
            }
        }).onFailure(err -> LOG.warn("dialer: campaign statuses not read: {}", err.getMessage()));
    }

    /** Another node holds the dialer lease: no call is placed from here any more, at once. */
    private void stepDown() {
        leaseTerm++;
        for (Entry e : campaigns.values()) {
            if (e.deployment == null) {
                // a runner still being deployed withdraws itself when it sees the new term; forgotten here so that
                // a takeover soon after makes a fresh one
                e.runner = null;
            } else {
                String deployment = e.deployment;
                e.stopListening.run();
                e.runner = null;
                e.deployment = null;
                vertx.undeploy(deployment);
            }
        }
        if (clickToTalkStarted) {
            clickToTalkStarted = false;
            clickToTalk.ifPresent(c -> c.stop().onComplete(v -> {
                if (!clickToTalkStarted && !stopping) {
                    standbyClickToTalk();
                }
            }));
        }
        LOG.error("dialer: this node lost the dialer lease and stopped dialling");
    }

    /** On a node that does not dial (yet): click-to-talk requests go to the one that does, when it forwards. */
    private Future<Void> standbyClickToTalk() {
        if (clickToTalk.isPresent()) {
            standby.ifPresent(s -> s.answerClickToTalk(vertx.eventBus()));
        }
        return Future.succeededFuture();
    }

    private <T> Future<T> tracked(Future<T> write) {
        writes.add(write);
        write.onComplete(ar -> writes.remove(write));
        return write;
    }

    private Future<Void> refreshDoNotCall() {
        return doNotCallSource.numbers()
                .onSuccess(n -> doNotCall = new DoNotCallList(n))
                .onFailure(e -> LOG.warn("do-not-call list not refreshed (the last one still applies): {}",
                        e.getMessage()))
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture());
    }

    @SuppressWarnings("unchecked")
    private <T> void on(String address, Function<T, Future<?>> handler) {
        io.vertx.core.Handler<Message<T>> answer = m -> {
            Future<?> f;
            try {
                f = handler.apply(m.body());
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> {
                if (ar.succeeded()) {
                    m.reply(ar.result());
                } else {
                    fail((Message<Object>) (Message<?>) m, address, ar.cause());
                }
            });
        };
        if (standby.isPresent() && StandbyRequests.DIALLING_NODE_ONLY.contains(address)) {
            // preview records, callbacks and do-not-call numbers are held by the node that dials; a standby passes on
            answer = standby.get().orForward(address, this::dials, answer);
        }
        consumers.add(vertx.eventBus().<T>consumer(address, answer));
    }

    private static void fail(Message<Object> m, String address, Throwable e) {
        if (e instanceof InvalidField) {
            m.fail(400, e.getMessage());
        } else if (e instanceof Refused) {
            m.fail(((Refused) e).code, e.getMessage());
        } else if (e instanceof CampaignRunner.Refusal) {
            m.fail(((CampaignRunner.Refusal) e).code, e.getMessage());
        } else {
            LOG.error("{} failed: {}", address, e.toString(), e);
            m.fail(500, "the dialer could not do it: " + e.getMessage());
        }
    }

    // ---- campaigns

    private Future<CampaignList> list() {
        List<Future<CampaignView>> views = new ArrayList<>();
        campaigns.values().forEach(e -> views.add(view(e)));
        return Future.all(views).map(all -> new CampaignList(views.stream().map(Future::result).toList()));
    }

    private Future<CampaignView> save(SaveCampaign request) {
        CampaignDefinition d = request.definition();
        Campaign campaign = CampaignDefinitions.toCampaign(d, settings.daysOff());
        for (String list : d.listIds()) {
            if (!listSizes.containsKey(list)) {
                throw new InvalidField("listIds", "there is no call list '" + list + "'");
            }
        }
        if (!board.knowsQueue(d.queue())) {
            throw new InvalidField("queue", "there is no ACD queue '" + d.queue() + "'");
        }
        Entry existing = campaigns.get(d.id());
        if (existing != null && (!existing.status.editable() || existing.draining)) {
            throw new Refused(409, "status: campaign " + d.id() + " is " + existing.status
                    + (existing.status == CampaignStatus.STOPPED ? " for good" : "; pause it before changing it"));
        }
        CampaignStatus status = existing == null ? CampaignStatus.DRAFT : existing.status;
        DialerStore.StoredCampaign stored = new DialerStore.StoredCampaign(d, status.name(), clock.instant(),
                request.byUser());
        Entry e = existing == null ? new Entry(stored, campaign) : existing;
        e.stored = stored;
        e.campaign = campaign;
        campaigns.put(d.id(), e);
        LOG.info("campaign {} saved by {} ({})", d.id(), request.byUser(), status);
        return store.saveCampaign(stored).compose(v -> view(e));
    }

    private Future<CampaignView> control(ControlCampaign request) {
        Entry e = campaigns.get(request.campaignId());
        if (e == null) {
            throw new Refused(404, "campaignId: there is no campaign '" + request.campaignId() + "'");
        }
        String action = request.action().strip().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("START", "PAUSE", "STOP").contains(action)) {
            throw new InvalidField("action", "'" + request.action() + "' is not one of START, PAUSE, STOP");
        }
        Optional<CampaignStatus> next = e.status.after(action);
        if (next.isEmpty()) {
            throw new Refused(409, "action: cannot " + action + " campaign " + e.campaign.id() + ", it is "
                    + e.status);
        }
        if (action.equals("START") && e.draining) {
            throw new Refused(409, "action: campaign " + e.campaign.id() + " is still finishing its calls");
        }
        Instant now = clock.instant();
        LOG.info("campaign {}: {} by {}", e.campaign.id(), action, request.byUser());
        CampaignStatus from = e.status;
        e.status = next.get();
        Future<Void> changed = setStatus(e, e.status, now, request.byUser());
        if (action.equals("START") && !dials()) {
            // a standby: the status is stored, the node holding the dialer lease runs it (at its takeover)
            return changed.compose(v -> view(e));
        }
        if (action.equals("START")) {
            return changed.compose(v -> startRunner(e)).recover(err -> {
                e.status = from;
                return setStatus(e, from, clock.instant(), "dialer").compose(v -> Future.failedFuture(err));
            }).compose(v -> view(e));
        }
        if (e.runner != null) {
            drain(e);
        }
        return changed.compose(v -> view(e));
    }

    /** A runner's future, completed back on this verticle's context (the runner completes it on its own). */
    private <T> Future<T> here(Future<T> onRunner) {
        io.vertx.core.Promise<T> p = io.vertx.core.Promise.promise();
        onRunner.onComplete(ar -> context.runOnContext(v -> p.handle(ar)));
        return p.future();
    }

    private Future<Void> setStatus(Entry e, CampaignStatus status, Instant at, String byUser) {
        e.stored = new DialerStore.StoredCampaign(e.stored.definition(), status.name(), at, byUser);
        return store.setStatus(e.campaign.id(), status.name(), at, byUser);
    }

    /** Places no new calls; once the calls in progress have ended the runner goes. */
    private void drain(Entry e) {
        CampaignRunner runner = e.runner;
        e.draining = true;
        here(runner.pause()).onComplete(ar -> {
            e.stopListening.run();
            String deployment = e.deployment;
            e.runner = null;
            e.deployment = null;
            (deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment)).onComplete(u -> {
                e.draining = false;
                LOG.info("campaign {}: calls in progress have ended ({})", e.campaign.id(), e.status);
            });
        });
    }

    /**
     * Counts the takeovers and step-downs of the dialer lease: a runner whose making began in an earlier term is not
     * deployed (or is undeployed at once). The lease can be lost and taken again within milliseconds when Redis is
     * slow; a runner still loading its contacts across that went on dialling beside the new one, and the benchmark
     * saw 6 campaign lines up against {@code lines: 4} ({@code LeaderTakeoverBenchmark}).
     */
    private long leaseTerm;

    /** Makes and deploys the campaign's runner, unless one is running or being made already. */
    private Future<Void> startRunner(Entry e) {
        if (e.starting != null && e.startingTerm == leaseTerm) {
            return e.starting;
        }
        if (e.runner != null) {
            return Future.succeededFuture();
        }
        // one begun in an earlier term withdraws itself; this term's is made anew
        long term = leaseTerm;
        Future<Void> starting = makeRunner(e, term);
        if (!starting.isComplete()) {
            e.starting = starting;
            e.startingTerm = term;
            starting.onComplete(ar -> {
                if (e.starting == starting) {
                    e.starting = null;
                }
            });
        }
        return starting;
    }

    private boolean termEnded(long term) {
        return stopping || term != leaseTerm || !dials();
    }

    private Future<Void> makeRunner(Entry e, long term) {
        Campaign campaign = e.campaign;
        String id = campaign.id();
        Instant now = clock.instant();
        Future<List<Contact>> contacts = store.contacts(campaign.listIds());
        Future<Map<String, ContactProgress>> progress = store.progress(id);
        Future<long[]> counters = store.attemptCounters(id);
        Future<List<AttemptRecord>> window = store.attempts(id, now.minus(campaign.rule().window()), now);
        Future<List<DialerStore.LastAudit>> lastAudits = store.lastAudits(id);
        return Future.all(List.of(contacts, progress, counters, window, lastAudits)).compose(all -> {
            if (termEnded(term)) {
                LOG.info("campaign {}: not started, this node stopped dialling while it was read", id);
                return Future.succeededFuture();
            }
            AbandonLedger ledger = new AbandonLedger(campaign.rule());
            for (AttemptRecord a : window.result()) {
                liveOutcome(a).ifPresent(o -> ledger.record(o, a.dialedAt()));
            }
            CampaignSettings runSettings = new CampaignSettings(campaign, distinctNumbers(contacts.result()),
                    settings.server(), settings.trunkPattern(), settings.callerId(), settings.ringTimeout(),
                    e.stored.definition().queue(), CampaignDefinitions.machineAction(
                            e.stored.definition().machineAction()),
                    RecordingChoice.of(e.stored.definition().recording()), settings.machineMessage(),
                    settings.abandonMessage(), settings.agentConnectLimit(), settings.priors());
            Map<String, ContactProgress> known = withInherited(campaign, progress.result());
            CampaignRunner runner = new CampaignRunner(runSettings, telephony, permissions, doNotCallNow,
                    board.agentsOf(runSettings.queue()), entry -> tracked(writeBehind.write("contact:" + entry.campaignId() + ":" + entry.contactId(),
                            "audit " + entry.event() + " of contact " + entry.contactId(), () -> audit.record(entry))),
                    ledger, clock,
                    new CampaignRunner.Options(
                            journal(id), known, counters.result()[0], counters.result()[1], lines,
                            new AmdFalsePositiveEstimate(settings.amdFalsePositiveRate()),
                            new CampaignRunner.Preview(settings.previewHold(), settings.agentPhones(),
                                    board::stateOf), lastAudits.result()));
            e.runner = runner;
            return vertx.deployVerticle(runner).<Void>map(deployment -> {
                if (termEnded(term) || e.runner != runner) {
                    // the lease went while the runner was deployed: it places nothing more
                    LOG.info("campaign {}: runner withdrawn, this node stopped dialling while it started", id);
                    if (e.runner == runner) {
                        e.runner = null;
                    }
                    vertx.undeploy(deployment);
                    return null;
                }
                e.deployment = deployment;
                e.stopListening = board.listen(runSettings.queue(), runner::agentTimes);
                runner.finished().onSuccess(v -> context.runOnContext(x -> finished(e, runner)));
                return null;
            });
        }).onFailure(err -> {
            e.runner = null;
            LOG.error("campaign {} could not start: {}", id, err.getMessage());
        });
    }

    /**
     * The stored progress with each contact the old dialling node was calling at the takeover counted as dialled
     * once more: finished when that was its last attempt, else not retried before its call may have ended.
     */
    private Map<String, ContactProgress> withInherited(Campaign campaign, Map<String, ContactProgress> stored) {
        if (inheritedAttempts.isEmpty()) {
            return stored;
        }
        Map<String, ContactProgress> out = new HashMap<>(stored);
        for (DialerStore.OpenAttempt a : inheritedAttempts) {
            if (!a.campaignId().equals(campaign.id())) {
                continue;
            }
            ContactProgress p = out.getOrDefault(a.contactId(), ContactProgress.fresh(a.contactId()));
            int n = p.attempts() + 1;
            boolean done = p.finished() || n >= campaign.retries().maxAttempts();
            out.put(a.contactId(), new ContactProgress(a.contactId(), n, p.lastOutcome(),
                    done ? Optional.empty() : Optional.of(a.placedAt()), Optional.empty(), done));
            LOG.info("campaign {}: contact {} was being called by the old dialling node; counted as dialled",
                    campaign.id(), a.contactId());
        }
        return out;
    }

    private void finished(Entry e, CampaignRunner runner) {
        if (e.runner != runner || e.status != CampaignStatus.RUNNING) {
            return;
        }
        e.status = CampaignStatus.FINISHED;
        setStatus(e, CampaignStatus.FINISHED, clock.instant(), "dialer");
        drain(e);
    }

    /** A number on two of the campaign's lists is called once (the first list's contact). */
    private static List<Contact> distinctNumbers(List<Contact> contacts) {
        Set<String> numbers = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<Contact> out = new ArrayList<>();
        for (Contact c : contacts) {
            if (numbers.add(c.phone()) && ids.add(c.id())) {
                out.add(c);
            }
        }
        return out;
    }

    private static Optional<LiveOutcome> liveOutcome(AttemptRecord a) {
        switch (a.outcome()) {
            case CONNECTED:
                return Optional.of(LiveOutcome.CONNECTED);
            case ABANDONED:
                return Optional.of(LiveOutcome.ABANDONED);
            case MACHINE:
                return a.amdFalsePositive() ? Optional.of(LiveOutcome.AMD_FALSE_POSITIVE) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The campaign's journal: every write queued behind the earlier ones of its row and retried until it is stored. */
    private CampaignJournal journal(String campaignId) {
        return new CampaignJournal() {
            @Override
            public void progress(ContactProgress p) {
                tracked(writeBehind.write("contact:" + campaignId + ":" + p.contactId(), "progress of contact " + p.contactId(),
                        () -> store.saveProgress(campaignId, p)));
            }

            @Override
            public void attempt(AttemptState a) {
                tracked(writeBehind.write("attempt:" + campaignId + ":" + a.attemptId(), "attempt " + a.attemptId(),
                        () -> store.saveAttempt(a)));
            }

            @Override
            public void agentTime(Instant at, double agentSeconds) {
                LocalDate day = at.atZone(settings.defaultZone()).toLocalDate();
                tracked(writeBehind.write("agent-time:" + campaignId, agentSeconds + " s of agent time",
                        () -> store.addAgentTime(campaignId, day, agentSeconds)));
            }
        };
    }

    private Future<CampaignView> view(Entry e) {
        Instant now = clock.instant();
        int contacts = e.campaign.listIds().stream().mapToInt(l -> listSizes.getOrDefault(l, 0)).sum();
        Future<long[]> counts = store.dialledAndFinished(e.campaign.id());
        Future<long[]> window = store.liveOutcomes(e.campaign.id(), now.minus(e.campaign.rule().window()));
        Future<Integer> inFlight = e.runner == null ? Future.succeededFuture(0)
                : here(e.runner.stats().map(CampaignRunner.Stats::inFlight));
        return Future.all(counts, window, inFlight).map(all -> {
            long[] w = window.result();
            double rate = new AbandonCounts(e.campaign.rule(), w[0], w[1], w[2]).rate();
            return new CampaignView(e.stored.definition(), e.status.name(), contacts, counts.result()[0],
                    inFlight.result(), (int) Math.max(0, contacts - counts.result()[1]), rate, e.stored.changedAt());
        });
    }

    private Future<CampaignReport> report(CampaignReportQuery q) {
        Entry e = campaigns.get(q.campaignId());
        if (e == null) {
            throw new Refused(404, "campaignId: there is no campaign '" + q.campaignId() + "'");
        }
        if (q.to().isBefore(q.from())) {
            throw new InvalidField("to", q.to() + " is before from " + q.from());
        }
        if (ChronoUnit.DAYS.between(q.from(), q.to()) >= MAX_REPORT_DAYS) {
            throw new InvalidField("to", "at most " + MAX_REPORT_DAYS + " days in one report");
        }
        // the 30-day US rate of the first day needs the 29 days before it
        Instant from = q.from().minusDays(29).atStartOfDay(settings.defaultZone()).toInstant();
        Instant to = q.to().plusDays(1).atStartOfDay(settings.defaultZone()).toInstant();
        Future<List<AttemptRecord>> attempts = store.attempts(e.campaign.id(), from, to);
        Future<List<cc.dialer.domain.report.AgentTime>> agents = store.agentTime(e.campaign.id(), q.from(), q.to());
        return Future.all(attempts, agents).map(all -> {
            List<CampaignReport.Day> days = new ArrayList<>();
            for (CampaignDayReport d : CampaignReports.daily(e.campaign, attempts.result(), agents.result(),
                    settings.defaultZone())) {
                if (d.day().isBefore(q.from()) || d.day().isAfter(q.to())) {
                    continue;
                }
                days.add(new CampaignReport.Day(d.day(), d.dials(), d.contacts(), d.connected(), d.abandoned(),
                        d.amdFalsePositives(), d.abandonRateUsDay(), d.abandonRateUs30Days(), d.abandonRateUkDay(),
                        d.talkMinutes(), d.agentHours(), d.talkMinutesPerAgentHour(), d.conversions(),
                        d.cost().currency().getCurrencyCode(), d.cost().amount(), d.revenue().amount(), d.roi()));
            }
            return new CampaignReport(e.campaign.id(), days);
        });
    }

    private void onInteraction(Interaction i) {
        if (i.campaignId().isEmpty() || i.disposition().isEmpty() || !settings.isConversion(i.disposition().get())) {
            return;
        }
        store.markConverted(i.id()).onComplete(ar -> {
            if (ar.failed()) {
                LOG.error("conversion of interaction {} (campaign {}) not stored: {}", i.id(), i.campaignId().get(),
                        ar.cause().getMessage());
            } else if (ar.result() == 0) {
                LOG.warn("interaction {} of campaign {} was disposed {} but no attempt carries it", i.id(),
                        i.campaignId().get(), i.disposition().get());
            }
        });
    }

    // ---- preview dialling, do-not-call, callbacks

    /** Running preview campaigns whose queue the agent serves, in the order they were created. */
    private List<CampaignRunner> previewRunners(String agentId) {
        List<CampaignRunner> out = new ArrayList<>();
        for (Entry e : campaigns.values()) {
            if (e.runner != null && !e.draining && e.status == CampaignStatus.RUNNING
                    && e.campaign.mode() == PacingMode.PREVIEW && settings.serves(agentId, e.stored.definition().queue())) {
                out.add(e.runner);
            }
        }
        return out;
    }

    /** The record the agent holds in any campaign first, so an agent never holds two; else a new one. */
    private Future<PreviewRecord> nextPreview(TakePreviewRecord request) {
        List<CampaignRunner> runners = previewRunners(request.agentId());
        return firstPreview(runners, 0, request.agentId(), true).compose(held -> held.isPresent()
                ? Future.succeededFuture(held)
                : firstPreview(runners, 0, request.agentId(), false)).map(found -> found.orElseThrow(
                        () -> new Refused(404, "agentId: no preview campaign on the queues of agent "
                                + request.agentId() + " has a record to call now")));
    }

    private Future<Optional<PreviewRecord>> firstPreview(List<CampaignRunner> runners, int i, String agentId,
                                                         boolean onlyHeld) {
        if (i >= runners.size()) {
            return Future.succeededFuture(Optional.empty());
        }
        return here(runners.get(i).takePreview(agentId, onlyHeld)).compose(r -> r.isPresent()
                ? Future.succeededFuture(r) : firstPreview(runners, i + 1, agentId, onlyHeld));
    }

    private CampaignRunner previewRunner(String campaignId) {
        Entry e = campaigns.get(campaignId);
        if (e == null) {
            throw new Refused(404, "campaignId: there is no campaign '" + campaignId + "'");
        }
        if (e.campaign.mode() != PacingMode.PREVIEW || e.runner == null || e.draining
                || e.status != CampaignStatus.RUNNING) {
            throw new Refused(409, "campaignId: campaign " + campaignId + " is not a running preview campaign");
        }
        return e.runner;
    }

    /** On the list at once: the runners read {@link #doNotCall} at every pick and right before every dial. */
    private Future<DoNotCallAdded> addDoNotCall(AddDoNotCall request) {
        String number = settings.phoneNumbers().canonical(request.number()).orElseThrow(() -> new InvalidField(
                "number", "'" + request.number() + "' is not a phone number"));
        if (request.reason().length() > 200) {
            throw new InvalidField("reason", "at most 200 characters");
        }
        Instant now = clock.instant();
        return store.addDoNotCall(number, request.reason(), request.byUser(), now).map(added -> {
            Set<String> numbers = new HashSet<>(doNotCall.numbers());
            numbers.add(number);
            doNotCall = new DoNotCallList(numbers);
            LOG.info("{} put on the do-not-call list by {}{}: {}", number, request.byUser(),
                    added ? "" : " (already on it)", request.reason());
            return new DoNotCallAdded(number, now);
        });
    }

    private Future<ScheduleCampaignCallback> callback(ScheduleCampaignCallback request) {
        Entry e = campaigns.get(request.campaignId());
        if (e == null) {
            throw new Refused(404, "campaignId: there is no campaign '" + request.campaignId() + "'");
        }
        if (e.status == CampaignStatus.STOPPED) {
            throw new Refused(409, "campaignId: campaign " + request.campaignId() + " is stopped for good");
        }
        if (e.campaign.lastDay().isBefore(
                request.at().atZone(settings.defaultZone()).toLocalDate())) {
            throw new InvalidField("at", "after the campaign's last day " + e.campaign.lastDay());
        }
        if (e.runner != null && !e.draining) {
            return here(e.runner.callback(request.contactId(), request.at(), request.byUser())).map(p -> {
                LOG.info("campaign {}: callback of contact {} at {} booked by {}", request.campaignId(),
                        request.contactId(), request.at(), request.byUser());
                return request;
            });
        }
        // not running: the retry state is written and the runner loads it when the campaign starts
        return store.contacts(e.campaign.listIds()).compose(contacts -> {
            Contact c = contacts.stream().filter(x -> x.id().equals(request.contactId())).findFirst()
                    .orElseThrow(() -> new Refused(404, "contactId: campaign " + request.campaignId()
                            + " has no contact '" + request.contactId() + "'"));
            return store.progress(request.campaignId()).compose(all -> {
                ContactProgress next = all.getOrDefault(c.id(), ContactProgress.fresh(c.id()))
                        .withCallback(request.at());
                return tracked(store.saveProgress(request.campaignId(), next));
            }).compose(v -> tracked(audit.record(new AuditEntry(request.campaignId(), c.id(), Optional.empty(),
                    c.phone(), AuditEntry.Event.CALLBACK, "callback at " + request.at() + " booked by "
                    + request.byUser(), Optional.empty(), clock.instant()))));
        }).map(v -> {
            LOG.info("campaign {} ({}): callback of contact {} at {} booked by {}", request.campaignId(), e.status,
                    request.contactId(), request.at(), request.byUser());
            return request;
        });
    }

    // ---- call lists

    private void checkNewList(String listId, String name) {
        if (!listId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidField("listId", "must be 1 to 64 letters, digits, '-' or '_', was '" + listId + "'");
        }
        if (name.isBlank()) {
            throw new InvalidField("name", "must not be empty");
        }
        if (listSizes.containsKey(listId)) {
            throw new Refused(409, "listId: there is already a list '" + listId + "'");
        }
    }

    private Future<ContactListBuilt> fromSegment(BuildSegmentList request) {
        checkNewList(request.listId(), request.name());
        SegmentQuery query = SegmentQuery.of(request.conditions().stream()
                .map(c -> new SegmentQuery.Condition(c.field(), c.operator(), c.value())).toList(), request.limit());
        return store.segment(query, clock.instant()).compose(rows -> {
            SegmentListBuilder.Built built = new SegmentListBuilder(settings.phoneNumbers(), settings.defaultZone())
                    .build(request.listId(), rows, request.limit());
            List<ContactListBuilt.Problem> problems = built.problems().stream()
                    .map(p -> new ContactListBuilt.Problem(0, p.reason(), p.row())).toList();
            ContactListBuilt reply = new ContactListBuilt(request.listId(), request.name(), !request.preview(),
                    built.rows(), built.accepted().size(), built.duplicates(), problems, sample(built.accepted()));
            if (request.preview()) {
                return Future.succeededFuture(reply);
            }
            return saveList(request.listId(), request.name(), "segment", request.byUser(), built.accepted())
                    .map(reply);
        });
    }

    private Future<ContactListBuilt> importCsv(ImportContactList request) {
        checkNewList(request.listId(), request.name());
        ContactCsvImport.ImportReport report = new ContactCsvImport(settings.phoneNumbers(), settings.defaultZone())
                .read(request.listId(), request.csv());
        if (report.accepted().isEmpty() && report.problems().size() == 1 && report.problems().get(0).line() <= 1
                && report.rows() <= 1) {
            throw new InvalidField("csv", report.problems().get(0).reason());
        }
        for (ContactCsvImport.RowProblem p : report.problems()) {
            if (p.reason().startsWith("header:")) {
                throw new InvalidField("csv", p.reason());
            }
        }
        int duplicates = 0;
        List<ContactListBuilt.Problem> problems = new ArrayList<>();
        for (ContactCsvImport.RowProblem p : report.problems()) {
            if (p.reason().startsWith("duplicate of line")) {
                duplicates++;
            } else {
                problems.add(new ContactListBuilt.Problem(p.line(), p.reason(), p.row()));
            }
        }
        ContactListBuilt reply = new ContactListBuilt(request.listId(), request.name(), true, report.rows(),
                report.accepted().size(), duplicates, problems, sample(report.accepted()));
        return saveList(request.listId(), request.name(), "csv", request.byUser(), report.accepted()).map(reply);
    }

    private Future<Void> saveList(String listId, String name, String source, String byUser, List<Contact> contacts) {
        listSizes.put(listId, contacts.size());
        return store.saveList(new DialerStore.ListHeader(listId, name, source, contacts.size(), clock.instant(),
                byUser), contacts).onFailure(err -> listSizes.remove(listId)).onSuccess(v -> LOG.info(
                "call list {} ({}) saved by {}: {} contacts", listId, source, byUser, contacts.size()));
    }

    private static List<String> sample(List<Contact> contacts) {
        return contacts.stream().limit(SAMPLE).map(c -> c.name() + " <" + c.phone() + ">").toList();
    }
}
