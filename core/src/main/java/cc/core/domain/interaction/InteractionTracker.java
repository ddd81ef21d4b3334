package cc.core.domain.interaction;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Turns call events, and what the IVR and the ACD report, into interaction records made of segments: one record per
 * customer call, from the customer's first channel to its hang-up and the agent's wrap-up after it.
 *
 * <p>A call that enters one of the inbound contexts opens an inbound interaction; the legs that start in that
 * context with the call's Linkedid (the trunk channel, or both halves of a Local channel) are the customer's side,
 * and the interaction ends when the leg that opened it hangs up. A campaign call of the dialer opens an outbound
 * interaction when its customer channel gets {@value #CAMPAIGN_VARIABLE} (set with the originate, right after the
 * channel's creation), with the number from {@value #NUMBER_VARIABLE} and the customer from
 * {@value #CUSTOMER_VARIABLE} set before it. Legs of other calls (agents' phones ringing) open nothing.
 *
 * <p>Who talked comes from the bridges, not from the ACD's bookkeeping: a talk segment begins when an agent's leg
 * (marked by {@value #AGENT_VARIABLE}, or named by the ACD when the agent answered) and the customer's side are in one
 * bridge, and ends when either leaves it. The IVR reports the flow and its nodes, the ACD the queue waits and each
 * agent's phone ringing; when the caller hangs up, whatever is still open is closed with what the hang-up means
 * (abandoned in the queue, left while the agent's phone rang...). Those closings are provisional: the IVR's and the
 * ACD's own word, which may arrive just after the hang-up on their separate paths, replaces them.
 *
 * <p>An ended interaction stays here for {@link #AFTER_CALL} (longer while its agent wraps up, at most
 * {@link #WRAP_UP_LIMIT}), so late reports, the wrap-up and the disposition land on it.
 *
 * <p>Pure and single-threaded: events in, changed records out; time is the events' time. The caller stores what is
 * returned.
 */
public final class InteractionTracker {
    /** The campaign of an outbound dialer call, on its customer channel. */
    public static final String CAMPAIGN_VARIABLE = "CC_CAMPAIGN";
    /** The customer's number on a dialer call's channel (set before {@link #CAMPAIGN_VARIABLE}). */
    public static final String NUMBER_VARIABLE = "CC_NUMBER";
    /** The CRM customer id on a dialer call's channel, when the contact has one (set before the campaign). */
    public static final String CUSTOMER_VARIABLE = "CC_CUSTOMER";
    /** On an agent's phone leg (set with the originate): the agent it rings. */
    public static final String AGENT_VARIABLE = "CC_AGENT";
    /**
     * On an agent's phone leg that is to call a customer (click-to-dial, an ACD callback), set with the originate: the
     * number it dials. Opens an outbound interaction on the agent's call; whoever the agent's leg is then bridged
     * with is the customer.
     */
    public static final String DIALLED_VARIABLE = "CC_DIALLED";
    /** Set (to 1) on a dialer call's customer channel as the dialer sends it to the abandon message. */
    public static final String ABANDONED_VARIABLE = "CC_ABANDONED";

    /** How long an ended interaction waits for late reports, its wrap-up and its disposition. */
    public static final Duration AFTER_CALL = Duration.ofMinutes(2);
    /** The longest a wrap-up keeps an ended interaction here. */
    public static final Duration WRAP_UP_LIMIT = Duration.ofHours(1);
    /** ACD agent state: wrapping up the call named in the change. */
    private static final String WRAP_UP_STATE = "wrap-up";

    private final Set<String> inboundContexts;
    private final InteractionIds ids;
    /** Number and customer variables of legs not (yet) in an interaction, until the campaign variable comes. */
    private final Map<LegKey, Map<String, String>> outboundFacts = new HashMap<>();

    /** The call of each open interaction, by the interaction's id (dispositions and reports name the id). */
    private final Map<String, CallKey> openById = new HashMap<>();
    /** Open interactions by call (server + Linkedid of the leg that opened it). */
    private final Map<CallKey, Interaction> byCall = new HashMap<>();
    /** Every live leg we know, by server and Uniqueid, to the call it belongs to now. */
    private final Map<LegKey, CallKey> legs = new HashMap<>();
    /** Live legs by Uniqueid alone: the IVR and the ACD know a channel's Uniqueid but not its server. */
    private final Map<String, LegKey> legsByUniqueId = new HashMap<>();
    /** The leg whose hang-up ends each open interaction. */
    private final Map<CallKey, LegKey> customerLeg = new HashMap<>();
    /**
     * The customer's side of each open interaction (the opening leg and its Local half), kept until the interaction
     * ends even when one of them hangs up first: the IVR and the ACD name the call by the half they run on.
     */
    private final Map<LegKey, CallKey> customerSide = new HashMap<>();
    private final Map<String, CallKey> customerSideByUniqueId = new HashMap<>();
    private final Map<CallKey, List<LegKey>> customerLegsOf = new HashMap<>();
    private final BridgeRoster bridges = new BridgeRoster();
    /** Agents' legs that call a customer themselves, to the interaction they opened. */
    private final Map<LegKey, CallKey> agentFirst = new HashMap<>();

    private final EndedInteractions ended = new EndedInteractions();
    /** The interaction each agent wraps up now. */
    private final Map<String, String> wrapUpOf = new HashMap<>();

    private final PendingFacts pending = new PendingFacts();
    private long openedCount;
    private long endedCount;
    private Instant latest = Instant.EPOCH;

    /**
     * @param inboundContexts dialplan contexts where customer calls arrive ({@code cc-inbound})
     * @param newId           interaction ids (a counter in tests)
     */
    public InteractionTracker(Set<String> inboundContexts, Supplier<String> newId) {
        this(inboundContexts, InteractionIds.from(newId));
    }

    /**
     * @param inboundContexts dialplan contexts where customer calls arrive ({@code cc-inbound})
     * @param ids             how an opened interaction is named (random on one node, by call with several)
     */
    public InteractionTracker(Set<String> inboundContexts, InteractionIds ids) {
        this.inboundContexts = Set.copyOf(inboundContexts);
        this.ids = ids;
    }

    // ------------------------------------------------------------------------------------------ call events

    /** Applies one call event; returns the interactions it changed (usually none or one). */
    public List<Interaction> on(CallEvent event) {
        Leg leg = event.leg();
        LegKey legKey = new LegKey(leg.server(), leg.uniqueId());
        CallKey callKey = new CallKey(leg.server(), leg.callId());
        advance(event.at());

        if (event instanceof CallEvent.CallStarted) {
            return onStarted((CallEvent.CallStarted) event, legKey, callKey);
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
            return onHungUp((CallEvent.CallHungUp) event, legKey, callKey, current);
        }
        if (event instanceof CallEvent.VariableSet) {
            return onVariable((CallEvent.VariableSet) event, legKey, callKey, current);
        }
        if (event instanceof CallEvent.LegsBridged) {
            return onBridged(legKey, ((CallEvent.LegsBridged) event).bridgeId(), event.at());
        }
        if (event instanceof CallEvent.LegUnbridged) {
            return onUnbridged(legKey, event.at());
        }
        if (current == null) {
            return List.of();
        }
        if (event instanceof CallEvent.CallerIdChanged) {
            CallEvent.CallerIdChanged c = (CallEvent.CallerIdChanged) event;
            // an outbound call's number is the one we dialled; its channel's caller ID is our own presentation
            if (current.direction() == Direction.INBOUND && callKey.equals(customerSide.get(legKey))) {
                return changed(callKey, current, current.withCallerId(c.callerNumber(), c.callerName()));
            }
            return List.of();
        }
        if (event instanceof CallEvent.CallAnswered && current.answeredAt().isEmpty()
                && callKey.equals(customerSide.get(legKey))) {
            return replace(callKey, current.answered(event.at()));
        }
        return List.of();
    }

    private List<Interaction> onStarted(CallEvent.CallStarted started, LegKey legKey, CallKey callKey) {
        track(legKey, callKey);
        Interaction current = byCall.get(callKey);
        boolean inbound = inboundContexts.contains(started.context());
        if (current == null && inbound) {
            current = Interaction.newCall(ids.idOf(legKey.server(), callKey.callId(), legKey.uniqueId()), Direction.INBOUND, legKey.server(), callKey.callId(),
                    started.callerNumber(), started.callerName(), started.dialedNumber(), started.at());
            customerLeg.put(callKey, legKey);
            openedCount++;
        }
        if (current == null) {
            return List.of();
        }
        if (inbound && current.direction() == Direction.INBOUND) {
            // the trunk's channel, or either half of a Local channel placed into the inbound context
            joinCustomerSide(legKey, callKey);
            current = current.withCallerId(started.callerNumber(), started.callerName());
        }
        for (UnaryOperator<Interaction> fact : pending.take(legKey.uniqueId())) {
            current = fact.apply(current);
        }
        return replace(callKey, current);
    }

    private List<Interaction> onHungUp(CallEvent.CallHungUp hungUp, LegKey legKey, CallKey callKey,
                                       Interaction current) {
        List<Interaction> out = new ArrayList<>(2);
        boolean isCustomer = customerSide.containsKey(legKey);
        String agent = bridges.agentOf(legKey);
        if (agent != null) {
            endTalks(legKey, agent, hungUp.at(), Segment.AGENT_HUNG_UP, out);
        } else if (isCustomer) {
            endTalksOfCustomer(legKey, hungUp.at(), out);
        }
        bridges.gone(legKey);
        agentFirst.remove(legKey);
        legs.remove(legKey);
        legsByUniqueId.remove(legKey.uniqueId(), legKey);
        outboundFacts.remove(legKey);
        if (current == null || !legKey.equals(customerLeg.get(callKey))) {
            return out;
        }
        current = byCall.get(callKey);
        Interaction ended = closeAtHangUp(current, hungUp.at()).ended(hungUp.at(), endCause(hungUp));
        byCall.remove(callKey);
        openById.remove(ended.id());
        customerLeg.remove(callKey);
        List<String> side = new ArrayList<>();
        for (LegKey l : customerLegsOf.getOrDefault(callKey, List.of())) {
            customerSide.remove(l);
            customerSideByUniqueId.remove(l.uniqueId(), callKey);
            side.add(l.uniqueId());
        }
        customerLegsOf.remove(callKey);
        endedCount++;
        keepAfterCall(ended, side, hungUp.at());
        out.removeIf(i -> i.id().equals(ended.id()));
        out.add(ended);
        return out;
    }

    private List<Interaction> onVariable(CallEvent.VariableSet v, LegKey legKey, CallKey callKey,
                                         Interaction current) {
        if (AGENT_VARIABLE.equals(v.name()) && !v.value().isBlank()) {
            bridges.markAgent(legKey, v.value());
            return startTalks(legKey);
        }
        if (current == null && DIALLED_VARIABLE.equals(v.name()) && !v.value().isBlank()) {
            return onAgentDials(legKey, callKey, v);
        }
        if (current == null) {
            return onOutboundVariable(legKey, callKey, v);
        }
        if ((NUMBER_VARIABLE.equals(v.name()) || CUSTOMER_VARIABLE.equals(v.name()))
                && current.direction() == Direction.OUTBOUND && callKey.equals(customerSide.get(legKey))) {
            // set with the originate in any order: the campaign may have opened the record before them
            return changed(callKey, current, withOutboundFact(current, v.name(), v.value()));
        }
        if (CAMPAIGN_VARIABLE.equals(v.name()) && current.direction() == Direction.OUTBOUND) {
            // the other half of the dialer's Local channel: the customer's side too
            joinCustomerSide(legKey, callKey);
            return List.of();
        }
        if (ABANDONED_VARIABLE.equals(v.name()) && callKey.equals(customerSide.get(legKey))
                && current.openSegments().stream().noneMatch(s -> s.kind() == SegmentKind.ABANDON_MESSAGE)) {
            Interaction next = current
                    .withSegments(s -> s.kind() == SegmentKind.QUEUE && s.isOpen()
                            ? s.ends(v.at(), Segment.ABANDONED, "abandon-message") : s)
                    .withSegment(Segment.begins(SegmentKind.ABANDON_MESSAGE, v.at(), "", "", ""));
            return replace(callKey, next);
        }
        return List.of();
    }

    private List<Interaction> onOutboundVariable(LegKey legKey, CallKey callKey, CallEvent.VariableSet v) {
        if (NUMBER_VARIABLE.equals(v.name()) || CUSTOMER_VARIABLE.equals(v.name())) {
            outboundFacts.computeIfAbsent(legKey, k -> new HashMap<>()).put(v.name(), v.value());
            return List.of();
        }
        if (!CAMPAIGN_VARIABLE.equals(v.name()) || v.value().isBlank()) {
            return List.of();
        }
        Map<String, String> facts = outboundFacts.getOrDefault(legKey, Map.of());
        outboundFacts.remove(legKey);
        String number = facts.getOrDefault(NUMBER_VARIABLE, "");
        Interaction opened = Interaction.newCall(ids.idOf(legKey.server(), callKey.callId(), legKey.uniqueId()), Direction.OUTBOUND, legKey.server(), callKey.callId(),
                number, "", number, v.at()).withCampaign(v.value());
        String customer = facts.getOrDefault(CUSTOMER_VARIABLE, "");
        if (customer.matches("[0-9]{1,18}")) {
            opened = opened.withCustomer(Long.parseLong(customer));
        }
        customerLeg.put(callKey, legKey);
        joinCustomerSide(legKey, callKey);
        openedCount++;
        for (UnaryOperator<Interaction> fact : pending.take(legKey.uniqueId())) {
            opened = fact.apply(opened);
        }
        return replace(callKey, opened);
    }

    /** An agent's phone calls a customer: the record is opened on the agent's call and ends with the agent's leg. */
    private List<Interaction> onAgentDials(LegKey legKey, CallKey callKey, CallEvent.VariableSet v) {
        Interaction opened = Interaction.newCall(ids.idOf(legKey.server(), callKey.callId(), legKey.uniqueId()), Direction.OUTBOUND, legKey.server(), callKey.callId(),
                v.value(), "", v.value(), v.at());
        customerLeg.put(callKey, legKey);
        agentFirst.put(legKey, callKey);
        openedCount++;
        for (UnaryOperator<Interaction> fact : pending.take(legKey.uniqueId())) {
            opened = fact.apply(opened);
        }
        List<Interaction> out = new ArrayList<>(replace(callKey, opened));
        for (Interaction talk : startTalks(legKey)) {
            out.removeIf(i -> i.id().equals(talk.id()));
            out.add(talk);
        }
        return out;
    }

    private static Interaction withOutboundFact(Interaction i, String name, String value) {
        if (NUMBER_VARIABLE.equals(name)) {
            return i.dialedNumber().isBlank() && !value.isBlank() ? i.withCallerId(value, "").withDialedNumber(value)
                    : i;
        }
        return i.customerId().isEmpty() && value.matches("[0-9]{1,18}") ? i.withCustomer(Long.parseLong(value)) : i;
    }

    // ------------------------------------------------------------------------------------------ bridges

    private List<Interaction> onBridged(LegKey legKey, String bridgeId, Instant at) {
        bridges.entered(legKey, bridgeId, at);
        return startTalks(legKey);
    }

    /** Opens a talk segment for every agent and customer this leg now shares a bridge with. */
    private List<Interaction> startTalks(LegKey legKey) {
        List<Interaction> out = new ArrayList<>(1);
        String agent = bridges.agentOf(legKey);
        (agentFirst.containsKey(legKey) ? Optional.of(legKey) : agentFirstLegOf(legKey))
                .ifPresent(this::joinDialledParty);
        CallKey customerOf = customerSide.get(legKey);
        for (BridgeRoster.Together t : bridges.with(legKey)) {
            if (agent != null && customerSide.containsKey(t.other())) {
                startTalk(customerSide.get(t.other()), agent, t.since(), out);
            } else if (customerOf != null && bridges.agentOf(t.other()) != null) {
                startTalk(customerOf, bridges.agentOf(t.other()), t.since(), out);
            }
        }
        return out;
    }

    /** The dialling agent's leg in one bridge with this leg, when this leg is the party an agent's call reached. */
    private Optional<LegKey> agentFirstLegOf(LegKey leg) {
        if (agentFirst.containsKey(leg) || bridges.agentOf(leg) != null) {
            return Optional.empty();
        }
        return bridges.with(leg).stream().map(BridgeRoster.Together::other).filter(agentFirst::containsKey)
                .findFirst();
    }

    /** The party an agent's own call reached is in the agent's bridge: it is the customer, and it answered. */
    private void joinDialledParty(LegKey agentLeg) {
        CallKey call = agentFirst.get(agentLeg);
        Interaction current = byCall.get(call);
        if (current == null) {
            return;
        }
        for (BridgeRoster.Together t : bridges.with(agentLeg)) {
            if (bridges.agentOf(t.other()) == null && !customerSide.containsKey(t.other())) {
                joinCustomerSide(t.other(), call);
                if (current.answeredAt().isEmpty()) {
                    byCall.put(call, current.answered(t.since()));
                }
            }
        }
    }

    private void startTalk(CallKey call, String agent, Instant since, List<Interaction> out) {
        Interaction current = byCall.get(call);
        if (current == null || current.openSegments().stream()
                .anyMatch(s -> s.kind() == SegmentKind.TALK && s.agentId().equals(agent))) {
            return;
        }
        Interaction next = current
                .withSegments(s -> !s.isOpen() ? s
                        : s.kind() == SegmentKind.OFFER && s.agentId().equals(agent) ? s.ends(since, Segment.ANSWERED, "")
                        : s.kind() == SegmentKind.QUEUE ? s.ends(since, Segment.ANSWERED, agent) : s)
                .withSegment(Segment.begins(SegmentKind.TALK, since, agent, current.queue().orElse(""), ""))
                .withAgent(agent);
        byCall.put(call, next);
        out.removeIf(i -> i.id().equals(next.id()));
        out.add(next);
    }

    private List<Interaction> onUnbridged(LegKey legKey, Instant at) {
        List<Interaction> out = new ArrayList<>(1);
        String agent = bridges.agentOf(legKey);
        if (agent != null) {
            endTalks(legKey, agent, at, Segment.AGENT_HUNG_UP, out);
        } else if (customerSide.containsKey(legKey)) {
            endTalksOfCustomer(legKey, at, out);
        }
        bridges.left(legKey);
        return out;
    }

    /** The agent's leg left: its talk with each customer in that bridge ends. */
    private void endTalks(LegKey agentLeg, String agent, Instant at, String outcome, List<Interaction> out) {
        for (BridgeRoster.Together t : bridges.with(agentLeg)) {
            CallKey call = customerSide.get(t.other());
            if (call != null) {
                endTalk(call, agent, at, outcome, out);
            }
        }
    }

    /** The customer's leg left: its talks with the agents in that bridge end. */
    private void endTalksOfCustomer(LegKey customer, Instant at, List<Interaction> out) {
        CallKey call = customerSide.get(customer);
        for (BridgeRoster.Together t : bridges.with(customer)) {
            String agent = bridges.agentOf(t.other());
            if (agent != null) {
                endTalk(call, agent, at, Segment.CALLER_HUNG_UP, out);
            }
        }
    }

    private void endTalk(CallKey call, String agent, Instant at, String outcome, List<Interaction> out) {
        Interaction current = byCall.get(call);
        if (current == null) {
            return;
        }
        Interaction next = current.withSegments(s -> s.isOpen() && s.kind() == SegmentKind.TALK
                && s.agentId().equals(agent) ? s.ends(at, outcome, "") : s);
        if (next != current) {
            byCall.put(call, next);
            out.removeIf(i -> i.id().equals(next.id()));
            out.add(next);
        }
    }

    // ------------------------------------------------------------------------------------------ IVR facts

    /**
     * The IVR began a session on the channel: opens the IVR segment; the caller ID the IVR was given fills the
     * record's when Asterisk's events have not (yet) carried one.
     */
    public Optional<Interaction> onIvrStarted(String uniqueId, String flow, String callerNumber, String callerName,
                                              Instant at) {
        return onChannel(uniqueId, at, i -> {
            Interaction next = i.isEnded() ? ivrStartedBeforeTheHangUp(i, flow, at)
                    : i.withSegment(Segment.begins(SegmentKind.IVR, at, "", "", flow));
            return i.direction() == Direction.INBOUND && i.callerNumber().isBlank()
                    ? next.withCallerId(callerNumber, callerName) : next;
        });
    }

    /**
     * The IVR's start reported after the caller's hang-up (the AMI hang-up and the IVR's report travel separate paths,
     * and a caller who hangs up in the first second often overtakes it): the session still ran, so it is a segment,
     * closed where the hang-up closed the call and open to the IVR's own closing report like any segment the hang-up
     * closed. A repeated report adds nothing.
     */
    private Interaction ivrStartedBeforeTheHangUp(Interaction i, String flow, Instant at) {
        Instant end = i.endedAt().orElseThrow();
        if (i.segments().stream().anyMatch(s -> s.kind() == SegmentKind.IVR && s.flow().equals(flow))) {
            return i;
        }
        Segment closed = Segment.begins(SegmentKind.IVR, at.isBefore(end) ? at : end, "", "", flow)
                .ends(end, hangUpOutcome(SegmentKind.IVR), "");
        ended.get(i.id()).ifPresent(kept -> kept.closedAtHangUp.add(closed));
        return i.withSegment(closed);
    }

    /**
     * Records an IVR node the caller on this channel entered. Empty when the channel is not known yet: the step is
     * then kept and applied when the channel's call starts.
     */
    public Optional<Interaction> onIvrStep(String uniqueId, IvrStep step) {
        return onChannel(uniqueId, step.at(), i -> i.withIvrStep(step));
    }

    /** Records the keys the caller pressed at an IVR node (on the node's most recent visit). */
    public Optional<Interaction> onIvrInput(String uniqueId, String node, String input, Instant at) {
        return onChannel(uniqueId, at, i -> i.withIvrInput(node, input));
    }

    /** The IVR session ended with the IVR's outcome ({@code completed}, {@code enqueued}, {@code caller-hung-up}...). */
    public Optional<Interaction> onIvrEnded(String uniqueId, String flow, String outcome, Instant at) {
        return onChannel(uniqueId, at, i -> closeReported(i, at, s -> s.kind() == SegmentKind.IVR
                && s.flow().equals(flow), outcome, ""));
    }

    /**
     * Call control's word on the call: hold, consultation, transfer and conference segments (see
     * {@link ControlSegments}).
     */
    public Optional<Interaction> onCallControl(String interactionId, String state, String agentId, String party,
                                               Instant at) {
        advance(at);
        return onInteraction(interactionId, i -> ControlSegments.apply(i, state, agentId, party, at));
    }

    /** Records the caller's post-call survey score. */
    public Optional<Interaction> onSurvey(String uniqueId, int score, Instant at) {
        return onChannel(uniqueId, at, i -> i.withSatisfaction(score));
    }

    /** Records the customer the caller on this channel was identified as. */
    public Optional<Interaction> onCustomerIdentified(String uniqueId, long customerId, Instant at) {
        return onChannel(uniqueId, at, i -> i.withCustomer(customerId));
    }

    // ------------------------------------------------------------------------------------------ ACD facts

    /** The caller joined a queue (from the IVR, the dialer, or an overflow from another queue). */
    public Optional<Interaction> onQueueEntered(String uniqueId, String queue, Instant at) {
        return onChannel(uniqueId, at, i -> i.isEnded() || i.openSegments().stream()
                .anyMatch(s -> s.kind() == SegmentKind.QUEUE && s.queue().equals(queue)) ? i
                : i.withSegment(Segment.begins(SegmentKind.QUEUE, at, "", queue, "")).withQueue(queue));
    }

    /**
     * The ACD's score rules acted on the caller at enqueue: a routing segment that starts and ends at once, with the
     * queue the caller went to, the outcome ({@code applied}, {@code unchanged}) and what the rules saw and did.
     */
    public Optional<Interaction> onScoreRouted(String uniqueId, String queue, String outcome, String detail,
                                               Instant at) {
        String kept = detail.length() > 400 ? detail.substring(0, 399) + "…" : detail;
        return onChannel(uniqueId, at, i -> i.isEnded() ? i
                : i.withSegment(new Segment(SegmentKind.ROUTING, at, Optional.of(at), "", queue, "", outcome, kept)));
    }

    /**
     * The caller left a queue: {@link Segment#ANSWERED}, {@link Segment#ABANDONED}, {@link Segment#OVERFLOW} (detail:
     * where to) or {@link Segment#CALLBACK}.
     */
    public Optional<Interaction> onQueueLeft(String uniqueId, String queue, String outcome, String detail,
                                             Instant at) {
        return onChannel(uniqueId, at, i -> closeReported(i, at, s -> s.kind() == SegmentKind.QUEUE
                && s.queue().equals(queue), outcome, detail));
    }

    /** An agent's phone started ringing with the call. */
    public Optional<Interaction> onOfferedToAgent(String uniqueId, String agentId, String queue, Instant at) {
        return onChannel(uniqueId, at, i -> i.isEnded() || i.openSegments().stream()
                .anyMatch(s -> s.kind() == SegmentKind.OFFER && s.agentId().equals(agentId)) ? i
                : i.withSegment(Segment.begins(SegmentKind.OFFER, at, agentId, queue, "")));
    }

    /**
     * The ACD's word on how an agent's ringing ended: {@link Segment#ANSWERED}, {@link Segment#NO_ANSWER},
     * {@link Segment#REFUSED}, {@link Segment#FAILED}, {@link Segment#CALLER_LEFT} or {@link Segment#CANCELLED}. On an
     * answer, the agent's leg (when the ACD knows it) is marked, so the bridge that follows (or came already) makes
     * the talk segment.
     */
    public List<Interaction> onOfferEnded(String uniqueId, String agentId, String outcome, String detail,
                                          String agentLegUniqueId, Instant at) {
        List<Interaction> out = new ArrayList<>(2);
        onChannel(uniqueId, at, i -> closeReported(i, at, s -> s.kind() == SegmentKind.OFFER
                && s.agentId().equals(agentId), outcome, detail)).ifPresent(out::add);
        LegKey agentLeg = agentLegUniqueId.isBlank() ? null : legsByUniqueId.get(agentLegUniqueId);
        if (Segment.ANSWERED.equals(outcome) && agentLeg != null && bridges.agentOf(agentLeg) == null) {
            bridges.markAgent(agentLeg, agentId);
            for (Interaction talk : startTalks(agentLeg)) {
                out.removeIf(i -> i.id().equals(talk.id()));
                out.add(talk);
            }
        }
        return out;
    }

    /**
     * An agent's state changed (as the ACD publishes it): entering wrap-up for a call opens the wrap-up segment on
     * that call's interaction; leaving wrap-up closes it.
     */
    public List<Interaction> onAgentState(String agentId, String state, String callId, Instant at) {
        advance(at);
        List<Interaction> out = new ArrayList<>(2);
        String wrapping = wrapUpOf.get(agentId);
        String target = WRAP_UP_STATE.equals(state) && !callId.isBlank() ? interactionIdOf(callId) : null;
        if (wrapping != null && !wrapping.equals(target)) {
            wrapUpOf.remove(agentId);
            onInteraction(wrapping, i -> i.withSegments(s -> s.isOpen() && s.kind() == SegmentKind.WRAP_UP
                    && s.agentId().equals(agentId) ? s.ends(at, Segment.ENDED, state) : s)).ifPresent(out::add);
            ended.keepUntil(wrapping, at.plus(AFTER_CALL));
        }
        if (target != null && !target.equals(wrapping)) {
            wrapUpOf.put(agentId, target);
            ended.keepUntil(target, at.plus(WRAP_UP_LIMIT));
            onInteraction(target, i -> i.withSegment(Segment.begins(SegmentKind.WRAP_UP, at, agentId, "", "")))
                    .ifPresent(out::add);
        }
        return out;
    }

    /** The id of the interaction (open, or ended and kept) of the call with this channel; null when none. */
    private String interactionIdOf(String uniqueId) {
        Optional<CallKey> open = interactionOfChannel(uniqueId);
        return open.isPresent() ? byCall.get(open.get()).id() : ended.idOfChannel(uniqueId);
    }

    // ------------------------------------------------------------------------------------------ agents, CRM

    /**
     * Records an agent's disposition and notes on an interaction still here (open, or ended and kept for its
     * wrap-up). Empty when it is not here: its owner applies the disposition to the stored record.
     */
    public Optional<Interaction> onDisposition(String interactionId, String code, String notes) {
        return onInteraction(interactionId, i -> i.withDisposition(code, notes));
    }

    /**
     * Records the customer of an interaction found by its caller ID; the first identification stands (a later one
     * by account number through the IVR is more precise and comes through {@link #onCustomerIdentified}).
     */
    public Optional<Interaction> onCustomerFound(String interactionId, long customerId) {
        return onInteraction(interactionId, i -> i.customerId().isPresent() ? i : i.withCustomer(customerId));
    }

    /** The interaction with this id, open or ended and still kept here. */
    public Optional<Interaction> find(String interactionId) {
        CallKey open = openById.get(interactionId);
        return open != null ? Optional.of(byCall.get(open)) : ended.get(interactionId).map(k -> k.interaction);
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
        return pending.expired();
    }

    /** The open interaction whose call carries the channel with this Uniqueid, on any server. */
    public Optional<Interaction> interactionOf(String uniqueId) {
        return interactionOfChannel(uniqueId).map(byCall::get);
    }

    /** Interactions still open (calls in progress). */
    public List<Interaction> open() {
        return List.copyOf(byCall.values());
    }

    /**
     * Every record of calls on one Asterisk server this tracker still holds: the calls in progress and those ended
     * within {@link #AFTER_CALL} (or still in wrap-up), newest state of each. A node that takes the recording of that
     * server over writes them all, so calls in progress and calls that ended while no node recorded are each stored.
     */
    public List<Interaction> ofServer(String server) {
        List<Interaction> out = new ArrayList<>();
        for (Interaction i : byCall.values()) {
            if (i.server().equals(server)) {
                out.add(i);
            }
        }
        out.addAll(ended.ofServer(server));
        return out;
    }

    /** Ended interactions kept for late facts and wrap-up. */
    public int keptAfterCall() {
        return ended.size();
    }

    /** Live legs tracked, for metrics. */
    public int liveLegs() {
        return legs.size();
    }

    // ------------------------------------------------------------------------------------------ inner workings

    /**
     * Closes, with the reporter's outcome, the open segment the reporter speaks of; or corrects the one the hang-up
     * closed before the report arrived. A segment closed by an earlier report stays as it was.
     */
    private Interaction closeReported(Interaction i, Instant at, java.util.function.Predicate<Segment> which,
                                      String outcome, String detail) {
        EndedInteractions.Kept kept = ended.get(i.id()).orElse(null);
        Set<Segment> provisional = kept == null ? Set.of() : kept.closedAtHangUp;
        Interaction next = i.withSegments(s -> {
            if (!which.test(s)) {
                return s;
            }
            if (s.isOpen()) {
                return s.ends(at, outcome, detail);
            }
            if (provisional.contains(s)) {
                Instant end = at.isBefore(s.endedAt().get()) ? at : s.endedAt().get();
                Segment corrected = new Segment(s.kind(), s.startedAt(), Optional.empty(), s.agentId(), s.queue(),
                        s.flow(), "", "").ends(end, outcome, detail);
                kept.closedAtHangUp.remove(s);
                return corrected;
            }
            return s;
        });
        if (next != i && kept != null) {
            kept.closedAtHangUp.removeIf(s -> !next.segments().contains(s));
        }
        return next;
    }

    /** What the caller's hang-up means for each segment still open. */
    private Interaction closeAtHangUp(Interaction i, Instant at) {
        return i.withSegments(s -> !s.isOpen() ? s : s.ends(at, hangUpOutcome(s.kind()), ""));
    }

    private static String hangUpOutcome(SegmentKind kind) {
        switch (kind) {
            case QUEUE:
                return Segment.ABANDONED;
            case OFFER:
                return Segment.CALLER_LEFT;
            case IVR:
            case TALK:
            case HOLD:
            case CONFERENCE:
                return Segment.CALLER_HUNG_UP;
            default:
                return Segment.ENDED;
        }
    }

    private void joinCustomerSide(LegKey leg, CallKey call) {
        if (customerSide.put(leg, call) == null) {
            customerLegsOf.computeIfAbsent(call, k -> new ArrayList<>(2)).add(leg);
        }
        customerSideByUniqueId.put(leg.uniqueId(), call);
    }

    private void keepAfterCall(Interaction done, List<String> customerUniqueIds, Instant at) {
        Set<Segment> closedNow = new HashSet<>();
        for (Segment s : done.segments()) {
            // the segments this hang-up just closed (still open a moment ago) may be corrected by late reports
            if (s.endedAt().equals(Optional.of(at)) && s.outcome().equals(hangUpOutcome(s.kind()))) {
                closedNow.add(s);
            }
        }
        ended.keep(done, customerUniqueIds, closedNow, at.plus(AFTER_CALL));
    }

    /** Moves event time on: lets go of kept interactions and pending facts whose time has passed. */
    private void advance(Instant now) {
        if (now.isAfter(latest)) {
            latest = now;
        }
        ended.expire(latest, id -> wrapUpOf.values().removeIf(id::equals));
        pending.expire(latest);
    }

    private Optional<Interaction> onChannel(String uniqueId, Instant at, UnaryOperator<Interaction> fact) {
        advance(at);
        Optional<CallKey> call = interactionOfChannel(uniqueId);
        if (call.isPresent()) {
            return only(replace(call.get(), fact.apply(byCall.get(call.get()))));
        }
        String endedId = ended.idOfChannel(uniqueId);
        if (endedId != null) {
            return onInteraction(endedId, fact);
        }
        if (!legsByUniqueId.containsKey(uniqueId) && !customerSideByUniqueId.containsKey(uniqueId)) {
            pending.add(uniqueId, fact, at);
        }
        return Optional.empty();
    }

    /** Applies a fact to an interaction still here; empty when it changed nothing or is not here. */
    private Optional<Interaction> onInteraction(String interactionId, UnaryOperator<Interaction> fact) {
        CallKey open = openById.get(interactionId);
        if (open != null) {
            return only(replace(open, fact.apply(byCall.get(open))));
        }
        EndedInteractions.Kept kept = ended.get(interactionId).orElse(null);
        if (kept == null) {
            return Optional.empty();
        }
        Interaction next = fact.apply(kept.interaction);
        if (next.equals(kept.interaction)) {
            return Optional.empty();
        }
        kept.interaction = next;
        return Optional.of(next);
    }

    private void track(LegKey leg, CallKey call) {
        legs.put(leg, call);
        legsByUniqueId.put(leg.uniqueId(), leg);
    }

    private Optional<CallKey> interactionOfChannel(String uniqueId) {
        CallKey call = customerSideByUniqueId.get(uniqueId);
        if (call == null) {
            LegKey leg = legsByUniqueId.get(uniqueId);
            call = leg == null ? null : legs.get(leg);
        }
        return call != null && byCall.containsKey(call) ? Optional.of(call) : Optional.empty();
    }

    private List<Interaction> changed(CallKey key, Interaction before, Interaction after) {
        return after == before ? List.of() : replace(key, after);
    }

    private List<Interaction> replace(CallKey key, Interaction next) {
        Interaction before = byCall.put(key, next);
        openById.put(next.id(), key);
        return next.equals(before) ? List.of() : List.of(next);
    }

    private static Optional<Interaction> only(List<Interaction> changes) {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(0));
    }

    private static String endCause(CallEvent.CallHungUp hungUp) {
        return hungUp.causeText().isBlank() ? "cause " + hungUp.cause() : hungUp.causeText();
    }

    private record CallKey(String server, String callId) {}

}
