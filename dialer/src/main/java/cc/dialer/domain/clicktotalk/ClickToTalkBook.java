package cc.dialer.domain.clicktotalk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The life of every click-to-talk request: when each is due, which to dial now within the lines free and the
 * per-minute ceiling, never two calls at once to one number, retries after busy or unanswered calls, expiry, and what
 * each call event means for its request. Pure: it takes events and {@code now} and returns the requests that changed
 * (the caller stores them and publishes their status).
 */
public final class ClickToTalkBook {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Why a call to the customer did not reach them. */
    public enum Unanswered { BUSY, NO_ANSWER, FAILED }

    /** The requests to dial now, and those that ran out of time waiting. */
    public record Tick(List<CallMeRequest> dial, List<CallMeRequest> expired) {}

    private final ClickToTalkRules rules;
    private final Map<String, CallMeRequest> requests = new LinkedHashMap<>();
    private final Deque<Instant> recentDials = new ArrayDeque<>();

    public ClickToTalkBook(ClickToTalkRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public ClickToTalkRules rules() {
        return rules;
    }

    public Optional<CallMeRequest> get(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    public Collection<CallMeRequest> all() {
        return List.copyOf(requests.values());
    }

    /** Requests waiting for their time. */
    public int pending() {
        return (int) requests.values().stream().filter(r -> r.state() == CallMeState.SCHEDULED).count();
    }

    /**
     * The requests stored before a restart. A call that was being placed or confirmed is gone with the server's
     * control of it: it ends not-reached rather than ring the customer twice; queued and connected calls live on in
     * the ACD and only lose their call link here.
     *
     * @return the requests whose state changed
     */
    public List<CallMeRequest> restore(Collection<CallMeRequest> stored, Instant now) {
        List<CallMeRequest> changed = new ArrayList<>();
        for (CallMeRequest r : stored) {
            CallMeRequest kept = r;
            if (r.state() == CallMeState.DIALLING || r.state() == CallMeState.CONFIRMING
                    || r.state() == CallMeState.RINGING_AGENT || r.state() == CallMeState.CALLING_CUSTOMER) {
                kept = r.moved(CallMeState.NOT_REACHED, "the call was cut off by a restart of the server", now);
                changed.add(kept);
            } else if (r.callOpen()) {
                kept = r.hungUp(r.detail(), r.changedAt());
            }
            requests.put(kept.id(), kept);
        }
        return changed;
    }

    /** Keeps a new request (scheduled or refused). */
    public void add(CallMeRequest r) {
        if (requests.containsKey(r.id())) {
            throw new IllegalStateException("request " + r.id() + " already exists");
        }
        requests.put(r.id(), r);
    }

    /**
     * What to do now: requests past their expiry end not-reached; due ones are dialled oldest first, at most
     * {@code freeLines} of them and within the per-minute ceiling, skipping a number already on a call.
     */
    public Tick tick(Instant now, int freeLines) {
        while (!recentDials.isEmpty() && !recentDials.peekFirst().isAfter(now.minus(MINUTE))) {
            recentDials.pollFirst();
        }
        List<CallMeRequest> expired = new ArrayList<>();
        List<CallMeRequest> due = new ArrayList<>();
        Set<String> busyNumbers = new HashSet<>();
        for (CallMeRequest r : requests.values()) {
            if (r.state().onCall() && r.callOpen()) {
                busyNumbers.add(r.number());
            }
        }
        for (CallMeRequest r : requests.values()) {
            if (r.state() != CallMeState.SCHEDULED || r.nextDialAt().isAfter(now)) {
                continue;
            }
            if (now.isAfter(r.nextDialAt().plus(rules.expiry()))) {
                expired.add(r.moved(CallMeState.NOT_REACHED, "expired: not dialled within " + rules.expiry()
                        + " of " + r.nextDialAt() + " (lines busy or the dial ceiling reached)", now));
            } else {
                due.add(r);
            }
        }
        expired.forEach(r -> requests.put(r.id(), r));
        due.sort(Comparator.comparing(CallMeRequest::nextDialAt).thenComparing(CallMeRequest::requestedAt));
        List<CallMeRequest> dial = new ArrayList<>();
        for (CallMeRequest r : due) {
            if (dial.size() >= freeLines || recentDials.size() >= rules.dialsPerMinute()) {
                break;
            }
            if (!busyNumbers.add(r.number())) {
                continue;
            }
            CallMeRequest next = r.dialled(now);
            requests.put(next.id(), next);
            recentDials.addLast(now);
            dial.add(next);
        }
        return new Tick(dial, expired);
    }

    /** The dial rules or the do-not-call list stopped a due call at dial time: never dialled, refused. */
    public Optional<CallMeRequest> refusedAtDial(String id, String why, Instant now) {
        return change(id, r -> r.state() == CallMeState.DIALLING, r -> r.moved(CallMeState.REFUSED, why, now));
    }

    /** The customer answered: they hear the confirmation prompt. */
    public Optional<CallMeRequest> answered(String id, String uniqueId, Instant now) {
        return change(id, r -> r.state() == CallMeState.DIALLING, r -> r.answered(uniqueId, now));
    }

    /** The customer's phone was busy, rang out or the call failed: a retry when allowed, else not-reached. */
    public Optional<CallMeRequest> unanswered(String id, Unanswered why, String detail, Instant now) {
        return change(id, r -> r.state() == CallMeState.DIALLING, r -> retryOrNotReached(r, why, detail, now));
    }

    private CallMeRequest retryOrNotReached(CallMeRequest r, Unanswered why, String detail, Instant now) {
        String text = why.name() + (detail.isBlank() ? "" : ": " + detail);
        if (why != Unanswered.FAILED && r.attempts() <= rules.retries()) {
            return r.retryAt(now.plus(rules.retryDelay()), text + "; calling again at "
                    + now.plus(rules.retryDelay()), now);
        }
        return r.moved(CallMeState.NOT_REACHED, text + " (" + r.attempts() + " calls)", now);
    }

    // ---- "ring the agent first": the ACD rings an agent, whose phone then calls the customer

    /** The ACD took the due request as a callback: it waits for a free agent, keeping the place of its request time. */
    public Optional<CallMeRequest> handedToAcd(String id, Instant now) {
        return change(id, r -> r.state() == CallMeState.DIALLING, r -> r.moved(CallMeState.WAITING, "", now));
    }

    /** An agent's phone rings for the request (the ACD may ring before its answer to the hand-over arrives). */
    public Optional<CallMeRequest> agentRung(String id, String agentId, Instant now) {
        return change(id, r -> r.callOpen() && (r.state() == CallMeState.WAITING || r.state() == CallMeState.DIALLING),
                r -> r.moved(CallMeState.RINGING_AGENT, "agent " + agentId, now));
    }

    /** The agent did not take it (no answer, refused): back in line, at its place, for the next agent. */
    public Optional<CallMeRequest> agentMissed(String id, Instant now) {
        return change(id, r -> r.state() == CallMeState.RINGING_AGENT, r -> r.moved(CallMeState.WAITING, "", now));
    }

    /** The agent answered: the agent's phone calls the customer, who must press 1. */
    public Optional<CallMeRequest> agentAnswered(String id, String agentId, Instant now) {
        return change(id, r -> r.state() == CallMeState.RINGING_AGENT,
                r -> r.moved(CallMeState.CALLING_CUSTOMER, "agent " + agentId, now));
    }

    /**
     * The customer pressed 1 and talks to the agent. The dialer's part is over (the ACD and the interaction record
     * follow the conversation): the request no longer holds a call.
     */
    public Optional<CallMeRequest> confirmedWithAgent(String id, String agentId, Instant now) {
        return change(id, r -> r.state() == CallMeState.CALLING_CUSTOMER || r.state() == CallMeState.RINGING_AGENT,
                r -> r.moved(CallMeState.CONNECTED, "agent " + agentId, now).hungUp("agent " + agentId, now));
    }

    /**
     * The customer answered the agent's call and did not press 1 (another key, silence, hung up): a fact, never
     * retried; the ACD freed the agent.
     */
    public Optional<CallMeRequest> declined(String id, String agentId, Instant now) {
        return change(id, r -> r.state() == CallMeState.CALLING_CUSTOMER || r.state() == CallMeState.RINGING_AGENT,
                r -> r.moved(CallMeState.DECLINED, "the customer did not press 1 for agent " + agentId, now)
                        .hungUp("the customer did not press 1 for agent " + agentId, now));
    }

    /** The agent's call did not reach the customer: tried again (from the start) when allowed, else not-reached. */
    public Optional<CallMeRequest> notReachedByAgent(String id, String agentId, Instant now) {
        return change(id, r -> r.state() == CallMeState.CALLING_CUSTOMER || r.state() == CallMeState.RINGING_AGENT,
                r -> {
                    CallMeRequest next = retryOrNotReached(r, Unanswered.NO_ANSWER,
                            "agent " + agentId + "'s call was not answered", now);
                    return next.callOpen() ? next.hungUp(next.detail(), now) : next;
                });
    }

    /** The customer pressed 1 and was queued. */
    public Optional<CallMeRequest> confirmed(String id, Instant now) {
        return change(id, r -> r.state() == CallMeState.CONFIRMING, r -> r.moved(CallMeState.WAITING, "", now));
    }

    /** An agent answered the customer. */
    public Optional<CallMeRequest> connected(String id, Instant now) {
        return change(id, r -> r.state() == CallMeState.WAITING || r.state() == CallMeState.CONFIRMING,
                r -> r.moved(CallMeState.CONNECTED, "", now));
    }

    /**
     * The customer's call ended. Still confirming: they never pressed 1 (another key, silence, or hung up), so no
     * agent was involved: unconfirmed. Waiting: they left the queue. Connected: the conversation is over.
     */
    public Optional<CallMeRequest> hungUp(String id, Instant now) {
        return change(id, CallMeRequest::callOpen, r -> {
            switch (r.state()) {
                case CONFIRMING:
                    return r.moved(CallMeState.UNCONFIRMED, "the customer did not press 1", now);
                case WAITING:
                    // confirmed, then gave up waiting: the page must not go on saying "waiting"
                    return r.moved(CallMeState.ABANDONED, "the customer hung up before an agent answered", now);
                case DIALLING:
                    return r.moved(CallMeState.NOT_REACHED, "the call ended before it was answered", now);
                default:
                    return r.hungUp(r.detail(), now);
            }
        });
    }

    /** The customer (or the page) cancels a request not yet dialled. Empty when it is too late or unknown. */
    public Optional<CallMeRequest> cancel(String id, Instant now) {
        return change(id, r -> r.state() == CallMeState.SCHEDULED,
                r -> r.moved(CallMeState.CANCELLED, "cancelled before it was dialled", now));
    }

    /** The request of the customer channel with this uniqueid, if a call of it is up. */
    public Optional<CallMeRequest> byUniqueId(String uniqueId) {
        if (uniqueId == null || uniqueId.isEmpty()) {
            return Optional.empty();
        }
        return requests.values().stream().filter(r -> r.callOpen() && uniqueId.equals(r.uniqueId())).findFirst();
    }

    private Optional<CallMeRequest> change(String id, java.util.function.Predicate<CallMeRequest> when,
                                           java.util.function.UnaryOperator<CallMeRequest> how) {
        CallMeRequest r = requests.get(id);
        if (r == null || !when.test(r)) {
            return Optional.empty();
        }
        CallMeRequest next = how.apply(r);
        requests.put(id, next);
        return Optional.of(next);
    }
}
