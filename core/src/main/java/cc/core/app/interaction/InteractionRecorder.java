package cc.core.app.interaction;

import cc.core.app.customer.CustomerStore;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.AcdAddresses;
import cc.core.contract.CallQueueEntered;
import cc.core.contract.CallScoreRouted;
import cc.core.contract.CallQueueLeft;
import cc.core.contract.IvrInputGiven;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.IvrSessionStarted;
import cc.core.contract.OfferEnded;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.CallControlChanged;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.CallOffered;
import cc.core.contract.CustomerIdentified;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.IvrStepEntered;
import cc.core.contract.SurveyAnswered;
import cc.core.domain.call.CallEvent;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionTracker;
import cc.core.domain.interaction.IvrStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps every call's interaction record: runs the {@link InteractionTracker} on call events and IVR facts, and
 * writes each changed record to the store.
 *
 * <p>Threading: owns the tracker on its own context; telephony events are handed onto it in arrival order.
 * Writes for one interaction never overlap and never reorder: while one is in flight, later changes wait and
 * only the newest is written next. A failed write is retried until it succeeds, so no record is lost while the
 * database is away; the outage is logged once.
 */
public final class InteractionRecorder extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(InteractionRecorder.class);
    private static final long RETRY_MS = 1_000;
    /** The longest a change of a call in progress waits to be written with the changes after it. */
    static final long COALESCE_MS = 200;

    private final Telephony telephony;
    private final InteractionStore store;
    private final InteractionTracker tracker;
    private final MeterRegistry metrics;
    private final CustomerStore customers;
    private final RecordingOwnership ownership;

    private final Map<String, Interaction> writing = new HashMap<>();
    private final Map<String, Interaction> waiting = new HashMap<>();
    /** The number each open interaction's caller was last looked up by. */
    private final Map<String, String> lookedUp = new HashMap<>();
    /** Records written though this node does not record their server: dispositions saved through it. */
    private final Set<String> writtenUnowned = new HashSet<>();
    private boolean storeFailing;
    private Counter writeFailures;

    /**
     * @param customers where callers are recognised by caller ID, so each call lands on its customer's timeline
     */
    public InteractionRecorder(Telephony telephony, InteractionStore store, CustomerStore customers,
                               InteractionTracker tracker, MeterRegistry metrics) {
        this(telephony, store, customers, tracker, metrics, RecordingOwnership.everyServer());
    }

    /**
     * @param ownership which servers' calls this node writes (every server on one node); the tracker follows every
     *                  call either way, and with several nodes names interactions by call ({@code InteractionIds})
     */
    public InteractionRecorder(Telephony telephony, InteractionStore store, CustomerStore customers,
                               InteractionTracker tracker, MeterRegistry metrics, RecordingOwnership ownership) {
        this.ownership = ownership;
        this.telephony = telephony;
        this.store = store;
        this.customers = customers;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        FunctionCounter.builder("cc.interactions.opened", tracker, InteractionTracker::openedCount)
                .description("Interactions opened").register(metrics);
        FunctionCounter.builder("cc.interactions.ended", tracker, InteractionTracker::endedCount)
                .description("Interactions ended").register(metrics);
        FunctionCounter.builder("cc.interactions.ivr.facts.expired", tracker, InteractionTracker::expiredFacts)
                .description("IVR facts about channels that never appeared on the event stream").register(metrics);
        writeFailures = Counter.builder("cc.interactions.write.failures")
                .description("Interaction writes that failed and were retried").register(metrics);
        Gauge.builder("cc.interactions.open", tracker, t -> t.open().size())
                .description("Interactions in progress").register(metrics);
        Gauge.builder("cc.interactions.unwritten", this, r -> r.writing.size() + r.waiting.size())
                .description("Interactions with changes not yet stored").register(metrics);

        telephony.onCallEvent(e -> context.runOnContext(v -> onCallEvent(e)));
        Gauge.builder("cc.interactions.after-call", tracker, InteractionTracker::keptAfterCall)
                .description("Ended interactions kept for late facts, wrap-up and disposition").register(metrics);
        EventBus bus = vertx.eventBus();
        this.<IvrSessionStarted>onFact(Addresses.IVR_SESSION_STARTED, m -> {
            IvrSessionStarted s = m.body();
            tracker.onIvrStarted(s.uniqueId(), s.flow(), s.callerNumber(), s.callerName(), s.at())
                    .ifPresent(this::changed);
        });
        this.<IvrStepEntered>onFact(Addresses.IVR_STEP_ENTERED, m -> {
            IvrStepEntered s = m.body();
            tracker.onIvrStep(s.uniqueId(), new IvrStep(s.node(), "", s.at())).ifPresent(this::changed);
        });
        this.<IvrInputGiven>onFact(Addresses.IVR_INPUT_GIVEN, m -> {
            IvrInputGiven g = m.body();
            tracker.onIvrInput(g.uniqueId(), g.node(), g.input(), g.at()).ifPresent(this::changed);
        });
        this.<IvrSessionEnded>onFact(Addresses.IVR_SESSION_ENDED, m -> {
            IvrSessionEnded e = m.body();
            tracker.onIvrEnded(e.uniqueId(), e.flow(), e.outcome(), e.at()).ifPresent(this::changed);
        });
        this.<CallQueueEntered>onFact(Addresses.ACD_CALL_QUEUE_ENTERED, m -> {
            CallQueueEntered q = m.body();
            tracker.onQueueEntered(q.callId(), q.queue(), q.at()).ifPresent(this::changed);
        });
        this.<CallScoreRouted>onFact(AcdAddresses.CALL_SCORE_ROUTED, m -> {
            CallScoreRouted r = m.body();
            tracker.onScoreRouted(r.callId(), r.queue(), r.outcome(), r.detail(), r.at()).ifPresent(this::changed);
        });
        this.<CallQueueLeft>onFact(Addresses.ACD_CALL_QUEUE_LEFT, m -> {
            CallQueueLeft q = m.body();
            tracker.onQueueLeft(q.callId(), q.queue(), q.outcome(), q.detail(), q.at()).ifPresent(this::changed);
        });
        this.<OfferEnded>onFact(Addresses.ACD_OFFER_ENDED, m -> {
            OfferEnded o = m.body();
            tracker.onOfferEnded(o.callId(), o.agentId(), o.outcome(), o.detail(), o.agentLeg(), o.at())
                    .forEach(this::changed);
        });
        this.<AgentStateChanged>onFact(Addresses.ACD_AGENT_STATE_CHANGED, m -> {
            AgentStateChanged a = m.body();
            tracker.onAgentState(a.agentId(), a.state(), a.callId(), a.since()).forEach(this::changed);
        });
        this.<CustomerIdentified>onFact(Addresses.IVR_CUSTOMER_IDENTIFIED, m -> {
            CustomerIdentified c = m.body();
            tracker.onCustomerIdentified(c.uniqueId(), c.customerId(), c.at()).ifPresent(this::changed);
        });
        this.<SurveyAnswered>onFact(Addresses.IVR_SURVEY_ANSWERED, m -> {
            SurveyAnswered s = m.body();
            tracker.onSurvey(s.uniqueId(), s.score(), s.at()).ifPresent(this::changed);
        });
        this.<CallOffered>onFact(Addresses.ACD_CALL_OFFERED, m -> {
            CallOffered o = m.body();
            tracker.onOfferedToAgent(o.callerUniqueId(), o.agentId(), o.queue(), o.at()).ifPresent(this::changed);
        });
        this.<CallControlChanged>onFact(CallControlAddresses.CHANGED, m -> {
            CallControlChanged c = m.body();
            tracker.onCallControl(c.interactionId(), c.state(), c.agentId(), c.party(), c.at()).ifPresent(this::changed);
        });
        bus.<DisposeInteraction>consumer(Addresses.INTERACTION_DISPOSE, this::dispose);
        // a disposition saved through another node: that node stored it; this one keeps it on the call it follows
        bus.<DisposeInteraction>consumer(ClusterAddresses.fromPeers(Addresses.INTERACTION_DISPOSED), m -> {
            DisposeInteraction d = m.body();
            tracker.onDisposition(d.interactionId(), d.disposition(), d.notes()).ifPresent(this::changed);
        });
        bus.<FindInteractionByChannel>consumer(Addresses.INTERACTION_FIND_BY_CHANNEL, m ->
                tracker.interactionOf(m.body().uniqueId()).ifPresentOrElse(
                        i -> m.reply(new InteractionFound(i)),
                        () -> m.fail(404, "no open interaction carries channel " + m.body().uniqueId())));
        ownership.start(vertx, this::adopt, this::letGo);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        ownership.stop();
        return Future.succeededFuture();
    }

    /**
     * Hears a fact on its address and, with several nodes, the same fact published on another node (the IVR ran the
     * call there, or that node routes): every node's tracker follows every call whole, whichever node records it.
     */
    private <T> void onFact(String address, Handler<Message<T>> handler) {
        vertx.eventBus().<T>consumer(address, handler);
        vertx.eventBus().<T>consumer(ClusterAddresses.fromPeers(address), handler);
    }

    /**
     * This node now records the server's calls: it writes every record of that server it follows, the calls in
     * progress (which the old recorder may have left half-written) and those that ended within the after-call time
     * (perhaps while no node recorded). The ids are the call's, so each lands on the row the old recorder wrote.
     */
    private void adopt(String server) {
        List<Interaction> held = tracker.ofServer(server);
        long inProgress = held.stream().filter(i -> !i.isEnded()).count();
        log.info("Recording the calls of Asterisk server {}: {} in progress and {} ended lately adopted", server,
                inProgress, held.size() - inProgress);
        held.forEach(this::changed);
    }

    /**
     * Another node records the server's calls now: changes not yet written are dropped (the new recorder writes the
     * same calls from what it follows), so no stale version of a record reaches the database after the new one.
     */
    private void letGo(String server) {
        int dropped = 0;
        for (var it = waiting.values().iterator(); it.hasNext(); ) {
            Interaction i = it.next();
            if (i.server().equals(server) && !writtenUnowned.contains(i.id())) {
                it.remove();
                dropped++;
            }
        }
        log.warn("No longer recording the calls of Asterisk server {}; {} unwritten changes left to the new recorder",
                server, dropped);
    }

    /**
     * Saves an agent's disposition: on the call still followed here (in progress or in wrap-up), or on the stored
     * record later (taking the newest version still waiting to be written, if any). Only an agent who talked to the
     * customer may dispose it (for records from before segments were kept: the agent on the record); a call no agent
     * talked on, any agent.
     */
    private void dispose(Message<DisposeInteraction> message) {
        DisposeInteraction d = message.body();
        Interaction pending = waiting.getOrDefault(d.interactionId(), writing.get(d.interactionId()));
        Optional<Interaction> open = tracker.find(d.interactionId());
        Future<Optional<Interaction>> current = open.isPresent() ? Future.succeededFuture(open)
                : pending != null ? Future.succeededFuture(Optional.of(pending)) : store.find(d.interactionId());
        current.onComplete(r -> {
            if (r.failed()) {
                message.fail(500, "cannot read interaction " + d.interactionId() + ": " + r.cause().getMessage());
                return;
            }
            if (r.result().isEmpty()) {
                message.fail(404, "no interaction " + d.interactionId());
                return;
            }
            Interaction i = r.result().get();
            // a call no agent talked on (served by the IVR) belongs to no agent, as before segments
            boolean theirs = i.segmentsKept() && !i.handledBy().isEmpty() ? i.handledBy().contains(d.agentId())
                    : i.agentId().isEmpty() || i.agentId().get().equals(d.agentId());
            if (!theirs) {
                message.fail(403, "agent " + d.agentId() + " did not talk on interaction " + d.interactionId());
                return;
            }
            Interaction disposed = tracker.onDisposition(d.interactionId(), d.disposition(), d.notes())
                    .orElseGet(() -> i.withDisposition(d.disposition(), d.notes()));
            if (!ownership.records(disposed.server())) {
                // the agent's word is stored by the node that took it; the recording node gets it relayed
                writtenUnowned.add(disposed.id());
            }
            changed(disposed);
            vertx.eventBus().publish(Addresses.INTERACTION_DISPOSED, d);
            message.reply(null);
        });
    }

    private void onCallEvent(CallEvent event) {
        tracker.on(event).forEach(this::changed);
    }

    /**
     * Looks the caller up by caller ID once the number is known (it may come after the call's start, by
     * NewCallerid or from the IVR), again if Asterisk changes it before a customer is found. A failed lookup leaves
     * the call unidentified; it does not hold it up.
     */
    private void identifyIfNew(Interaction i) {
        if (i.customerId().isPresent() || i.callerNumber().isBlank() || i.isEnded()
                || i.direction() != Direction.INBOUND || i.callerNumber().equals(lookedUp.get(i.id()))) {
            if (i.isEnded()) {
                lookedUp.remove(i.id());
            }
            return;
        }
        String number = i.callerNumber();
        lookedUp.put(i.id(), number);
        customers.findByPhone(number).onComplete(r -> {
            if (r.succeeded()) {
                r.result().flatMap(c -> tracker.onCustomerFound(i.id(), c.id())).ifPresent(this::changed);
            } else {
                log.warn("Caller {} of interaction {} not looked up: {}", number, i.id(), r.cause().getMessage());
            }
        });
    }

    /**
     * Writes the change: an ended record at once (its lag to the database is what reports and the regulator wait
     * for), a call in progress at most every {@value #COALESCE_MS} ms (a call changes about ten times in its first
     * seconds; the screen-pop reads the open record from memory, not from the database).
     */
    private void changed(Interaction interaction) {
        identifyIfNew(interaction);
        String id = interaction.id();
        if (!ownership.records(interaction.server()) && !writtenUnowned.contains(id)) {
            // another node records this server's calls: nothing is queued, but this node's call control (which
            // learns a call's interaction id here) and dialer hear the change as on the recording node
            vertx.eventBus().publish(Addresses.INTERACTION_UPDATED, new InteractionUpdated(interaction));
            return;
        }
        boolean scheduled = waiting.containsKey(id);
        if (writing.containsKey(id) || !interaction.isEnded()) {
            waiting.put(id, interaction);
            if (!scheduled && !writing.containsKey(id)) {
                vertx.setTimer(COALESCE_MS, t -> flush(id));
            }
            return;
        }
        waiting.remove(id);
        write(interaction);
    }

    /** Writes the newest change of a record, unless a write of it is in flight (which writes it when it is done). */
    private void flush(String id) {
        if (!writing.containsKey(id)) {
            Interaction next = waiting.remove(id);
            if (next != null) {
                write(next);
            }
        }
    }

    private void write(Interaction interaction) {
        writing.put(interaction.id(), interaction);
        store.save(interaction).onComplete(r -> {
            if (r.succeeded()) {
                if (storeFailing) {
                    storeFailing = false;
                    log.info("Interaction store is writable again");
                }
                writing.remove(interaction.id());
                vertx.eventBus().publish(Addresses.INTERACTION_UPDATED, new InteractionUpdated(interaction));
                Interaction next = waiting.remove(interaction.id());
                if (next != null) {
                    write(next);
                } else {
                    writtenUnowned.remove(interaction.id());
                }
            } else {
                writeFailures.increment();
                if (!storeFailing) {
                    storeFailing = true;
                    log.error("Cannot store interaction records; retrying every {} ms until the store is back: {}",
                            RETRY_MS, r.cause().getMessage());
                }
                vertx.setTimer(RETRY_MS, t -> {
                    writing.remove(interaction.id());
                    Interaction newer = waiting.remove(interaction.id());
                    if (!ownership.records(interaction.server()) && !writtenUnowned.contains(interaction.id())) {
                        // the recording moved to another node meanwhile, which writes this call from what it follows
                        return;
                    }
                    write(newer != null ? newer : interaction);
                });
            }
        });
    }
}
