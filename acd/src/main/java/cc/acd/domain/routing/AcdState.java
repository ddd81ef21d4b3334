package cc.acd.domain.routing;

import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.estimate.WaitCalibration;
import cc.acd.domain.media.MediaRouter;
import cc.acd.domain.media.MediaSettings;
import cc.acd.domain.estimate.WaitEstimator;
import cc.acd.domain.metrics.AgentMetrics;
import cc.acd.domain.metrics.IntervalSnapshot;
import cc.acd.domain.metrics.QueueMetrics;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRequirement;
import cc.acd.domain.routing.AcdCommand.AgentStateEntered;
import cc.acd.domain.routing.AcdCommand.AnnouncePosition;
import cc.acd.domain.routing.AcdCommand.CancelOffer;
import cc.acd.domain.routing.AcdCommand.EventRefused;
import cc.acd.domain.routing.AcdCommand.OfferCall;
import cc.acd.domain.routing.AcdCommand.Overflow;
import cc.acd.domain.routing.AcdCommand.OverflowReason;
import cc.acd.domain.routing.AcdCommand.PlaceCallback;
import cc.acd.domain.timer.TimerHeap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ACD: queues, agents and waiting callers, and the decision of which caller goes to which agent.
 *
 * <p>{@link #apply(AcdEvent)} takes one event and returns the commands it leads to. After every event the router
 * has offered every caller it can: no available agent stays idle while a caller that agent can take is waiting,
 * and a caller is never offered to two agents nor an agent given two callers.
 *
 * <p>The order of callers is one order across all queues: a caller's priority is worth
 * {@code priorityPointWorth} of waiting per point, so the caller with the earliest "virtual arrival"
 * ({@code enqueued - priority x priorityPointWorth}) is served first by any agent who can take it. Because every
 * caller ages at the same rate, this order never changes while callers wait, which is what lets each queue keep
 * its callers sorted once instead of re-sorting per decision; nobody starves, since waiting eventually outweighs
 * any fixed priority.
 *
 * <p>Available agents are indexed per queue in the queue's strategy order, and each agent keeps the queues it
 * serves, so a decision looks at one queue's available agents or one agent's queues, never at every agent times
 * every caller.
 *
 * <p>Deterministic and clock-free: time comes only from the events ({@link AcdEvent#at()}); an event earlier than
 * one already seen is taken as happening at the later time. The same events in the same order give the same
 * commands. The state is changed in place rather than copied per event (copying 2,000 agents per decision would
 * cost the throughput routing needs), so an instance has one owner: not thread-safe, confine it to one thread.
 */
public final class AcdState {
    private static final int K_RELAX = 0;
    private static final int K_WAIT_LIMIT = 1;
    private static final int K_CALLBACK_DUE = 2;
    private static final int K_ANNOUNCE = 3;
    private static final int K_WRAP_END = 4;

    private static final Comparator<Call> CALL_ORDER = (a, b) -> {
        int c = Long.compare(a.sortKey, b.sortKey);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    };

    private final long pointMillis;
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final Map<String, Integer> skillIndex = new HashMap<>();
    private final List<String> skillNames = new ArrayList<>();
    private final TimerHeap<Timer> timers = new TimerHeap<>();
    private final WaitCalibration calibration = new WaitCalibration();
    private long now;
    private long seq;
    private long offerSeq;
    private long intervalStart;
    private List<AcdCommand> out = new ArrayList<>();
    /** The chats and emails, routed beside the calls ({@link MediaRouter}). */
    private final MediaRouter media;

    /**
     * @param priorityPointWorth how much waiting one point of priority is worth (e.g. 30 s: a priority-10 caller is
     *                           served as if it had arrived 5 minutes earlier)
     * @param queueConfigs       the queues
     * @param profiles           the agents, all logged out
     * @param start              the time the router starts from (and the first metrics interval's start)
     */
    public AcdState(Duration priorityPointWorth, Collection<QueueConfig> queueConfigs,
                    Collection<AgentProfile> profiles, Instant start) {
        this(priorityPointWorth, queueConfigs, profiles, start, MediaSettings.DEFAULT);
    }

    /**
     * @param mediaSettings the agents' capacities per channel and the offer timeout of chats and emails
     */
    public AcdState(Duration priorityPointWorth, Collection<QueueConfig> queueConfigs,
                    Collection<AgentProfile> profiles, Instant start, MediaSettings mediaSettings) {
        if (priorityPointWorth.isNegative()) {
            throw new IllegalArgumentException("priorityPointWorth must not be negative");
        }
        this.pointMillis = priorityPointWorth.toMillis();
        this.now = start.toEpochMilli();
        this.intervalStart = now;
        for (QueueConfig q : queueConfigs) {
            if (queues.put(q.id(), new Queue(q)) != null) {
                throw new IllegalArgumentException("queue " + q.id() + " is configured twice");
            }
        }
        for (QueueConfig q : queueConfigs) {
            checkTarget(q, q.overflow());
            checkTarget(q, q.whenClosed());
        }
        for (AgentProfile p : profiles) {
            if (agents.containsKey(p.agentId())) {
                throw new IllegalArgumentException("agent " + p.agentId() + " is configured twice");
            }
            String unknown = unknownQueue(p);
            if (unknown != null) {
                throw new IllegalArgumentException("agent " + p.agentId() + " serves unknown queue " + unknown);
            }
            addAgent(p);
        }
        this.media = new MediaRouter(mediaSettings, priorityPointWorth, new MediaHost(), start);
        media.blockVoiceless(out);
        out = new ArrayList<>();
    }

    private void checkTarget(QueueConfig q, OverflowTarget t) {
        if (t instanceof OverflowTarget.ToQueue tq && !queues.containsKey(tq.queueId())) {
            throw new IllegalArgumentException("queue " + q.id() + " overflows to unknown queue " + tq.queueId());
        }
    }

    // ---------------------------------------------------------------------------------------------- events

    /**
     * Applies one event and returns the commands to carry out, in order. An event that does not fit the state (an
     * illegal agent request, an answer from an agent who was not offered the call...) changes nothing and returns
     * one {@link EventRefused}.
     *
     * @throws IllegalStateException only on a defect of the router itself (a transition it should never attempt)
     */
    public List<AcdCommand> apply(AcdEvent event) {
        out = new ArrayList<>(4);
        advanceTo(Math.max(now, event.at().toEpochMilli()));
        int mark = out.size();
        dispatch(event);
        offerMediaToChangedAgents(mark);
        List<AcdCommand> result = out;
        out = new ArrayList<>(0);
        return result;
    }

    private void dispatch(AcdEvent e) {
        if (e instanceof AcdEvent.CallArrived a) {
            callArrived(a);
        } else if (e instanceof AcdEvent.AgentAnswered a) {
            agentAnswered(a);
        } else if (e instanceof AcdEvent.CallEnded c) {
            callEnded(e, c.callId());
        } else if (e instanceof AcdEvent.WrapUpEnded w) {
            wrapUpEnded(w);
        } else if (e instanceof AcdEvent.CallAbandoned c) {
            callAbandoned(e, c.callId());
        } else if (e instanceof AcdEvent.RingNoAnswer r) {
            ringNoAnswer(r);
        } else if (e instanceof AcdEvent.RingFailed r) {
            ringFailed(r);
        } else if (e instanceof AcdEvent.AgentStateChanged s) {
            agentStateChanged(s);
        } else if (e instanceof AcdEvent.Tick) {
            return;
        } else if (e instanceof AcdEvent.CallbackRequested c) {
            callbackRequested(c);
        } else if (e instanceof AcdEvent.CallbackScheduled c) {
            callbackScheduled(c);
        } else if (e instanceof AcdEvent.CallbackDeclined d) {
            callbackDeclined(d);
        } else if (e instanceof AcdEvent.QueueHoursChanged h) {
            queueHoursChanged(h);
        } else if (e instanceof AcdEvent.QueueConfigured q) {
            queueConfigured(q);
        } else if (e instanceof AcdEvent.AgentProfileChanged p) {
            agentProfileChanged(p);
        } else if (e instanceof AcdEvent.MediaArrived m) {
            media.arrived(m, out);
        } else if (e instanceof AcdEvent.MediaAnswered m) {
            media.answered(m, out);
        } else if (e instanceof AcdEvent.MediaTransferred m) {
            media.transferred(m, out);
        } else if (e instanceof AcdEvent.MediaClosed m) {
            media.closed(m, out);
        } else if (e instanceof AcdEvent.MediaRestored m) {
            media.restored(m, out);
        } else {
            throw new IllegalArgumentException("unknown event " + e);
        }
    }

    private void callArrived(AcdEvent.CallArrived e) {
        Queue q = queues.get(e.queueId());
        if (q == null) {
            refuse(e, "unknown queue " + e.queueId());
            return;
        }
        if (calls.containsKey(e.callId())) {
            refuse(e, "call " + e.callId() + " is already in the ACD");
            return;
        }
        // an arrival earlier than now is a kept place (a confirmed click-to-talk request waits from its request time)
        Call c = new Call(e.callId(), ++seq, e.skills(), e.priority(), e.callbackNumber(),
                Math.min(now, e.at().toEpochMilli()));
        if (e.direct() != null) {
            Agent a = agents.get(e.direct().agentId());
            if (a == null) {
                refuse(e, "unknown agent " + e.direct().agentId());
                return;
            }
            if (a.state.status() != AgentStatus.AVAILABLE) {
                refuse(e, "agent " + a.id + " is not available (" + a.state.status().wireName() + ")");
                return;
            }
            if (a.voiceBlocked) {
                refuse(e, "agent " + a.id + " is busy with chats or emails");
                return;
            }
            c.onlyAgent = a.id;
            c.endIfNotAnswered = e.direct().endIfNotAnswered();
            // a consultation or conference ring is an agent's work on a call already counted, not a new caller
            c.counted = !c.endIfNotAnswered;
        }
        calls.put(c.id, c);
        enterQueue(c, q);
    }

    private void callbackScheduled(AcdEvent.CallbackScheduled e) {
        Queue q = queues.get(e.queueId());
        if (q == null) {
            refuse(e, "unknown queue " + e.queueId());
            return;
        }
        if (calls.containsKey(e.callId())) {
            refuse(e, "call " + e.callId() + " is already in the ACD");
            return;
        }
        if (e.number().isBlank()) {
            refuse(e, "a callback needs a number");
            return;
        }
        long due = Math.max(now, e.due().toEpochMilli());
        // a kept place (a click-to-talk request's time) orders it as if it had waited since then
        Call c = new Call(e.callId(), ++seq, e.skills(), e.priority(), e.number(),
                Math.min(due, e.keptPlaceSince().toEpochMilli()));
        c.virtual = true;
        c.queue = q;
        calls.put(c.id, c);
        if (due <= now) {
            place(c, q);
            tryMatchCall(c);
        } else {
            c.phase = CallPhase.SCHEDULED;
            schedule(due, K_CALLBACK_DUE, c, null, c.gen);
        }
    }

    private void callbackDeclined(AcdEvent.CallbackDeclined e) {
        Call c = calls.get(e.callId());
        if (c == null || !c.virtual || (c.phase != CallPhase.CONNECTED && c.phase != CallPhase.RESERVED)) {
            refuse(e, "call " + e.callId() + " is not a callback being placed");
            return;
        }
        if (c.phase == CallPhase.RESERVED) {
            callAbandoned(e, c.id);
            return;
        }
        Agent a = c.agent;
        removeCall(c);
        a.call = null;
        // no conversation took place: not a handled call, no handle time, no wrap-up
        a.handleQueue = null;
        a.callsHandled = Math.max(0, a.callsHandled - 1);
        makeAvailable(a);
    }

    private void callbackRequested(AcdEvent.CallbackRequested e) {
        Call c = calls.get(e.callId());
        if (c == null || c.phase != CallPhase.WAITING || c.virtual) {
            refuse(e, "call " + e.callId() + " is not a caller waiting on the line");
            return;
        }
        String number = e.number() == null || e.number().isBlank() ? c.number : e.number();
        if (number.isBlank()) {
            refuse(e, "no number to call " + e.callId() + " back on");
            return;
        }
        c.number = number;
        c.virtual = true;
        leaveLine(c);
    }

    private void agentAnswered(AcdEvent.AgentAnswered e) {
        Call c = calls.get(e.callId());
        Agent a = agents.get(e.agentId());
        if (c == null || a == null || c.agent != a || (c.phase != CallPhase.OFFERED && c.phase != CallPhase.RESERVED)) {
            refuse(e, "call " + e.callId() + " is not offered to agent " + e.agentId());
            return;
        }
        setStatus(a, AgentStatus.ON_CALL, "", c);
        c.phase = CallPhase.CONNECTED;
        leaveLine(c);
        Queue q = c.queue;
        long wait = now - c.queueEnteredAt;
        if (!c.virtual && c.counted) {
            q.answered++;
            q.answerWaitMillis += wait;
            if (wait <= q.cfg.serviceLevelThreshold().toMillis()) {
                q.answeredWithin++;
            }
            if (c.initialEstimate >= 0) {
                calibration.record(Duration.ofMillis(c.initialEstimate), Duration.ofMillis(wait));
            }
        }
        a.handleStart = now;
        a.handleQueue = q;
        a.callsHandled++;
    }

    private void callEnded(AcdEvent e, String callId) {
        Call c = calls.get(callId);
        if (c == null) {
            refuse(e, "call " + callId + " is not in the ACD");
            return;
        }
        if (c.phase != CallPhase.CONNECTED) {
            callAbandoned(e, callId);
            return;
        }
        Agent a = c.agent;
        Queue q = c.queue;
        removeCall(c);
        a.call = null;
        Duration wrap = q.cfg.wrapUp();
        if (wrap.isZero()) {
            finishHandling(a);
            makeAvailable(a);
        } else {
            setStatus(a, AgentStatus.WRAP_UP, "", c);
            schedule(now + wrap.toMillis(), K_WRAP_END, null, a, a.gen);
        }
    }

    private void wrapUpEnded(AcdEvent.WrapUpEnded e) {
        Agent a = agents.get(e.agentId());
        if (a == null || a.state.status() != AgentStatus.WRAP_UP) {
            refuse(e, "agent " + e.agentId() + " is not in wrap-up");
            return;
        }
        finishHandling(a);
        makeAvailable(a);
    }

    private void callAbandoned(AcdEvent e, String callId) {
        Call c = calls.get(callId);
        if (c == null) {
            refuse(e, "call " + callId + " is not in the ACD");
            return;
        }
        switch (c.phase) {
            case SCHEDULED -> removeCall(c);
            case WAITING -> {
                unqueue(c);
                if (!c.virtual && c.counted) {
                    c.queue.abandoned++;
                }
                removeCall(c);
            }
            case OFFERED, RESERVED -> {
                Agent a = c.agent;
                a.call = null;
                out.add(new CancelOffer(c.id, a.id));
                if (!c.virtual && c.counted) {
                    c.queue.abandoned++;
                }
                removeCall(c);
                makeAvailable(a);
            }
            case CONNECTED -> callEnded(e, callId);
        }
    }

    private void ringNoAnswer(AcdEvent.RingNoAnswer e) {
        Call c = calls.get(e.callId());
        Agent a = agents.get(e.agentId());
        if (c == null || a == null || c.agent != a || (c.phase != CallPhase.OFFERED && c.phase != CallPhase.RESERVED)) {
            refuse(e, "call " + e.callId() + " is not ringing agent " + e.agentId());
            return;
        }
        a.call = null;
        setStatus(a, AgentStatus.PAUSED, AgentState.RING_NO_ANSWER, null);
        returnToLine(c);
    }

    private void ringFailed(AcdEvent.RingFailed e) {
        Call c = calls.get(e.callId());
        Agent a = agents.get(e.agentId());
        if (c == null || a == null || c.agent != a || (c.phase != CallPhase.OFFERED && c.phase != CallPhase.RESERVED)) {
            refuse(e, "call " + e.callId() + " is not ringing agent " + e.agentId());
            return;
        }
        a.call = null;
        // the caller first, back at its place (another free agent may take it), then the agent free for the line
        returnToLine(c);
        makeAvailable(a);
    }

    private void agentStateChanged(AcdEvent.AgentStateChanged e) {
        Agent a = agents.get(e.agentId());
        if (a == null) {
            refuse(e, "unknown agent " + e.agentId());
            return;
        }
        AgentStatus from = a.state.status();
        AgentStatus to = e.target();
        if (!from.agentMayRequest(to)) {
            refuse(e, "agent " + a.id + " cannot move from " + from.wireName() + " to " + to.wireName());
            return;
        }
        if (to == AgentStatus.PAUSED && (e.reason() == null || e.reason().isBlank())) {
            refuse(e, "a pause needs a reason code");
            return;
        }
        Call held = null;
        if (from == AgentStatus.AVAILABLE) {
            leaveAvailable(a);
        }
        if (from == AgentStatus.RINGING || from == AgentStatus.RESERVED) {
            held = a.call;
            a.call = null;
            out.add(new CancelOffer(held.id, a.id));
        }
        if (from == AgentStatus.WRAP_UP) {
            finishHandling(a);
        }
        if (to == AgentStatus.AVAILABLE) {
            makeAvailable(a);
        } else {
            setStatus(a, to, e.reason(), null);
        }
        if (held != null) {
            returnToLine(held);
        }
    }

    private void queueHoursChanged(AcdEvent.QueueHoursChanged e) {
        Queue q = queues.get(e.queueId());
        if (q == null) {
            refuse(e, "unknown queue " + e.queueId());
            return;
        }
        q.cfg = q.cfg.withHours(e.open(), q.cfg.whenClosed());
    }

    private void queueConfigured(AcdEvent.QueueConfigured e) {
        QueueConfig cfg = e.config();
        for (OverflowTarget t : List.of(cfg.overflow(), cfg.whenClosed())) {
            if (t instanceof OverflowTarget.ToQueue tq && !queues.containsKey(tq.queueId())) {
                refuse(e, "queue " + cfg.id() + " overflows to unknown queue " + tq.queueId());
                return;
            }
        }
        Queue q = queues.get(cfg.id());
        if (q == null) {
            queues.put(cfg.id(), new Queue(cfg));
            return;
        }
        RoutingStrategy old = q.cfg.strategy();
        q.cfg = cfg;
        q.reqIdx = skillIndexes(cfg.requiredSkills());
        if (old != cfg.strategy()) {
            TreeSet<Slot> resorted = new TreeSet<>(slotOrder(cfg.strategy()));
            resorted.addAll(q.available);
            q.available = resorted;
        }
    }

    private void agentProfileChanged(AcdEvent.AgentProfileChanged e) {
        AgentProfile p = e.profile();
        String unknown = unknownQueue(p);
        if (unknown != null) {
            refuse(e, "agent " + p.agentId() + " serves unknown queue " + unknown);
            return;
        }
        Agent a = agents.get(p.agentId());
        if (a == null) {
            addAgent(p);
            return;
        }
        boolean available = a.state.status() == AgentStatus.AVAILABLE;
        boolean staffed = a.state.status().isStaffed();
        if (available) {
            leaveAvailable(a);
        }
        if (staffed) {
            for (Slot s : a.slots) {
                s.queue.staffed--;
            }
        }
        Map<Queue, Slot> old = new HashMap<>();
        for (Slot s : a.slots) {
            old.put(s.queue, s);
        }
        a.profile = p;
        a.levels = levels(p);
        a.slots = new Slot[p.queues().size()];
        for (int i = 0; i < a.slots.length; i++) {
            Queue q = queues.get(p.queues().get(i));
            a.slots[i] = old.getOrDefault(q, new Slot(a, q));
        }
        if (staffed) {
            for (Slot s : a.slots) {
                s.queue.staffed++;
            }
        }
        if (available) {
            becomeRoutable(a);
        }
    }

    // --------------------------------------------------------------------------------------------- routing

    /** Puts a caller into a queue, unless the queue is closed or full, then offers it if an agent can take it. */
    private void enterQueue(Call c, Queue q) {
        c.visited.add(q.cfg.id());
        if (c.counted) {
            q.offered++;
        }
        if (!q.cfg.open()) {
            overflow(c, q, q.cfg.whenClosed(), OverflowReason.QUEUE_CLOSED);
            return;
        }
        if (!c.virtual && q.cfg.maxWaiting() > 0 && q.live >= q.cfg.maxWaiting()) {
            overflow(c, q, q.cfg.overflow(), OverflowReason.QUEUE_FULL);
            return;
        }
        place(c, q);
        tryMatchCall(c);
        if (c.phase == CallPhase.WAITING && !c.virtual) {
            announce(c);
            if (!q.cfg.announceEvery().isZero()) {
                schedule(now + q.cfg.announceEvery().toMillis(), K_ANNOUNCE, c, null, c.gen);
            }
        }
    }

    /** Inserts the caller in the queue's line and starts its timers. */
    private void place(Call c, Queue q) {
        c.queue = q;
        c.gen++;
        c.queueEnteredAt = now;
        c.relaxSteps = 0;
        c.limitPassed = false;
        c.initialEstimate = -1;
        int[] own = skillIndexes(c.ownSkills);
        int n = c.ownSkills.size() + q.cfg.requiredSkills().size();
        c.skillIdx = new int[n];
        c.minLevel = new int[n];
        int maxLevel = 0;
        for (int i = 0; i < c.ownSkills.size(); i++) {
            c.skillIdx[i] = own[i];
            c.minLevel[i] = c.ownSkills.get(i).minLevel();
            maxLevel = Math.max(maxLevel, c.minLevel[i]);
        }
        for (int i = 0; i < q.cfg.requiredSkills().size(); i++) {
            int j = c.ownSkills.size() + i;
            c.skillIdx[j] = q.reqIdx[i];
            c.minLevel[j] = q.cfg.requiredSkills().get(i).minLevel();
            maxLevel = Math.max(maxLevel, c.minLevel[j]);
        }
        c.relaxUseful = q.cfg.relaxation().usefulSteps(maxLevel);
        c.priority = c.basePriority + q.cfg.priorityBoost();
        c.sortKey = c.enqueuedAt - c.priority * pointMillis;
        c.phase = CallPhase.WAITING;
        joinLine(c, q);
        if (!c.virtual) {
            q.live++;
            c.onLine = true;
        }
        if (c.relaxUseful > 0) {
            schedule(now + q.cfg.relaxation().every().toMillis(), K_RELAX, c, null, c.gen);
        }
        if (!c.virtual && !q.cfg.waitLimit().isZero()) {
            schedule(now + q.cfg.waitLimit().toMillis(), K_WAIT_LIMIT, c, null, c.gen);
        }
    }

    private void overflow(Call c, Queue from, OverflowTarget target, OverflowReason reason) {
        OverflowTarget t = target;
        if (t instanceof OverflowTarget.ToQueue tq
                && (!queues.containsKey(tq.queueId()) || c.visited.contains(tq.queueId()))) {
            t = new OverflowTarget.ToVoicemail(from.cfg.id());
        } else if (t instanceof OverflowTarget.ToCallback && c.number.isBlank()) {
            t = new OverflowTarget.ToVoicemail(from.cfg.id());
        }
        from.overflowed++;
        out.add(new Overflow(c.id, from.cfg.id(), t, reason));
        if (t instanceof OverflowTarget.ToCallback) {
            if (c.phase == CallPhase.WAITING && c.queue == from) {
                c.virtual = true;
                leaveLine(c);
            } else {
                c.virtual = true;
                place(c, from);
                tryMatchCall(c);
            }
            return;
        }
        if (c.phase == CallPhase.WAITING && c.queue == from) {
            unqueue(c);
        }
        leaveLine(c);
        if (t instanceof OverflowTarget.ToQueue tq) {
            enterQueue(c, queues.get(tq.queueId()));
        } else {
            removeCall(c);
        }
    }

    /** A caller whose offer failed goes back to its place in line and on to the next agent. */
    private void returnToLine(Call c) {
        if (c.onlyAgent != null) {
            if (c.endIfNotAnswered) {
                // a consultation the agent did not take: nobody else may, and the caller is still served
                c.agent = null;
                removeCall(c);
                return;
            }
            c.onlyAgent = null;
        }
        c.agent = null;
        c.phase = CallPhase.WAITING;
        joinLine(c, c.queue);
        tryMatchCall(c);
        if (c.phase == CallPhase.WAITING && c.limitPassed && !c.virtual) {
            overflow(c, c.queue, c.queue.cfg.overflow(), OverflowReason.WAIT_LIMIT);
        }
    }

    private void tryMatchCall(Call c) {
        Agent a = bestAgentFor(c);
        if (a != null) {
            offer(c, a);
        }
    }

    /** The queue's strategy picks among its available agents who have the caller's skills. */
    private Agent bestAgentFor(Call c) {
        if (c.onlyAgent != null) {
            Agent only = agents.get(c.onlyAgent);
            return only != null && only.state.status() == AgentStatus.AVAILABLE && !only.voiceBlocked ? only : null;
        }
        Queue q = c.queue;
        RoutingStrategy strategy = q.cfg.strategy();
        if (!strategy.dependsOnCaller()) {
            for (Slot s : q.available) {
                if (canTake(s.agent, c)) {
                    return s.agent;
                }
            }
            return null;
        }
        int maxScore = AgentProfile.MAX_LEVEL * c.skillIdx.length;
        Agent best = null;
        RoutingStrategy.Rank bestRank = null;
        for (Slot s : q.available) {
            Agent a = s.agent;
            if (!canTake(a, c)) {
                continue;
            }
            int score = 0;
            for (int idx : c.skillIdx) {
                score += a.level(idx);
            }
            RoutingStrategy.Rank r = new RoutingStrategy.Rank(a.ordinal, a.idleSince, a.busyMillis, s.lastOffered,
                    score);
            if (best == null || strategy.compare(r, bestRank) < 0) {
                best = a;
                bestRank = r;
            }
            if (score == maxScore) {
                break;
            }
        }
        return best;
    }

    /** The first caller in the one fair order across the agent's queues that the agent can take. */
    private Call bestCallFor(Agent a) {
        Call best = null;
        for (Slot s : a.slots) {
            for (Call c : s.queue.waiting) {
                if (best != null && CALL_ORDER.compare(c, best) >= 0) {
                    break;
                }
                if (canTake(a, c)) {
                    best = c;
                    break;
                }
            }
        }
        return best;
    }

    private boolean canTake(Agent a, Call c) {
        if (c.onlyAgent != null && !c.onlyAgent.equals(a.id)) {
            return false;
        }
        var relax = c.queue.cfg.relaxation();
        for (int i = 0; i < c.skillIdx.length; i++) {
            if (a.level(c.skillIdx[i]) < relax.relaxed(c.minLevel[i], c.relaxSteps)) {
                return false;
            }
        }
        return true;
    }

    private void offer(Call c, Agent a) {
        Queue q = c.queue;
        if (now > c.lineSince && c.counted) {
            // only a caller who waited measures how fast the line moves (one taken on arrival waited no time)
            q.estimator.takenFromLine(now);
        }
        unqueue(c);
        leaveAvailable(a);
        for (Slot s : a.slots) {
            if (s.queue == q) {
                s.lastOffered = ++offerSeq;
            }
        }
        c.agent = a;
        a.call = c;
        if (c.virtual) {
            c.phase = CallPhase.RESERVED;
            setStatus(a, AgentStatus.RESERVED, "", c);
            out.add(new PlaceCallback(c.id, a.id, q.cfg.id(), c.number));
        } else {
            c.phase = CallPhase.OFFERED;
            setStatus(a, AgentStatus.RINGING, "", c);
            out.add(new OfferCall(c.id, a.id, q.cfg.id()));
        }
    }

    private void announce(Call c) {
        Queue q = c.queue;
        int position = q.waiting.headSet(c).size() + 1;
        Optional<Duration> estimate = q.estimator.estimate(position, q.staffed, now);
        if (c.initialEstimate < 0 && estimate.isPresent()) {
            c.initialEstimate = estimate.get().toMillis();
        }
        out.add(new AnnouncePosition(c.id, q.cfg.id(), position, estimate));
    }

    // ------------------------------------------------------------------------------------- agent bookkeeping

    private void setStatus(Agent a, AgentStatus to, String reason, Call c) {
        account(a, now);
        AgentStatus from = a.state.status();
        a.state = a.state.moveTo(to, reason, Instant.ofEpochMilli(now), c == null ? "" : c.id);
        if (from.isStaffed() != to.isStaffed()) {
            int delta = to.isStaffed() ? 1 : -1;
            for (Slot s : a.slots) {
                s.queue.staffed += delta;
            }
        }
        a.gen++;
        out.add(new AgentStateEntered(a.id, a.state));
    }

    private void makeAvailable(Agent a) {
        if (a.state.status() == AgentStatus.LOGGED_OUT) {
            a.busyMillis = 0;
        }
        setStatus(a, AgentStatus.AVAILABLE, "", null);
        a.idleSince = now;
        becomeRoutable(a);
    }

    /**
     * An available agent takes the first waiting caller it can, or else joins its queues' index of available agents.
     * The same as joining the index and then matching (the match reads the lines, not the index, and an offer takes
     * the agent out again), without the insertions and removals: when lines form, every agent freed takes a caller.
     */
    private void becomeRoutable(Agent a) {
        if (a.voiceBlocked) {
            return;
        }
        Call c = bestCallFor(a);
        if (c != null) {
            offer(c, a);
        } else {
            enterAvailable(a);
        }
    }

    private void enterAvailable(Agent a) {
        if (a.voiceBlocked) {
            return;
        }
        a.indexed = true;
        for (Slot s : a.slots) {
            s.rank = new RoutingStrategy.Rank(a.ordinal, a.idleSince, a.busyMillis, s.lastOffered, 0);
            s.queue.available.add(s);
        }
    }

    private void leaveAvailable(Agent a) {
        if (!a.indexed) {
            // not in the index (blocked from calls, or offered a caller on becoming available): its slots may never
            // have been ranked, and looking them up would compare against a missing rank
            return;
        }
        a.indexed = false;
        for (Slot s : a.slots) {
            s.queue.available.remove(s);
        }
    }

    private void finishHandling(Agent a) {
        Queue q = a.handleQueue;
        if (q == null) {
            return;
        }
        long handle = now - a.handleStart;
        q.handled++;
        q.handleMillis += handle;
        q.estimator.handled(Duration.ofMillis(handle));
        a.busyMillis += handle;
        a.handleQueue = null;
    }

    /** Adds the time since the last accounting to the current status (an interval closed ahead of now counts once). */
    private void account(Agent a, long t) {
        if (t > a.accountedTo) {
            a.statusMillis[a.state.status().ordinal()] += t - a.accountedTo;
            a.accountedTo = t;
        }
    }

    private void addAgent(AgentProfile p) {
        Agent a = new Agent(p, agents.size(), Instant.ofEpochMilli(now));
        a.levels = levels(p);
        a.slots = new Slot[p.queues().size()];
        for (int i = 0; i < a.slots.length; i++) {
            a.slots[i] = new Slot(a, queues.get(p.queues().get(i)));
        }
        a.accountedTo = now;
        agents.put(a.id, a);
    }

    private String unknownQueue(AgentProfile p) {
        for (String q : p.queues()) {
            if (!queues.containsKey(q)) {
                return q;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------ calls and timers

    private void joinLine(Call c, Queue q) {
        q.waiting.add(c);
        c.lineSince = now;
        if (q.waiting.size() == 1) {
            q.estimator.lineOccupied(true, now);
        }
    }

    private void unqueue(Call c) {
        Queue q = c.queue;
        if (q.waiting.remove(c) && q.waiting.isEmpty()) {
            q.estimator.lineOccupied(false, now);
        }
    }

    /** The caller no longer holds a line of the queue (answered, gone, moved, or waiting as a virtual caller). */
    private void leaveLine(Call c) {
        if (c.onLine) {
            c.queue.live--;
            c.onLine = false;
        }
    }

    private void removeCall(Call c) {
        leaveLine(c);
        calls.remove(c.id);
        c.gen++;
        c.removed = true;
    }

    private void schedule(long at, int kind, Call c, Agent a, long gen) {
        long n = ++seq;
        timers.add(at, n, new Timer(at, kind, c, a, gen));
    }

    /**
     * Fires every timer due by {@code t} (the calls' and the chats' and emails', in time order), each at its own time,
     * then moves the clock to {@code t}.
     */
    private void advanceTo(long t) {
        while (true) {
            long voiceAt = timers.nextAt();
            long mediaAt = media.nextTimerAt();
            long at = Math.min(voiceAt, mediaAt);
            if (at > t) {
                break;
            }
            now = Math.max(now, at);
            media.advanceTo(now);
            int mark = out.size();
            if (voiceAt <= mediaAt) {
                fire(timers.poll());
            } else {
                media.fireNext(now, out);
            }
            offerMediaToChangedAgents(mark);
        }
        now = t;
        media.advanceTo(t);
    }

    /**
     * Agents whose state changed since {@code out[from]} may now take chats or emails (a call ended, a pause is
     * over), or have offers to give back (logged out). Calls were routed first: an agent freed takes a waiting call
     * before a chat.
     */
    private void offerMediaToChangedAgents(int from) {
        if (media.holdsNoContact()) {
            // a call-only center (and most events of a mixed one) would otherwise build a set per event for nothing
            return;
        }
        Set<String> changed = null;
        for (int i = from; i < out.size(); i++) {
            if (out.get(i) instanceof AgentStateEntered s) {
                if (changed == null) {
                    changed = new java.util.LinkedHashSet<>();
                }
                changed.add(s.agentId());
            }
        }
        if (changed == null) {
            return;
        }
        for (String agentId : changed) {
            media.agentChanged(agentId, out);
        }
    }

    private void fire(Timer t) {
        if (t.kind == K_WRAP_END) {
            Agent a = t.agent;
            if (a.gen == t.gen && a.state.status() == AgentStatus.WRAP_UP) {
                finishHandling(a);
                makeAvailable(a);
            }
            return;
        }
        Call c = t.call;
        if (c.removed || c.gen != t.gen) {
            return;
        }
        switch (t.kind) {
            case K_RELAX -> {
                c.relaxSteps++;
                if (c.relaxSteps < c.relaxUseful) {
                    schedule(t.at + c.queue.cfg.relaxation().every().toMillis(), K_RELAX, c, null, c.gen);
                }
                if (c.phase == CallPhase.WAITING) {
                    tryMatchCall(c);
                }
            }
            case K_WAIT_LIMIT -> {
                if (c.virtual) {
                    return;
                }
                if (c.phase == CallPhase.WAITING) {
                    overflow(c, c.queue, c.queue.cfg.overflow(), OverflowReason.WAIT_LIMIT);
                } else {
                    c.limitPassed = true;
                }
            }
            case K_CALLBACK_DUE -> {
                if (c.phase == CallPhase.SCHEDULED) {
                    place(c, c.queue);
                    tryMatchCall(c);
                }
            }
            case K_ANNOUNCE -> {
                if (c.phase == CallPhase.CONNECTED || c.virtual) {
                    return;
                }
                if (c.phase == CallPhase.WAITING) {
                    announce(c);
                }
                schedule(t.at + c.queue.cfg.announceEvery().toMillis(), K_ANNOUNCE, c, null, c.gen);
            }
            default -> throw new IllegalStateException("unknown timer kind " + t.kind);
        }
    }

    private void refuse(AcdEvent e, String reason) {
        out.add(new EventRefused(e, reason));
    }

    private int skill(String name) {
        Integer idx = skillIndex.get(name);
        if (idx == null) {
            idx = skillIndex.size();
            skillIndex.put(name, idx);
            skillNames.add(name);
        }
        return idx;
    }

    private int[] skillIndexes(List<SkillRequirement> skills) {
        int[] idx = new int[skills.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = skill(skills.get(i).skill());
        }
        return idx;
    }

    private byte[] levels(AgentProfile p) {
        p.skills().keySet().stream().sorted().forEach(this::skill);
        byte[] levels = new byte[skillIndex.size()];
        p.skills().forEach((name, level) -> levels[skillIndex.get(name)] = level.byteValue());
        return levels;
    }

    private static Comparator<Slot> slotOrder(RoutingStrategy strategy) {
        RoutingStrategy order = strategy.dependsOnCaller() ? RoutingStrategy.LONGEST_IDLE : strategy;
        return (a, b) -> order.compare(a.rank, b.rank);
    }

    // ------------------------------------------------------------------------------------------- views

    /** The time the router has reached (the latest event or timer it has seen). */
    public Instant now() {
        return Instant.ofEpochMilli(now);
    }

    public Optional<AgentState> agentState(String agentId) {
        Agent a = agents.get(agentId);
        return a == null ? Optional.empty() : Optional.of(a.state);
    }

    public Optional<AgentProfile> agentProfile(String agentId) {
        Agent a = agents.get(agentId);
        return a == null ? Optional.empty() : Optional.of(a.profile);
    }

    public List<String> agentIds() {
        return List.copyOf(agents.keySet());
    }

    public List<String> queueIds() {
        return List.copyOf(queues.keySet());
    }

    public Optional<QueueConfig> queueConfig(String queueId) {
        Queue q = queues.get(queueId);
        return q == null ? Optional.empty() : Optional.of(q.cfg);
    }

    public Optional<CallView> call(String callId) {
        Call c = calls.get(callId);
        return c == null ? Optional.empty() : Optional.of(view(c));
    }

    /** Every caller the ACD holds, in no particular order. */
    public List<CallView> calls() {
        List<CallView> all = new ArrayList<>(calls.size());
        for (Call c : calls.values()) {
            all.add(view(c));
        }
        return all;
    }

    /** The queue's waiting callers, first served first. */
    public List<CallView> waiting(String queueId) {
        Queue q = queues.get(queueId);
        if (q == null) {
            return List.of();
        }
        List<CallView> line = new ArrayList<>(q.waiting.size());
        for (Call c : q.waiting) {
            line.add(view(c));
        }
        return line;
    }

    /** The caller's position in its queue (1 = next) and the wait estimated for it now; empty if not waiting. */
    public Optional<AnnouncePosition> position(String callId) {
        Call c = calls.get(callId);
        if (c == null || c.phase != CallPhase.WAITING) {
            return Optional.empty();
        }
        Queue q = c.queue;
        int position = q.waiting.headSet(c).size() + 1;
        return Optional.of(new AnnouncePosition(c.id, q.cfg.id(), position,
                q.estimator.estimate(position, q.staffed, now)));
    }

    /** How far the wait estimates given on arrival were from the waits callers then had. */
    public WaitCalibration.CalibrationReport waitCalibration() {
        return calibration.report();
    }

    private CallView view(Call c) {
        List<SkillRequirement> req = new ArrayList<>();
        if (c.skillIdx != null) {
            var relax = c.queue.cfg.relaxation();
            for (int i = 0; i < c.skillIdx.length; i++) {
                req.add(new SkillRequirement(skillNames.get(c.skillIdx[i]),
                        relax.relaxed(c.minLevel[i], c.relaxSteps)));
            }
        }
        return new CallView(c.id, c.queue == null ? "" : c.queue.cfg.id(), c.phase,
                c.agent == null ? "" : c.agent.id, c.priority, Instant.ofEpochMilli(c.enqueuedAt), c.virtual,
                req);
    }

    // ----------------------------------------------------------------------------------------- metrics

    /** Live and current-interval figures of every queue, as of {@code at} (reading does not advance timers). */
    public List<QueueMetrics> queueMetrics(Instant at) {
        long t = Math.max(now, at.toEpochMilli());
        List<QueueMetrics> list = new ArrayList<>(queues.size());
        for (Queue q : queues.values()) {
            list.add(metrics(q, t));
        }
        return list;
    }

    public Optional<QueueMetrics> queueMetrics(String queueId, Instant at) {
        Queue q = queues.get(queueId);
        return q == null ? Optional.empty() : Optional.of(metrics(q, Math.max(now, at.toEpochMilli())));
    }

    /** Current-interval figures of every agent, as of {@code at}. */
    public List<AgentMetrics> agentMetrics(Instant at) {
        long t = Math.max(now, at.toEpochMilli());
        List<AgentMetrics> list = new ArrayList<>(agents.size());
        for (Agent a : agents.values()) {
            list.add(metrics(a, t));
        }
        return list;
    }

    /**
     * Closes the reporting interval at {@code at}: returns its figures and starts the next interval from there.
     * Timers are not fired here: apply a {@link AcdEvent.Tick} for {@code at} first so that everything due before
     * the boundary is counted in the closing interval.
     */
    public IntervalSnapshot closeInterval(Instant at) {
        long t = Math.max(now, at.toEpochMilli());
        List<QueueMetrics> qs = queueMetrics(Instant.ofEpochMilli(t));
        for (Agent a : agents.values()) {
            account(a, t);
        }
        List<AgentMetrics> as = agentMetrics(Instant.ofEpochMilli(t));
        IntervalSnapshot snapshot = new IntervalSnapshot(Instant.ofEpochMilli(intervalStart),
                Instant.ofEpochMilli(t), qs, as);
        for (Queue q : queues.values()) {
            q.resetCounters();
        }
        for (Agent a : agents.values()) {
            java.util.Arrays.fill(a.statusMillis, 0);
            a.callsHandled = 0;
        }
        intervalStart = t;
        return snapshot;
    }

    private QueueMetrics metrics(Queue q, long t) {
        long oldest = Long.MAX_VALUE;
        int virtual = 0;
        for (Call c : q.waiting) {
            oldest = Math.min(oldest, c.queueEnteredAt);
            if (c.virtual) {
                virtual++;
            }
        }
        Duration longest = oldest == Long.MAX_VALUE ? Duration.ZERO : Duration.ofMillis(t - oldest);
        return new QueueMetrics(q.cfg.id(), q.waiting.size(), virtual, longest, q.offered, q.answered,
                q.answeredWithin, q.abandoned, q.overflowed, Duration.ofMillis(q.answerWaitMillis), q.handled,
                Duration.ofMillis(q.handleMillis), q.staffed, q.available.size());
    }

    private AgentMetrics metrics(Agent a, long t) {
        Map<AgentStatus, Duration> times = new EnumMap<>(AgentStatus.class);
        for (AgentStatus s : AgentStatus.values()) {
            long ms = a.statusMillis[s.ordinal()] + (s == a.state.status() ? Math.max(0, t - a.accountedTo) : 0);
            if (ms > 0) {
                times.put(s, Duration.ofMillis(ms));
            }
        }
        return new AgentMetrics(a.id, a.state, times, a.callsHandled);
    }

    /** The chats and emails: contacts, agents' loads per channel, and per-queue counts. */
    public MediaRouter media() {
        return media;
    }

    /** What the media router sees of the agents and queues, and how it keeps an agent out of call routing. */
    private final class MediaHost implements MediaRouter.Host {
        private List<String> ids = List.of();

        @Override
        public AgentStatus status(String agentId) {
            Agent a = agents.get(agentId);
            return a == null ? AgentStatus.LOGGED_OUT : a.state.status();
        }

        @Override
        public Optional<AgentProfile> profile(String agentId) {
            return agentProfile(agentId);
        }

        @Override
        public Optional<QueueConfig> queue(String queueId) {
            return queueConfig(queueId);
        }

        @Override
        public List<String> agentIds() {
            if (ids.size() != agents.size()) {
                ids = List.copyOf(agents.keySet());
            }
            return ids;
        }

        @Override
        public int ordinal(String agentId) {
            Agent a = agents.get(agentId);
            return a == null ? Integer.MAX_VALUE : a.ordinal;
        }

        @Override
        public void voiceBlocked(String agentId, boolean blocked, List<AcdCommand> sink) {
            Agent a = agents.get(agentId);
            if (a == null || a.voiceBlocked == blocked) {
                return;
            }
            boolean available = a.state.status() == AgentStatus.AVAILABLE;
            if (blocked) {
                if (available) {
                    leaveAvailable(a);
                }
                a.voiceBlocked = true;
            } else {
                a.voiceBlocked = false;
                if (available) {
                    becomeRoutable(a);
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------- internal records

    private final class Queue {
        QueueConfig cfg;
        int[] reqIdx;
        final TreeSet<Call> waiting = new TreeSet<>(CALL_ORDER);
        TreeSet<Slot> available;
        final WaitEstimator estimator;
        int live;
        int staffed;
        long offered;
        long answered;
        long answeredWithin;
        long abandoned;
        long overflowed;
        long answerWaitMillis;
        long handled;
        long handleMillis;

        Queue(QueueConfig cfg) {
            this.cfg = cfg;
            this.reqIdx = skillIndexes(cfg.requiredSkills());
            this.available = new TreeSet<>(slotOrder(cfg.strategy()));
            this.estimator = new WaitEstimator(cfg.expectedHandleTime());
        }

        void resetCounters() {
            offered = answered = answeredWithin = abandoned = overflowed = answerWaitMillis = handled = 0;
            handleMillis = 0;
        }
    }

    private static final class Agent {
        final String id;
        final int ordinal;
        AgentProfile profile;
        byte[] levels;
        Slot[] slots;
        AgentState state;
        Call call;
        long idleSince;
        long busyMillis;
        long handleStart;
        Queue handleQueue;
        long gen;
        long accountedTo;
        final long[] statusMillis = new long[AgentStatus.values().length];
        long callsHandled;
        /** Held out of call routing while it holds chats or emails (voice alone), or for good (no voice capacity). */
        boolean voiceBlocked;
        /** Its slots are in their queues' index of available agents. */
        boolean indexed;

        Agent(AgentProfile profile, int ordinal, Instant at) {
            this.id = profile.agentId();
            this.ordinal = ordinal;
            this.profile = profile;
            this.state = AgentState.loggedOut(at);
        }

        int level(int skill) {
            return skill < levels.length ? levels[skill] : 0;
        }
    }

    /** An agent's membership of one queue: the entry in that queue's index of available agents. */
    private static final class Slot {
        final Agent agent;
        final Queue queue;
        long lastOffered;
        RoutingStrategy.Rank rank;

        Slot(Agent agent, Queue queue) {
            this.agent = agent;
            this.queue = queue;
        }
    }

    private static final class Call {
        final String id;
        final long seq;
        final List<SkillRequirement> ownSkills;
        final int basePriority;
        final long enqueuedAt;
        final Set<String> visited = new HashSet<>(2);
        String number;
        Queue queue;
        int[] skillIdx;
        int[] minLevel;
        int relaxSteps;
        int relaxUseful;
        int priority;
        long queueEnteredAt;
        long sortKey;
        CallPhase phase;
        Agent agent;
        boolean virtual;
        boolean limitPassed;
        boolean removed;
        /** Counted against the queue's max waiting: a live caller from joining until answered or gone. */
        boolean onLine;
        long gen;
        long initialEstimate = -1;
        /** When the caller last joined its queue's line. */
        long lineSince;
        /** Set for a call meant for one agent only ({@link AcdEvent.Direct}), until that agent does not answer. */
        String onlyAgent;
        boolean endIfNotAnswered;
        /** Whether the call counts in its queue's figures (offered, answered, abandoned, the wait estimate). */
        boolean counted = true;

        Call(String id, long seq, List<SkillRequirement> ownSkills, int basePriority, String number,
             long enqueuedAt) {
            this.id = id;
            this.seq = seq;
            this.ownSkills = ownSkills;
            this.basePriority = basePriority;
            this.number = number;
            this.enqueuedAt = enqueuedAt;
        }
    }

    private record Timer(long at, int kind, Call call, Agent agent, long gen) {}
}
