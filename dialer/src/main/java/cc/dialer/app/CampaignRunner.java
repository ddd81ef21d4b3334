package cc.dialer.app;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.EnqueueCall;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.contract.ChangeAgentState;
import cc.core.contract.PreviewDialled;
import cc.core.contract.PreviewRecord;
import cc.core.domain.call.CallEvent;
import cc.core.domain.dialing.DialDecision;
import cc.core.domain.dialing.DialPermissions;
import cc.core.domain.dialing.DialRequest;
import cc.core.domain.interaction.InteractionTracker;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.list.ContactProgress;
import cc.dialer.domain.list.DoNotCallList;
import cc.dialer.domain.list.Eligibility;
import cc.dialer.domain.list.NextNumberPicker;
import cc.dialer.domain.list.PreviewReservations;
import cc.dialer.domain.list.SkipReason;
import cc.dialer.domain.pacing.AbandonCounts;
import cc.dialer.domain.pacing.AbandonLedger;
import cc.dialer.domain.pacing.AgentView;
import cc.dialer.domain.pacing.AmdFalsePositiveEstimate;
import cc.dialer.domain.pacing.LiveOutcome;
import cc.dialer.domain.pacing.Pacer;
import cc.dialer.domain.pacing.PacingEstimator;
import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.PacingPolicy;
import cc.dialer.domain.pacing.PacingSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one campaign through Asterisk: every second asks the {@link Pacer} how many to dial, picks the next eligible
 * contacts, checks each number against the {@link DialPermissions} and the do-not-call list at dial time, and
 * originates the allowed ones into {@code cc-dialer} ({@code config/asterisk/dialer.conf}), where AMD runs. A live
 * answer is handed to the ACD ({@link Addresses#ACD_CALL_ENQUEUE}); when no agent is offered the call
 * ({@link Addresses#ACD_CALL_OFFERED}) within the connect limit the customer is redirected to the abandon message
 * and the call counts as abandoned in the regulator's {@link AbandonLedger}. Outcomes go to the contact's retry
 * state, the pacer's estimates and the {@link DialAudit}.
 *
 * <p>Threading: all state lives on this verticle's context. Telephony events arrive on the server's context and are
 * hopped onto this one in order; originate futures, timers and event-bus replies complete here because they are
 * started here.
 */
public final class CampaignRunner extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);
    private static final String ATTEMPT_VARIABLE = "CC_ATTEMPT";
    private static final int DIALER_PRIORITY = 10;
    private static final Duration TICK = Duration.ofSeconds(1);

    private static final int AGENT_TIME_FLUSH_TICKS = 15;

    /** A skipped preview record is offered again after this (its retry state otherwise unchanged). */
    static final Duration SKIPPED_COMES_BACK_AFTER = Duration.ofHours(1);
    private static final String HOLD_CONTEXT = "cc-hold";

    /**
     * WAITING_AGENT: a live person waits for the ACD; MACHINE_TO_AGENT: a machine passed to an agent does;
     * AGENT_PHONE: a preview dial rings the agent's phone before the customer's.
     */
    private enum Stage { AGENT_PHONE, RINGING, AMD, WAITING_AGENT, MACHINE_TO_AGENT, DONE }

    /** A request about a campaign contact the runner refuses, with the contract's failure code (404, 409). */
    public static final class Refusal extends RuntimeException {
        public final int code;

        Refusal(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    private static final class Attempt {
        final long id;
        final Contact contact;
        final Instant placedAt;
        Stage stage = Stage.RINGING;
        String uniqueId;
        String channel;
        Instant answeredAt;
        Instant connectedAt;
        Instant endedAt;
        AttemptOutcome outcome;
        String agentId;
        String interactionId;
        boolean amdFalsePositive;
        boolean lineOpen = true;
        long abandonTimer = -1;
        /** Preview dials: the agent who dialled, and their phone's channel once it answered. */
        boolean preview;
        String agentChannel;

        Attempt(long id, Contact contact, Instant placedAt) {
            this.id = id;
            this.contact = contact;
            this.placedAt = placedAt;
        }
    }

    /** What the campaign has done so far, as seen on its context. */
    public record Stats(int dialled, int refused, int inFlight, Map<String, ContactProgress> progress,
                        AbandonCounts window, double safetyFactor, boolean finished) {}

    private final CampaignSettings settings;
    private final Campaign campaign;
    private final Telephony telephony;
    private final DialPermissions permissions;
    private final Supplier<DoNotCallList> doNotCall;
    private final CampaignAgents agents;
    private final DialAudit audit;
    private final InstantSource clock;
    private final Pacer pacer = new Pacer();
    private final NextNumberPicker picker = new NextNumberPicker();
    private final PacingEstimator estimator;
    private final AbandonLedger ledger;
    private final PacingPolicy policy;
    private final Map<String, ContactProgress> progress = new HashMap<>();
    private final CampaignJournal journal;
    private final OutboundLines lines;
    private final AmdFalsePositiveEstimate amd;
    private final Preview preview;
    private final PreviewReservations reservations;
    private final SkipAudit skips;
    private final Map<String, Contact> contactsById = new HashMap<>();
    /** Agents this runner paused in the ACD while they hold or dial a preview record. */
    private final Set<String> pausedForPreview = new HashSet<>();
    private final Promise<Void> drained = Promise.promise();
    private boolean draining;
    private long machineVerdicts;
    private double agentSeconds;
    private int ticksSinceAgentFlush;
    private final Map<Long, Attempt> attempts = new LinkedHashMap<>();
    private final Map<String, Attempt> byUniqueId = new HashMap<>();
    private final Map<String, String> amdBeforeBound = new HashMap<>();
    private final Promise<Void> finished = Promise.promise();
    private long nextAttemptId = 1;
    private int dialled;
    private int refused;
    private long tickTimer = -1;
    private boolean stopped;
    private MessageConsumer<CallOffered> offers;

    /**
     * What a campaign run carries over from earlier runs and shares with other campaigns.
     *
     * @param journal        where attempts, retry states and agent time are written
     * @param progress       each contact's retry state so far, by contact id
     * @param lastAttemptId  the highest attempt id used so far (new attempts count on from it)
     * @param machineVerdicts machine verdicts so far (the AMD false-positive estimate counts on from it)
     * @param lines          the lines all campaigns share (the global cap)
     * @param amd            how AMD false positives are estimated
     * @param lastAudits     each contact's latest audit row so far (skips already audited are not written again)
     */
    public record Options(CampaignJournal journal, Map<String, ContactProgress> progress, long lastAttemptId,
                          long machineVerdicts, OutboundLines lines, AmdFalsePositiveEstimate amd, Preview preview,
                          List<DialerStore.LastAudit> lastAudits) {
        public Options {
            Objects.requireNonNull(journal, "journal");
            progress = Map.copyOf(progress);
            lastAudits = List.copyOf(lastAudits);
            Objects.requireNonNull(lines, "lines");
            Objects.requireNonNull(amd, "amd");
            Objects.requireNonNull(preview, "preview");
        }

        /** A first run in memory: nothing carried over, no shared cap, no false positives estimated. */
        public static Options fresh() {
            return new Options(CampaignJournal.NONE, Map.of(), 0, 0, OutboundLines.unlimited(),
                    new AmdFalsePositiveEstimate(0), Preview.NONE, List.of());
        }
    }

    /**
     * What preview dialling needs.
     *
     * @param hold        how long a record stays reserved to the agent who took it without a dial or skip
     * @param agentPhones how to ring each agent's phone
     * @param agentState  an agent's ACD state as last heard ({@code available}, {@code paused}...)
     */
    public record Preview(Duration hold, Map<String, String> agentPhones,
                          Function<String, Optional<String>> agentState) {
        public static final Preview NONE = new Preview(Duration.ofMinutes(2), Map.of(), a -> Optional.empty());

        public Preview {
            Objects.requireNonNull(hold, "hold");
            agentPhones = Map.copyOf(agentPhones);
            Objects.requireNonNull(agentState, "agentState");
        }
    }

    public CampaignRunner(CampaignSettings settings, Telephony telephony, DialPermissions permissions,
                          Supplier<DoNotCallList> doNotCall, CampaignAgents agents, DialAudit audit,
                          AbandonLedger ledger, InstantSource clock) {
        this(settings, telephony, permissions, doNotCall, agents, audit, ledger, clock, Options.fresh());
    }

    public CampaignRunner(CampaignSettings settings, Telephony telephony, DialPermissions permissions,
                          Supplier<DoNotCallList> doNotCall, CampaignAgents agents, DialAudit audit,
                          AbandonLedger ledger, InstantSource clock, Options options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.campaign = settings.campaign();
        this.telephony = Objects.requireNonNull(telephony, "telephony");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.doNotCall = Objects.requireNonNull(doNotCall, "doNotCall");
        this.agents = Objects.requireNonNull(agents, "agents");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.estimator = new PacingEstimator(PacingEstimator.Config.defaults(settings.priors()));
        this.policy = PacingPolicy.of(campaign.mode(), campaign.rule(), campaign.maxLines());
        this.journal = options.journal();
        this.lines = options.lines();
        this.amd = options.amd();
        this.preview = options.preview();
        this.reservations = new PreviewReservations(preview.hold());
        this.skips = SkipAudit.resumed(campaign, audit, options.lastAudits(), settings.contacts(), clock.instant());
        settings.contacts().forEach(c -> contactsById.put(c.id(), c));
        this.progress.putAll(options.progress());
        this.nextAttemptId = options.lastAttemptId() + 1;
        this.machineVerdicts = options.machineVerdicts();
    }

    @Override
    public Future<?> start() {
        // the port has no way to remove a handler: after stop() the events still hop here and are dropped
        telephony.onCallEvent(e -> context.runOnContext(v -> {
            if (!stopped) {
                onCallEvent(e);
            }
        }));
        offers = vertx.eventBus().consumer(Addresses.ACD_CALL_OFFERED, m -> onOffered(m.body()));
        tickTimer = vertx.setPeriodic(1, TICK.toMillis(), id -> tick());
        LOG.info("campaign {} running: {} contacts, mode {}, trunk {}", campaign.id(), settings.contacts().size(),
                campaign.mode(), settings.trunkPattern());
        return offers.completion();
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(tickTimer);
        return offers == null ? Future.succeededFuture() : offers.unregister();
    }

    /**
     * Places no new calls from now on; completes once the calls in progress have ended (their outcomes recorded).
     * Callable from any thread.
     */
    public Future<Void> pause() {
        context.runOnContext(v -> {
            draining = true;
            // records held but not dialled go back; their agents are no longer paused for them
            for (PreviewReservations.Reservation r : reservations.expire(Instant.MAX)) {
                freeAgent(r.agentId());
            }
            drainIfIdle();
        });
        return drained.future();
    }

    /** Agent talk and wrap-up times the ACD reported, for the pacer's estimates; callable from any thread. */
    public void agentTimes(Optional<java.time.Duration> talk, Optional<java.time.Duration> wrapUp) {
        context.runOnContext(v -> {
            talk.ifPresent(estimator::talkEnded);
            wrapUp.ifPresent(estimator::wrapUpEnded);
        });
    }

    private void drainIfIdle() {
        if (draining && attempts.isEmpty() && !drained.future().isComplete()) {
            flushAgentTime(clock.instant());
            drained.complete();
        }
    }

    private void flushAgentTime(Instant now) {
        if (agentSeconds > 0) {
            journal.agentTime(now, agentSeconds);
            agentSeconds = 0;
        }
        ticksSinceAgentFlush = 0;
    }

    /** Completes when every contact is finished (reached, out of attempts, refused or do-not-call) and no call is up. */
    public Future<Void> finished() {
        return finished.future();
    }

    /** The campaign's figures, read on its context. */
    public Future<Stats> stats() {
        Promise<Stats> p = Promise.promise();
        context.runOnContext(v -> {
            Instant now = clock.instant();
            p.complete(new Stats(dialled, refused, attempts.size(), Map.copyOf(progress), ledger.counts(now),
                    estimator.estimates(now).safetyFactor(), finished.future().isComplete()));
        });
        return p.future();
    }

    // ---- preview dialling, callbacks

    /** Runs {@code work} on this runner's context; a {@link Refusal} or other exception fails the future. */
    private <T> Future<T> onContext(Supplier<T> work) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                p.complete(work.get());
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    private Contact contact(String contactId) {
        Contact c = contactsById.get(contactId);
        if (c == null) {
            throw new Refusal(404, "contactId: campaign " + campaign.id() + " has no contact '" + contactId + "'");
        }
        return c;
    }

    private PreviewReservations.Reservation held(String contactId, String agentId) {
        try {
            return reservations.check(contactId, agentId);
        } catch (PreviewReservations.NotHeld e) {
            throw new Refusal(409, "contactId: " + e.getMessage());
        }
    }

    /**
     * The record the agent holds in this preview campaign, else (unless {@code onlyHeld}) the best callable contact
     * nobody holds, reserved to them; the agent is paused in the ACD meanwhile. Callable from any thread.
     */
    public Future<Optional<PreviewRecord>> takePreview(String agentId, boolean onlyHeld) {
        return onContext(() -> {
            if (campaign.mode() != PacingMode.PREVIEW || draining || stopped) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            DoNotCallList dnc = doNotCall.get();
            Optional<PreviewReservations.Reservation> mine = reservations.heldBy(agentId);
            if (mine.isPresent() && !mine.get().dialling()) {
                Contact c = contactsById.get(mine.get().contactId());
                if (Eligibility.check(campaign, c, progressOf(c.id()), dnc, now).isEmpty()) {
                    return Optional.of(record(c, mine.get()));
                }
                // put on the do-not-call list (or out of hours) since it was taken: not offered any more
                reservations.release(c.id());
            } else if (mine.isPresent()) {
                return Optional.empty();
            }
            if (onlyHeld) {
                return Optional.empty();
            }
            List<Contact> idle = new ArrayList<>();
            for (Contact c : settings.contacts()) {
                if (!inFlight(c.id())) {
                    idle.add(c);
                }
            }
            List<String> callable = picker.pick(campaign, idle, progress, dnc, now, idle.size()).picked().stream()
                    .map(Contact::id).toList();
            Optional<PreviewReservations.Reservation> r = reservations.take(agentId, callable, now);
            if (r.isPresent()) {
                LOG.info("campaign {}: contact {} reserved to agent {} until {}", campaign.id(),
                        r.get().contactId(), agentId, r.get().until());
                pauseAgent(agentId);
            } else {
                freeAgent(agentId);
            }
            return r.map(x -> record(contactsById.get(x.contactId()), x));
        });
    }

    private PreviewRecord record(Contact c, PreviewReservations.Reservation r) {
        ContactProgress p = progressOf(c.id());
        return new PreviewRecord(campaign.id(), c.id(), c.name(), c.phone(), c.customerId().orElse(0L), p.attempts(),
                p.lastOutcome().map(Enum::name).orElse(""), r.until());
    }

    /**
     * Dials the record the agent holds: the same do-not-call, hours, retry and dial-permission checks as every
     * campaign dial (a refusal is audited and fails with 409 and the reason), then the agent's phone, then (once the
     * agent answers) the customer through the campaign's trunk, bridged to the agent. Callable from any thread.
     */
    public Future<PreviewDialled> dialPreview(String contactId, String agentId) {
        return onContext(() -> {
            Contact c = contact(contactId);
            held(contactId, agentId);
            String phone = preview.agentPhones().get(agentId);
            if (phone == null) {
                throw new Refusal(409, "agentId: agent " + agentId + " has no phone in the ACD's settings");
            }
            Instant now = clock.instant();
            Optional<SkipReason> skip = Eligibility.check(campaign, c, progressOf(c.id()), doNotCall.get(), now);
            if (skip.isPresent()) {
                // an agent's request refused: written each time, whatever was audited before
                write(c, Optional.empty(), AuditEntry.Event.SKIPPED, skip.get().code() + ": preview dial by agent "
                        + agentId + " stopped at dial time", Optional.empty(), now);
                reservations.release(contactId);
                freeAgent(agentId);
                throw new Refusal(409, "contactId: not dialled: " + skip.get());
            }
            int own = linesInUse();
            if (own >= campaign.maxLines()) {
                throw new Refusal(409, "contactId: all " + campaign.maxLines() + " lines of the campaign are in use;"
                        + " try again");
            }
            DialDecision decision = permissions.check(new DialRequest(c.phone(), Optional.of(campaign.id()),
                    "preview:" + agentId, lines.inUse(), own, now));
            if (!decision.allowed()) {
                if (decision.reason() == DialDecision.Reason.GLOBAL_LINE_CAP
                        || decision.reason() == DialDecision.Reason.CAMPAIGN_LINE_CAP) {
                    throw new Refusal(409, "contactId: no free line: " + decision.detail() + "; try again");
                }
                refused++;
                ContactProgress p = progressOf(c.id());
                progress.put(c.id(), new ContactProgress(c.id(), p.attempts(), Optional.of(AttemptOutcome.FAILED),
                        Optional.empty(), Optional.empty(), true));
                write(c, Optional.empty(), AuditEntry.Event.REFUSED, decision.reason() + ": " + decision.detail()
                        + " (preview dial by agent " + agentId + ")", Optional.empty(), now);
                journal.progress(progress.get(c.id()));
                reservations.release(contactId);
                freeAgent(agentId);
                throw new Refusal(409, "contactId: refused: " + decision.reason() + ": " + decision.detail());
            }
            if (!lines.tryAcquire()) {
                throw new Refusal(409, "contactId: all " + lines.cap() + " lines of the server are in use; try again");
            }
            reservations.dialling(contactId, agentId);
            Attempt a = new Attempt(nextAttemptId++, c, now);
            a.preview = true;
            a.stage = Stage.AGENT_PHONE;
            a.agentId = agentId;
            attempts.put(a.id, a);
            String dialString = settings.dialString(decision.dialDigits());
            // the agent's leg carries no CC_NUMBER/CC_CAMPAIGN: the recorder opens the interaction on the customer's
            OriginateRequest ringAgent = new OriginateRequest(settings.server(), phone,
                    new OriginateRequest.DialplanTarget(HOLD_CONTEXT, "s", 1), settings.callerId(),
                    settings.ringTimeout(), Map.of(InteractionTracker.AGENT_VARIABLE, agentId));
            telephony.originate(ringAgent).onComplete(ar -> {
                if (ar.succeeded() && ar.result() instanceof OriginateResult.Answered) {
                    a.agentChannel = ((OriginateResult.Answered) ar.result()).channel();
                    dialCustomer(a, dialString, decision.numberClass().toString());
                } else {
                    String why = ar.succeeded() ? ar.result().toString() : String.valueOf(ar.cause().getMessage());
                    write(c, Optional.empty(), AuditEntry.Event.SKIPPED, "preview: agent " + agentId + "'s phone "
                            + phone + " did not answer (" + why + "): customer not dialled", Optional.empty(),
                            clock.instant());
                    a.stage = Stage.DONE;
                    closeLine(a);
                    forget(a);
                }
            });
            LOG.info("campaign {}: agent {} dials contact {} (attempt {}): ringing {}", campaign.id(), agentId,
                    contactId, a.id, phone);
            return new PreviewDialled(campaign.id(), contactId, a.id);
        });
    }

    private void dialCustomer(Attempt a, String dialString, String numberClass) {
        Contact c = a.contact;
        if (stopped) {
            telephony.hangup(settings.server(), a.agentChannel, 16);
            return;
        }
        a.stage = Stage.RINGING;
        dialled++;
        Instant now = clock.instant();
        write(c, Optional.of(a.id), AuditEntry.Event.DIALLED, dialString + " as " + numberClass + " (attempt "
                + (progressOf(c.id()).attempts() + 1) + ", preview by agent " + a.agentId + ")",
                Optional.ofNullable(a.agentChannel), now);
        journal.attempt(state(a));
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(InteractionTracker.NUMBER_VARIABLE, c.phone());
        c.customerId().ifPresent(id -> vars.put(InteractionTracker.CUSTOMER_VARIABLE, Long.toString(id)));
        vars.put(InteractionTracker.CAMPAIGN_VARIABLE, campaign.id());
        vars.put("CC_CONTACT", c.id());
        vars.put(ATTEMPT_VARIABLE, campaign.id() + ":" + a.id);
        // not CC_AGENT: that marks an agent's own phone leg, and this is the customer's
        vars.put("CC_PREVIEW_AGENT", a.agentId);
        OriginateRequest request = new OriginateRequest(settings.server(), dialString,
                new OriginateRequest.ApplicationTarget("Bridge", a.agentChannel), settings.callerId(),
                settings.ringTimeout(), vars);
        telephony.originate(request).onComplete(ar -> {
            if (ar.failed()) {
                closeLine(a);
                finish(a, AttemptOutcome.FAILED, "originate failed: " + ar.cause().getMessage());
            } else if (ar.result() instanceof OriginateResult.Failed) {
                onOriginated(a, ar.result());
            } else {
                OriginateResult.Answered answered = (OriginateResult.Answered) ar.result();
                a.channel = answered.channel();
                a.answeredAt = clock.instant();
                a.connectedAt = a.answeredAt;
                bind(a, answered.uniqueId());
                if (a.stage == Stage.RINGING) {
                    lookUpInteraction(a);
                    finish(a, AttemptOutcome.CONNECTED, "answered; bridged to agent " + a.agentId);
                }
            }
        });
    }

    /** The preview call is over (or never reached the customer): the agent's phone is hung up and the agent freed. */
    private void endPreview(Attempt a) {
        reservations.release(a.contact.id());
        if (a.agentChannel != null) {
            telephony.hangup(settings.server(), a.agentChannel, 16).onFailure(err -> LOG.debug(
                    "campaign {}: agent channel {} already gone: {}", campaign.id(), a.agentChannel,
                    err.getMessage()));
        }
        freeAgent(a.agentId);
    }

    /** The agent passes on the record they hold: it is offered again after an hour. Callable from any thread. */
    public Future<Void> skipPreview(String contactId, String agentId, String reason) {
        return onContext(() -> {
            Contact c = contact(contactId);
            held(contactId, agentId);
            Instant now = clock.instant();
            reservations.release(contactId);
            ContactProgress p = progressOf(contactId);
            Instant back = now.plus(SKIPPED_COMES_BACK_AFTER);
            progress.put(contactId, new ContactProgress(contactId, p.attempts(), p.lastOutcome(), Optional.of(back),
                    p.callbackAt(), p.finished()));
            journal.progress(progress.get(contactId));
            write(c, Optional.empty(), AuditEntry.Event.SKIPPED, "skipped by agent " + agentId
                    + (reason.isBlank() ? "" : ": " + reason) + "; offered again after " + back, Optional.empty(), now);
            freeAgent(agentId);
            return null;
        });
    }

    /**
     * Books a callback on a contact of this campaign: dialled (or, in preview, offered) first once due, not before.
     * Callable from any thread.
     */
    public Future<ContactProgress> callback(String contactId, Instant at, String byUser) {
        return onContext(() -> {
            Contact c = contact(contactId);
            ContactProgress next = progressOf(contactId).withCallback(at);
            progress.put(contactId, next);
            journal.progress(next);
            write(c, Optional.empty(), AuditEntry.Event.CALLBACK, "callback at " + at + " booked by " + byUser,
                    Optional.empty(), clock.instant());
            return next;
        });
    }

    /** An available agent who takes a preview record is paused in the ACD, so no inbound call is offered meanwhile. */
    private void pauseAgent(String agentId) {
        if (!preview.agentState().apply(agentId).map("available"::equals).orElse(false)) {
            return;
        }
        pausedForPreview.add(agentId);
        vertx.eventBus().request(Addresses.ACD_AGENT_CHANGE_STATE,
                new ChangeAgentState(agentId, "paused", "preview", "dialer")).onFailure(err -> {
                    pausedForPreview.remove(agentId);
                    LOG.warn("campaign {}: agent {} not paused for preview: {}", campaign.id(), agentId,
                            err.getMessage());
                });
    }

    /** The agent no longer holds a record: available again if the preview paused them. */
    private void freeAgent(String agentId) {
        if (agentId == null || !pausedForPreview.remove(agentId)) {
            return;
        }
        vertx.eventBus().request(Addresses.ACD_AGENT_CHANGE_STATE,
                new ChangeAgentState(agentId, "available", "", "dialer")).onFailure(err -> LOG.warn(
                        "campaign {}: agent {} not made available after preview: {}", campaign.id(), agentId,
                        err.getMessage()));
    }

    private void tick() {
        Instant now = clock.instant();
        if (draining) {
            drainIfIdle();
            return;
        }
        List<AgentView> campaignAgents = agents.now();
        for (AgentView v : campaignAgents) {
            if (v.activity() != AgentView.Activity.UNAVAILABLE) {
                agentSeconds += TICK.toMillis() / 1000.0;
            }
        }
        if (++ticksSinceAgentFlush >= AGENT_TIME_FLUSH_TICKS) {
            flushAgentTime(now);
        }
        for (PreviewReservations.Reservation r : reservations.expire(now)) {
            LOG.info("campaign {}: agent {} neither dialled nor skipped contact {} in time: it is free again",
                    campaign.id(), r.agentId(), r.contactId());
            freeAgent(r.agentId());
        }
        DoNotCallList dnc = doNotCall.get();
        List<Contact> idle = new ArrayList<>();
        boolean anyOpen = false;
        for (Contact c : settings.contacts()) {
            if (!inFlight(c.id())) {
                idle.add(c);
            }
            ContactProgress p = progressOf(c.id());
            // past the campaign's last day in the contact's zone the contact can never be dialled again; nor can one
            // whose zone is unknown (its skip is audited)
            if (!p.finished() && !dnc.blocks(c.phone()) && c.zoneKnown()
                    && !now.atZone(c.zone()).toLocalDate().isAfter(campaign.lastDay())) {
                anyOpen = true;
            }
        }
        // before the check below: the tick that finishes the campaign still audits its last skips; a preview
        // campaign's records nobody may be offered (do-not-call, outside hours...) are audited the same way
        skips.tick(idle, this::progressOf, dnc, now);
        if (!anyOpen && attempts.isEmpty()) {
            flushAgentTime(now);
            if (finished.tryComplete()) {
                LOG.info("campaign {} finished: {} dialled, {} refused", campaign.id(), dialled, refused);
            }
            return;
        }
        List<Double> ringing = new ArrayList<>();
        int waiting = 0;
        for (Attempt a : attempts.values()) {
            if (a.stage == Stage.RINGING) {
                ringing.add(Duration.between(a.placedAt, now).toMillis() / 1000.0);
            } else if (a.stage == Stage.WAITING_AGENT || a.stage == Stage.AMD || a.stage == Stage.MACHINE_TO_AGENT) {
                waiting++;
            }
        }
        PacingSnapshot snapshot = new PacingSnapshot(now, policy, campaignAgents, ringing, waiting,
                estimator.estimates(now), ledger.counts(now));
        int calls = pacer.callsToPlace(snapshot);
        if (calls <= 0) {
            return;
        }
        NextNumberPicker.Selection selection = picker.pick(campaign, idle, progress, dnc, now, calls);
        for (Contact c : selection.picked()) {
            dial(c, dnc, now);
        }
    }

    private boolean inFlight(String contactId) {
        for (Attempt a : attempts.values()) {
            if (a.contact.id().equals(contactId)) {
                return true;
            }
        }
        return false;
    }

    private ContactProgress progressOf(String contactId) {
        return progress.getOrDefault(contactId, ContactProgress.fresh(contactId));
    }

    private int linesInUse() {
        int n = 0;
        for (Attempt a : attempts.values()) {
            if (a.lineOpen) {
                n++;
            }
        }
        return n;
    }

    private void dial(Contact c, DoNotCallList dnc, Instant now) {
        Optional<SkipReason> skip = Eligibility.check(campaign, c, progressOf(c.id()), dnc, now);
        if (skip.isPresent()) {
            skips.atDialTime(c, progressOf(c.id()), skip.get(), "; stopped at dial time", now);
            return;
        }
        int own = linesInUse();
        if (own >= campaign.maxLines()) {
            LOG.debug("campaign {}: {} waits for a line: all {} of the campaign's lines in use", campaign.id(), c.id(),
                    campaign.maxLines());
            return;
        }
        DialDecision decision = permissions.check(new DialRequest(c.phone(), Optional.of(campaign.id()),
                "dialer:" + campaign.id(), lines.inUse(), own, now));
        if (!decision.allowed()) {
            if (decision.reason() == DialDecision.Reason.GLOBAL_LINE_CAP
                    || decision.reason() == DialDecision.Reason.CAMPAIGN_LINE_CAP) {
                LOG.debug("campaign {}: {} waits for a line: {}", campaign.id(), c.id(), decision.detail());
                return;
            }
            refused++;
            LOG.info("campaign {}: contact {} ({}) refused: {} ({})", campaign.id(), c.id(), c.phone(),
                    decision.reason(), decision.detail());
            ContactProgress p = progressOf(c.id());
            progress.put(c.id(), new ContactProgress(c.id(), p.attempts(), Optional.of(AttemptOutcome.FAILED),
                    Optional.empty(), Optional.empty(), true));
            write(c, Optional.empty(), AuditEntry.Event.REFUSED, decision.reason() + ": " + decision.detail(),
                    Optional.empty(), now);
            journal.progress(progress.get(c.id()));
            return;
        }
        if (!lines.tryAcquire()) {
            LOG.debug("campaign {}: {} waits for a line: all {} lines of the server in use", campaign.id(), c.id(),
                    lines.cap());
            return;
        }
        Attempt a = new Attempt(nextAttemptId++, c, now);
        attempts.put(a.id, a);
        dialled++;
        estimator.dialPlaced(a.id, now);
        String dialString = settings.dialString(decision.dialDigits());
        write(c, Optional.of(a.id), AuditEntry.Event.DIALLED, dialString + " as " + decision.numberClass()
                + " (attempt " + (progressOf(c.id()).attempts() + 1) + ")", Optional.empty(), now);
        journal.attempt(state(a));
        // number and customer before the campaign: core's recorder opens the call's interaction on CC_CAMPAIGN
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(InteractionTracker.NUMBER_VARIABLE, c.phone());
        c.customerId().ifPresent(id -> vars.put(InteractionTracker.CUSTOMER_VARIABLE, Long.toString(id)));
        vars.put(InteractionTracker.CAMPAIGN_VARIABLE, campaign.id());
        vars.put("CC_CONTACT", c.id());
        vars.put(ATTEMPT_VARIABLE, campaign.id() + ":" + a.id);
        vars.put("CC_MACHINE_ACTION", settings.machineAction().dialplanValue());
        vars.put("CC_MACHINE_MESSAGE", settings.machineMessage());
        vars.put("CC_ABANDON_MESSAGE", settings.abandonMessage());
        OriginateRequest request = new OriginateRequest(settings.server(), dialString,
                new OriginateRequest.DialplanTarget(CampaignSettings.DIALER_CONTEXT, "s", 1), settings.callerId(),
                settings.ringTimeout(), vars);
        telephony.originate(request).onComplete(ar -> {
            if (ar.failed()) {
                closeLine(a);
                finish(a, AttemptOutcome.FAILED, "originate failed: " + ar.cause().getMessage());
            } else {
                onOriginated(a, ar.result());
            }
        });
    }

    private void onOriginated(Attempt a, OriginateResult result) {
        if (result instanceof OriginateResult.Failed) {
            OriginateResult.Failed f = (OriginateResult.Failed) result;
            closeLine(a);
            AttemptOutcome outcome;
            switch (f.reason()) {
                case BUSY:
                    outcome = AttemptOutcome.BUSY;
                    break;
                case NO_ANSWER:
                case HANGUP:
                    outcome = AttemptOutcome.NO_ANSWER;
                    break;
                default:
                    outcome = AttemptOutcome.FAILED;
            }
            finish(a, outcome, f.reason() + (f.detail().isEmpty() ? "" : ": " + f.detail()));
            return;
        }
        OriginateResult.Answered answered = (OriginateResult.Answered) result;
        a.channel = answered.channel();
        a.answeredAt = clock.instant();
        bind(a, answered.uniqueId());
        if (a.stage == Stage.RINGING) {
            a.stage = Stage.AMD;
        }
        if (a.stage != Stage.DONE) {
            journal.attempt(state(a));
        }
    }

    private void bind(Attempt a, String uniqueId) {
        if (a.uniqueId != null) {
            return;
        }
        a.uniqueId = uniqueId;
        byUniqueId.put(uniqueId, a);
        String early = amdBeforeBound.remove(uniqueId);
        if (early != null) {
            onAmd(a, early);
        }
    }

    private void onCallEvent(CallEvent e) {
        String uid = e.leg().uniqueId();
        if (e instanceof CallEvent.VariableSet) {
            CallEvent.VariableSet v = (CallEvent.VariableSet) e;
            if (ATTEMPT_VARIABLE.equals(v.name()) && v.value().startsWith(campaign.id() + ":")) {
                Attempt a = attempts.get(parseId(v.value().substring(campaign.id().length() + 1)));
                if (a != null) {
                    if (a.channel == null) {
                        a.channel = e.leg().channelName();
                    }
                    bind(a, uid);
                }
            } else if ("AMDSTATUS".equals(v.name())) {
                Attempt a = byUniqueId.get(uid);
                if (a != null) {
                    onAmd(a, v.value());
                } else {
                    amdBeforeBound.put(uid, v.value());
                }
            }
        } else if (e instanceof CallEvent.CallHungUp) {
            amdBeforeBound.remove(uid);
            Attempt a = byUniqueId.get(uid);
            if (a != null) {
                closeLine(a);
                switch (a.stage) {
                    case RINGING:
                    case AMD:
                        finish(a, AttemptOutcome.NO_ANSWER, "customer hung up before AMD decided");
                        break;
                    case WAITING_AGENT:
                        finish(a, AttemptOutcome.ABANDONED, "customer hung up before an agent was offered the call");
                        break;
                    case MACHINE_TO_AGENT:
                        finish(a, AttemptOutcome.MACHINE, "machine hung up before an agent was offered the call");
                        break;
                    default:
                        journal.attempt(state(a));
                        forget(a);
                }
            }
        }
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void onAmd(Attempt a, String status) {
        if (a.stage != Stage.RINGING && a.stage != Stage.AMD) {
            return;
        }
        switch (status) {
            case "MACHINE":
                machineVerdicts++;
                a.amdFalsePositive = amd.isFalsePositive(machineVerdicts);
                if (a.amdFalsePositive) {
                    ledger.record(LiveOutcome.AMD_FALSE_POSITIVE, clock.instant());
                    estimator.liveOutcome(LiveOutcome.AMD_FALSE_POSITIVE, campaign.rule());
                }
                if (settings.machineAction() == MachineAction.AGENT) {
                    passMachineToAgent(a);
                    return;
                }
                finish(a, AttemptOutcome.MACHINE, "AMD MACHINE: " + settings.machineAction().dialplanValue()
                        + (a.amdFalsePositive ? " (counted as an AMD false positive)" : ""));
                return;
            case "HUMAN":
            case "NOTSURE":
                break;
            default:
                finish(a, AttemptOutcome.NO_ANSWER, "AMD " + status);
                return;
        }
        Instant now = clock.instant();
        estimator.answeredLive(a.id, a.answeredAt == null ? now : a.answeredAt);
        a.stage = Stage.WAITING_AGENT;
        a.abandonTimer = vertx.setTimer(settings.agentConnectLimit().toMillis(),
                id -> abandon(a, "no agent within " + settings.agentConnectLimit().toMillis() + " ms"));
        enqueue(a, now);
    }

    /**
     * The campaign passes machines to agents (to leave a personal message): the call waits on hold like a live one
     * (the dialplan sends it to cc-hold) but is no live answer for the regulator; without an agent in time it is
     * hung up, not given the abandon message.
     */
    private void passMachineToAgent(Attempt a) {
        Instant now = clock.instant();
        estimator.endedOtherwise(a.id, now);
        a.stage = Stage.MACHINE_TO_AGENT;
        a.abandonTimer = vertx.setTimer(settings.agentConnectLimit().toMillis(), id -> {
            if (a.stage == Stage.MACHINE_TO_AGENT) {
                finish(a, AttemptOutcome.MACHINE, "AMD MACHINE: no agent within "
                        + settings.agentConnectLimit().toMillis() + " ms; hung up");
                if (a.lineOpen) {
                    telephony.hangup(settings.server(), a.channel, 16).onFailure(err -> LOG.warn(
                            "campaign {}: could not hang up machine call {}: {}", campaign.id(), a.channel,
                            err.getMessage()));
                }
            }
        });
        enqueue(a, now);
    }

    private void enqueue(Attempt a, Instant now) {
        Map<String, String> data = AnsweredCallData.of(campaign.id(), a.contact, a.id, settings.recording());
        EnqueueCall enqueue = new EnqueueCall(a.uniqueId, a.channel, settings.queue(), DIALER_PRIORITY, "fa", data,
                now);
        vertx.eventBus().request(Addresses.ACD_CALL_ENQUEUE, enqueue,
                        new DeliveryOptions().setSendTimeout(settings.agentConnectLimit().toMillis()))
                .onFailure(err -> {
                    if (a.stage == Stage.MACHINE_TO_AGENT) {
                        vertx.cancelTimer(a.abandonTimer);
                        finish(a, AttemptOutcome.MACHINE, "AMD MACHINE: the ACD did not take the call: "
                                + err.getMessage());
                        if (a.lineOpen) {
                            telephony.hangup(settings.server(), a.channel, 16);
                        }
                    } else {
                        abandon(a, "the ACD did not take the call: " + err.getMessage());
                    }
                });
    }

    private void onOffered(CallOffered offered) {
        Attempt a = byUniqueId.get(offered.callerUniqueId());
        if (a == null || a.stage != Stage.WAITING_AGENT && a.stage != Stage.MACHINE_TO_AGENT) {
            return;
        }
        a.connectedAt = clock.instant();
        a.agentId = offered.agentId();
        findInteraction(a, offered);
        if (a.stage == Stage.MACHINE_TO_AGENT) {
            finish(a, AttemptOutcome.MACHINE, "AMD MACHINE: passed to agent " + offered.agentId());
        } else {
            finish(a, AttemptOutcome.CONNECTED, "offered to agent " + offered.agentId());
        }
    }

    /** The call's interaction record, so a disposition on it can mark the attempt converted. */
    private void findInteraction(Attempt a, CallOffered offered) {
        if (!offered.interactionId().isBlank()) {
            a.interactionId = offered.interactionId();
            return;
        }
        lookUpInteraction(a);
    }

    private void lookUpInteraction(Attempt a) {
        vertx.eventBus().<InteractionFound>request(Addresses.INTERACTION_FIND_BY_CHANNEL,
                new FindInteractionByChannel(a.uniqueId)).onComplete(ar -> {
                    if (ar.succeeded()) {
                        a.interactionId = ar.result().body().interaction().id();
                        journal.attempt(state(a));
                    } else {
                        LOG.warn("campaign {}: no interaction for attempt {} on {}: {}", campaign.id(), a.id,
                                a.channel, ar.cause().getMessage());
                    }
                });
    }

    private void abandon(Attempt a, String why) {
        if (a.stage != Stage.WAITING_AGENT) {
            return;
        }
        finish(a, AttemptOutcome.ABANDONED, why + "; abandon message played");
        if (a.lineOpen) {
            // marks the call for its interaction record (abandoned after the message); set before the redirect, on
            // the same control link, so the record has it before the caller can hang up
            telephony.setVariable(settings.server(), a.channel, InteractionTracker.ABANDONED_VARIABLE, "1")
                    .onFailure(err -> LOG.debug("campaign {}: {} not marked abandoned: {}", campaign.id(), a.channel,
                            err.getMessage()));
            telephony.redirect(settings.server(), a.channel, CampaignSettings.ABANDON_CONTEXT, "s", 1)
                    .onFailure(err -> LOG.warn("campaign {}: could not send {} to the abandon message: {}",
                            campaign.id(), a.channel, err.getMessage()));
        }
    }

    private void finish(Attempt a, AttemptOutcome outcome, String detail) {
        // once stopped (server shutting down) calls fail as the links close: that is no outcome of the contact's; the
        // attempt keeps its row without one and the contact is dialled again when the campaign resumes
        if (a.stage == Stage.DONE || stopped) {
            return;
        }
        boolean live = a.stage == Stage.WAITING_AGENT;
        boolean reachedEstimator = live || a.stage == Stage.MACHINE_TO_AGENT;
        a.stage = Stage.DONE;
        a.outcome = outcome;
        vertx.cancelTimer(a.abandonTimer);
        Instant now = clock.instant();
        if (a.preview) {
            // an agent was on the line before the customer was dialled: nothing for the pacer or the abandon ledger
            LOG.debug("campaign {}: preview attempt {} {}", campaign.id(), a.id, outcome);
        } else if (live) {
            LiveOutcome lo = outcome == AttemptOutcome.CONNECTED ? LiveOutcome.CONNECTED : LiveOutcome.ABANDONED;
            ledger.record(lo, now);
            estimator.liveOutcome(lo, campaign.rule());
        } else if (!reachedEstimator) {
            estimator.endedOtherwise(a.id, now);
        }
        ContactProgress next = progressOf(a.contact.id()).afterAttempt(outcome, now, campaign.retries());
        progress.put(a.contact.id(), next);
        journal.progress(next);
        journal.attempt(state(a));
        write(a.contact, Optional.of(a.id), AuditEntry.Event.valueOf(outcome.name()), detail
                + next.retryAt().map(t -> "; retry after " + t).orElse(next.finished() ? "; contact finished" : ""),
                Optional.ofNullable(a.channel), now);
        forget(a);
    }

    /** Drops an attempt once it is decided and its line is free. */
    private void forget(Attempt a) {
        if (a.stage == Stage.DONE && !a.lineOpen) {
            if (a.preview) {
                endPreview(a);
            }
            attempts.remove(a.id);
            if (a.uniqueId != null) {
                byUniqueId.remove(a.uniqueId);
            }
            drainIfIdle();
        }
    }

    /** The customer's line is down: the shared line is free again, and talk time is known. */
    private void closeLine(Attempt a) {
        if (!a.lineOpen) {
            return;
        }
        a.lineOpen = false;
        lines.release();
        if (a.answeredAt != null) {
            a.endedAt = clock.instant();
        }
    }

    private AttemptState state(Attempt a) {
        double talk = a.connectedAt != null && a.endedAt != null && a.outcome == AttemptOutcome.CONNECTED
                ? Math.max(0, Duration.between(a.connectedAt, a.endedAt).toMillis() / 1000.0) : 0;
        return new AttemptState(campaign.id(), a.id, a.contact.id(), a.contact.phone(), a.placedAt,
                Optional.ofNullable(a.answeredAt), Optional.ofNullable(a.connectedAt), Optional.ofNullable(a.endedAt),
                Optional.ofNullable(a.outcome), Optional.ofNullable(a.agentId), Optional.ofNullable(a.interactionId),
                talk, a.amdFalsePositive);
    }

    private void write(Contact c, Optional<Long> attemptId, AuditEntry.Event event, String detail,
                       Optional<String> channel, Instant at) {
        audit.record(new AuditEntry(campaign.id(), c.id(), attemptId, c.phone(), event, detail, channel, at))
                .onFailure(err -> LOG.error("campaign {}: audit of {} {} for contact {} not written: {}",
                        campaign.id(), event, detail, c.id(), err.getMessage()));
    }
}
