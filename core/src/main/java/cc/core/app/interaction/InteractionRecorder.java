package cc.core.app.interaction;

import cc.core.app.customer.CustomerStore;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.CustomerIdentified;
import cc.core.contract.DisposeInteraction;
import cc.core.contract.FindInteractionByChannel;
import cc.core.contract.InteractionFound;
import cc.core.contract.InteractionUpdated;
import cc.core.contract.IvrStepEntered;
import cc.core.contract.SurveyAnswered;
import cc.core.domain.call.CallEvent;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionTracker;
import cc.core.domain.interaction.IvrStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    private final Telephony telephony;
    private final InteractionStore store;
    private final InteractionTracker tracker;
    private final MeterRegistry metrics;
    private final CustomerStore customers;

    private final Map<String, Interaction> writing = new HashMap<>();
    private final Map<String, Interaction> waiting = new HashMap<>();
    private boolean storeFailing;
    private Counter writeFailures;

    /**
     * @param customers where callers are recognised by caller ID, so each call lands on its customer's timeline
     */
    public InteractionRecorder(Telephony telephony, InteractionStore store, CustomerStore customers,
                               InteractionTracker tracker, MeterRegistry metrics) {
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
        vertx.eventBus().<IvrStepEntered>consumer(Addresses.IVR_STEP_ENTERED, m -> {
            IvrStepEntered s = m.body();
            tracker.onIvrStep(s.uniqueId(), new IvrStep(s.node(), s.input(), s.at())).ifPresent(this::changed);
        });
        vertx.eventBus().<CustomerIdentified>consumer(Addresses.IVR_CUSTOMER_IDENTIFIED, m -> {
            CustomerIdentified c = m.body();
            tracker.onCustomerIdentified(c.uniqueId(), c.customerId(), c.at()).ifPresent(this::changed);
        });
        vertx.eventBus().<SurveyAnswered>consumer(Addresses.IVR_SURVEY_ANSWERED, m -> {
            SurveyAnswered s = m.body();
            tracker.onSurvey(s.uniqueId(), s.score(), s.at()).ifPresent(this::changed);
        });
        vertx.eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> {
            CallOffered o = m.body();
            tracker.onOfferedToAgent(o.callerUniqueId(), o.agentId(), o.queue(), o.at()).ifPresent(this::changed);
        });
        vertx.eventBus().<DisposeInteraction>consumer(Addresses.INTERACTION_DISPOSE, this::dispose);
        vertx.eventBus().<FindInteractionByChannel>consumer(Addresses.INTERACTION_FIND_BY_CHANNEL, m ->
                tracker.interactionOf(m.body().uniqueId()).ifPresentOrElse(
                        i -> m.reply(new InteractionFound(i)),
                        () -> m.fail(404, "no open interaction carries channel " + m.body().uniqueId())));
        return Future.succeededFuture();
    }

    /**
     * Saves an agent's disposition: on the open call, or on the stored record once the call has ended (taking the
     * newest version still waiting to be written, if any). Only the agent who took the call may dispose it.
     */
    private void dispose(Message<DisposeInteraction> message) {
        DisposeInteraction d = message.body();
        Interaction pending = waiting.getOrDefault(d.interactionId(), writing.get(d.interactionId()));
        Optional<Interaction> open = tracker.open().stream().filter(i -> i.id().equals(d.interactionId())).findFirst();
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
            if (i.agentId().isPresent() && !i.agentId().get().equals(d.agentId())) {
                message.fail(403, "interaction " + d.interactionId() + " belongs to another agent");
                return;
            }
            Interaction disposed = tracker.onDisposition(d.interactionId(), d.disposition(), d.notes())
                    .orElseGet(() -> i.withDisposition(d.disposition(), d.notes()));
            changed(disposed);
            message.reply(null);
        });
    }

    private void onCallEvent(CallEvent event) {
        long openedBefore = tracker.openedCount();
        tracker.on(event).ifPresent(i -> {
            changed(i);
            if (tracker.openedCount() > openedBefore && !i.callerNumber().isBlank()) {
                identify(i);
            }
        });
    }

    /** Looks the caller up by caller ID; a failed lookup leaves the call unidentified, it does not hold it up. */
    private void identify(Interaction opened) {
        customers.findByPhone(opened.callerNumber()).onComplete(r -> {
            if (r.succeeded()) {
                r.result().flatMap(c -> tracker.onCustomerFound(opened.id(), c.id())).ifPresent(this::changed);
            } else {
                log.warn("Caller {} of interaction {} not looked up: {}", opened.callerNumber(), opened.id(),
                        r.cause().getMessage());
            }
        });
    }

    private void changed(Interaction interaction) {
        if (writing.containsKey(interaction.id())) {
            waiting.put(interaction.id(), interaction);
        } else {
            write(interaction);
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
                    write(newer != null ? newer : interaction);
                });
            }
        });
    }
}
