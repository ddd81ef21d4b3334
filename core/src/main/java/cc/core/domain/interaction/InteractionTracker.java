package cc.core.domain.interaction;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns call events into interaction records: one per customer call, from the customer's first channel to its
 * hang-up, with the IVR path and survey answer attached by channel.
 *
 * <p>A call that enters one of the inbound contexts opens an inbound interaction; the leg that opened it is the
 * customer's leg, and the interaction ends when that leg hangs up. Other legs (the other half of a Local channel,
 * an agent's phone once bridged) join it through Asterisk's Linkedid, which Asterisk moves to the oldest call's id
 * when legs are bridged. A campaign call of the dialer opens an outbound interaction when its customer channel gets
 * {@value #CAMPAIGN_VARIABLE} (set with the originate, so it comes right after the channel's creation), with the
 * number from {@value #NUMBER_VARIABLE} and the customer from {@value #CUSTOMER_VARIABLE} set before it; so agents can
 * dispose dialer calls like any other. Legs of other calls (agent phones ringing) open nothing.
 *
 * <p>Pure and single-threaded: events in, changed records out. The caller stores what is returned.
 */
public final class InteractionTracker {
    /** The campaign of an outbound dialer call, on its customer channel. */
    public static final String CAMPAIGN_VARIABLE = "CC_CAMPAIGN";
    /** The customer's number on a dialer call's channel (set before {@link #CAMPAIGN_VARIABLE}). */
    public static final String NUMBER_VARIABLE = "CC_NUMBER";
    /** The CRM customer id on a dialer call's channel, when the contact has one (set before the campaign). */
    public static final String CUSTOMER_VARIABLE = "CC_CUSTOMER";

    private final Set<String> inboundContexts;
    private final Supplier<String> newId;
    /** Number and customer variables of legs not (yet) in an interaction, until the campaign variable comes. */
    private final Map<LegKey, Map<String, String>> outboundFacts = new HashMap<>();

    /** Open interactions by call (server + Linkedid). */
    private final Map<CallKey, Interaction> byCall = new HashMap<>();
    /** Every live leg we know, by server and Uniqueid, to the call it belongs to now. */
    private final Map<LegKey, CallKey> legs = new HashMap<>();
    /** Live legs by Uniqueid alone: the IVR knows a channel's Uniqueid but not its server. */
    private final Map<String, LegKey> legsByUniqueId = new HashMap<>();
    /** The customer leg of each open interaction. */
    private final Map<CallKey, LegKey> customerLeg = new HashMap<>();
    /**
     * IVR facts about channels not seen yet: the FastAGI session and the AMI event stream are separate sockets, so
     * the IVR may report a step before the channel's Newchannel has arrived. Kept until the channel shows up or
     * {@link #PENDING_LIMIT} has passed in event time.
     */
    private final Map<String, List<UnaryOperator<Interaction>>> pending = new HashMap<>();
    private final Map<String, Instant> pendingSince = new HashMap<>();
    private static final Duration PENDING_LIMIT = Duration.ofMinutes(2);
    private long expiredFacts;
    private long openedCount;
    private long endedCount;

    /**
     * @param inboundContexts dialplan contexts where customer calls arrive ({@code cc-inbound})
     * @param newId           interaction ids (random UUIDs in production, a counter in tests)
     */
    public InteractionTracker(Set<String> inboundContexts, Supplier<String> newId) {
        this.inboundContexts = Set.copyOf(inboundContexts);
        this.newId = newId;
    }

    /** Applies one call event; returns the interaction it changed, if any. */
    public Optional<Interaction> on(CallEvent event) {
        Leg leg = event.leg();
        LegKey legKey = new LegKey(leg.server(), leg.uniqueId());
        CallKey callKey = new CallKey(leg.server(), leg.callId());

        expirePending(event.at());
        if (event instanceof CallEvent.CallStarted) {
            CallEvent.CallStarted started = (CallEvent.CallStarted) event;
            track(legKey, callKey);
            Interaction current = byCall.get(callKey);
            if (current == null && inboundContexts.contains(started.context())) {
                current = Interaction.newCall(newId.get(), Direction.INBOUND, leg.server(),
                        leg.callId(), started.callerNumber(), started.dialedNumber(), started.at());
                customerLeg.put(callKey, legKey);
                openedCount++;
            }
            if (current == null) {
                return Optional.empty();
            }
            for (UnaryOperator<Interaction> fact : takePending(leg.uniqueId())) {
                current = fact.apply(current);
            }
            return replace(callKey, current);
        }

        // Bridging moves a leg's Linkedid to the older call's: follow it.
        CallKey known = legs.get(legKey);
        if (known == null || (!known.equals(callKey) && byCall.containsKey(callKey))) {
            track(legKey, callKey);
        } else {
            callKey = known;
        }
        Interaction current = byCall.get(callKey);

        if (event instanceof CallEvent.CallHungUp) {
            CallEvent.CallHungUp hungUp = (CallEvent.CallHungUp) event;
            legs.remove(legKey);
            legsByUniqueId.remove(legKey.uniqueId(), legKey);
            outboundFacts.remove(legKey);
            if (current != null && legKey.equals(customerLeg.get(callKey))) {
                Interaction ended = current.ended(hungUp.at(), endCause(hungUp));
                byCall.remove(callKey);
                customerLeg.remove(callKey);
                endedCount++;
                return Optional.of(ended);
            }
            return Optional.empty();
        }
        if (current == null && event instanceof CallEvent.VariableSet) {
            return onOutboundVariable(legKey, callKey, (CallEvent.VariableSet) event);
        }
        if (current == null) {
            return Optional.empty();
        }
        if (event instanceof CallEvent.CallAnswered && current.answeredAt().isEmpty()) {
            return replace(callKey, current.answered(event.at()));
        }
        return Optional.empty();
    }

    private Optional<Interaction> onOutboundVariable(LegKey legKey, CallKey callKey, CallEvent.VariableSet v) {
        if (NUMBER_VARIABLE.equals(v.name()) || CUSTOMER_VARIABLE.equals(v.name())) {
            outboundFacts.computeIfAbsent(legKey, k -> new HashMap<>()).put(v.name(), v.value());
            return Optional.empty();
        }
        if (!CAMPAIGN_VARIABLE.equals(v.name()) || v.value().isBlank()) {
            return Optional.empty();
        }
        Map<String, String> facts = outboundFacts.getOrDefault(legKey, Map.of());
        outboundFacts.remove(legKey);
        String number = facts.getOrDefault(NUMBER_VARIABLE, "");
        Interaction opened = Interaction.newCall(newId.get(), Direction.OUTBOUND, legKey.server(), callKey.callId(),
                number, number, v.at()).withCampaign(v.value());
        String customer = facts.getOrDefault(CUSTOMER_VARIABLE, "");
        if (customer.matches("[0-9]{1,18}")) {
            opened = opened.withCustomer(Long.parseLong(customer));
        }
        customerLeg.put(callKey, legKey);
        openedCount++;
        for (UnaryOperator<Interaction> fact : takePending(legKey.uniqueId())) {
            opened = fact.apply(opened);
        }
        return replace(callKey, opened);
    }

    /**
     * Records an IVR node the caller on this channel entered. Empty when the channel is not known yet: the step is
     * then kept and applied when the channel's call starts.
     */
    public Optional<Interaction> onIvrStep(String uniqueId, IvrStep step) {
        return onChannel(uniqueId, step.at(), i -> i.withIvrStep(step));
    }

    /** Records the caller's post-call survey score. */
    public Optional<Interaction> onSurvey(String uniqueId, int score, Instant at) {
        return onChannel(uniqueId, at, i -> i.withSatisfaction(score));
    }

    /** Records the queue the caller waits in. */
    public Optional<Interaction> onQueued(String uniqueId, String queue, Instant at) {
        return onChannel(uniqueId, at, i -> i.withQueue(queue));
    }

    /** Records the agent whose phone the call is ringing, and the queue it waited in; the last offer wins. */
    public Optional<Interaction> onOfferedToAgent(String uniqueId, String agentId, String queue, Instant at) {
        return onChannel(uniqueId, at, i -> {
            Interaction withAgent = i.withAgent(agentId);
            return queue.isBlank() ? withAgent : withAgent.withQueue(queue);
        });
    }

    /**
     * Records an agent's disposition and notes on an open interaction. Empty when the interaction is not open here
     * (it ended: its owner applies the disposition to the stored record).
     */
    public Optional<Interaction> onDisposition(String interactionId, String code, String notes) {
        for (Map.Entry<CallKey, Interaction> e : byCall.entrySet()) {
            if (e.getValue().id().equals(interactionId)) {
                return replace(e.getKey(), e.getValue().withDisposition(code, notes));
            }
        }
        return Optional.empty();
    }

    /** Records the customer the caller on this channel was identified as. */
    public Optional<Interaction> onCustomerIdentified(String uniqueId, long customerId, Instant at) {
        return onChannel(uniqueId, at, i -> i.withCustomer(customerId));
    }

    /**
     * Records the customer of an interaction found by its caller ID; the first identification stands (a later one
     * by account number through the IVR is more precise and comes through {@link #onCustomerIdentified}).
     */
    public Optional<Interaction> onCustomerFound(String interactionId, long customerId) {
        for (Map.Entry<CallKey, Interaction> e : byCall.entrySet()) {
            Interaction i = e.getValue();
            if (i.id().equals(interactionId) && i.customerId().isEmpty()) {
                return replace(e.getKey(), i.withCustomer(customerId));
            }
        }
        return Optional.empty();
    }

    /** Interactions opened since the tracker was made. */
    public long openedCount() {
        return openedCount;
    }

    /** Interactions ended since the tracker was made. */
    public long endedCount() {
        return endedCount;
    }

    /** Facts about channels that never showed up within the limit, and were dropped. */
    public long expiredFacts() {
        return expiredFacts;
    }

    private Optional<Interaction> onChannel(String uniqueId, Instant at, UnaryOperator<Interaction> fact) {
        Optional<CallKey> call = interactionOfChannel(uniqueId);
        if (call.isPresent()) {
            return replace(call.get(), fact.apply(byCall.get(call.get())));
        }
        if (!legsByUniqueId.containsKey(uniqueId)) {
            pending.computeIfAbsent(uniqueId, k -> new ArrayList<>()).add(fact);
            pendingSince.putIfAbsent(uniqueId, at);
        }
        return Optional.empty();
    }

    private List<UnaryOperator<Interaction>> takePending(String uniqueId) {
        pendingSince.remove(uniqueId);
        List<UnaryOperator<Interaction>> facts = pending.remove(uniqueId);
        return facts == null ? List.of() : facts;
    }

    private void expirePending(Instant now) {
        if (pendingSince.isEmpty()) {
            return;
        }
        for (Iterator<Map.Entry<String, Instant>> it = pendingSince.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().plus(PENDING_LIMIT).isBefore(now)) {
                expiredFacts += pending.remove(e.getKey()).size();
                it.remove();
            }
        }
    }

    /** The open interaction whose call carries the channel with this Uniqueid, on any server. */
    public Optional<Interaction> interactionOf(String uniqueId) {
        return interactionOfChannel(uniqueId).map(byCall::get);
    }

    /** Interactions still open (calls in progress). */
    public List<Interaction> open() {
        return List.copyOf(byCall.values());
    }

    /** Live legs tracked, for metrics. */
    public int liveLegs() {
        return legs.size();
    }

    private void track(LegKey leg, CallKey call) {
        legs.put(leg, call);
        legsByUniqueId.put(leg.uniqueId(), leg);
    }

    private Optional<CallKey> interactionOfChannel(String uniqueId) {
        LegKey leg = legsByUniqueId.get(uniqueId);
        CallKey call = leg == null ? null : legs.get(leg);
        return call != null && byCall.containsKey(call) ? Optional.of(call) : Optional.empty();
    }

    private Optional<Interaction> replace(CallKey key, Interaction next) {
        byCall.put(key, next);
        return Optional.of(next);
    }

    private static String endCause(CallEvent.CallHungUp hungUp) {
        return hungUp.causeText().isBlank() ? "cause " + hungUp.cause() : hungUp.causeText();
    }

    private record CallKey(String server, String callId) {}

    private record LegKey(String server, String uniqueId) {}
}
