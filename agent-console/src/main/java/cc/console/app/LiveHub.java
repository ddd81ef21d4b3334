package cc.console.app;

import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who is listening on the live channel, and the only way messages reach them: every send goes through
 * {@link AccessRules}, so a pop for agent A can never be written to agent B's socket.
 *
 * <p>Thread-safe: sockets come and go on HTTP event loops while the console verticle sends.
 */
public final class LiveHub {
    private final Map<String, Set<LiveClient>> byAgent = new ConcurrentHashMap<>();
    private final Set<LiveClient> supervisors = ConcurrentHashMap.newKeySet();
    private final Set<LiveClient> all = ConcurrentHashMap.newKeySet();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong popsSent = new AtomicLong();
    private final AtomicLong popsUndelivered = new AtomicLong();

    public void add(LiveClient c) {
        Principal p = c.principal();
        all.add(c);
        if (p.takesCalls()) {
            byAgent.computeIfAbsent(p.agentId(), a -> ConcurrentHashMap.newKeySet()).add(c);
        }
        if (AccessRules.maySupervise(p)) {
            supervisors.add(c);
        }
    }

    public void remove(LiveClient c) {
        all.remove(c);
        supervisors.remove(c);
        Principal p = c.principal();
        if (p.takesCalls()) {
            byAgent.computeIfPresent(p.agentId(), (a, set) -> {
                set.remove(c);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Sends a screen-pop to the agent's own sockets; returns how many received it. */
    public int sendPop(String agentId, String text) {
        int n = toAgentSockets(agentId, text);
        (n > 0 ? popsSent : popsUndelivered).incrementAndGet();
        return n;
    }

    /** To the agent's own sockets only (the pop's rule); how many received it. */
    private int toAgentSockets(String agentId, String text) {
        int n = 0;
        for (LiveClient c : byAgent.getOrDefault(agentId, Set.of())) {
            if (AccessRules.receivesPop(c.principal(), agentId)) {
                c.send(text, false);
                n++;
            } else {
                refused.incrementAndGet();
            }
        }
        return n;
    }

    /** An agent's state: to that agent's sockets and to every supervisor. */
    public void sendAgentState(String agentId, String text) {
        for (LiveClient c : byAgent.getOrDefault(agentId, Set.of())) {
            if (!AccessRules.maySupervise(c.principal()) && AccessRules.receivesAgentState(c.principal(), agentId)) {
                c.send(text, false);
            }
        }
        for (LiveClient c : supervisors) {
            c.send(text, true);
        }
    }

    /** A call's control state: to the agent it names and to every supervisor, never to other agents. */
    public void sendCallControl(String agentId, String text) {
        for (LiveClient c : byAgent.getOrDefault(agentId, Set.of())) {
            if (!AccessRules.maySupervise(c.principal()) && AccessRules.receivesCallControl(c.principal(), agentId)) {
                c.send(text, false);
            }
        }
        for (LiveClient c : supervisors) {
            if (AccessRules.receivesCallControl(c.principal(), agentId)) {
                c.send(text, false);
            }
        }
    }

    /** A message for one user's sockets only (a dial result). */
    public void sendToUser(String username, String text) {
        for (LiveClient c : all) {
            if (c.principal().username().equals(username)) {
                c.send(text, false);
            }
        }
    }

    /** A wallboard snapshot to every supervisor socket; encoded once by the caller. */
    public int sendWallboard(String text) {
        int n = 0;
        for (LiveClient c : supervisors) {
            if (AccessRules.maySupervise(c.principal())) {
                c.send(text, true);
                n++;
            }
        }
        return n;
    }

    /** A chat or email offered to, held by or taken from the agent: to that agent's own sockets only. */
    public int sendMedia(String agentId, String text) {
        return toAgentSockets(agentId, text);
    }

    /** Closes every socket of a session (at sign-out). */
    public void closeSession(String sessionId) {
        for (LiveClient c : all) {
            if (c.sessionId().equals(sessionId)) {
                c.close();
                remove(c);
            }
        }
    }

    /** Closes every socket whose session has ended (idle timeout, sign-out elsewhere, user changed by an admin). */
    public int closeEnded(java.util.function.Predicate<String> sessionIsLive) {
        int closed = 0;
        for (LiveClient c : all) {
            if (!sessionIsLive.test(c.sessionId())) {
                c.close();
                remove(c);
                closed++;
            }
        }
        return closed;
    }

    /**
     * Closes every socket whose session has ended, reading the sessions without blocking ({@link
     * Sessions#isLiveAsync}: with several nodes each read crosses the network); completes with how many it closed.
     */
    public io.vertx.core.Future<Integer> closeEndedAsync(Sessions sessions) {
        java.util.List<io.vertx.core.Future<Boolean>> closed = new java.util.ArrayList<>();
        for (LiveClient c : java.util.List.copyOf(all)) {
            closed.add(sessions.isLiveAsync(c.sessionId()).otherwise(true).map(live -> {
                if (!live) {
                    c.close();
                    remove(c);
                }
                return !live;
            }));
        }
        return io.vertx.core.Future.join(closed).otherwiseEmpty()
                .map(v -> (int) closed.stream().filter(f -> Boolean.TRUE.equals(f.result())).count());
    }

    public int size() {
        return all.size();
    }

    public int supervisorCount() {
        return supervisors.size();
    }

    /** Pops that reached at least one socket of their agent. */
    public long popsSent() {
        return popsSent.get();
    }

    /** Pops for an agent with no live channel open (the agent's page was closed when the call rang). */
    public long popsUndelivered() {
        return popsUndelivered.get();
    }

    /** Sends the rules refused (should stay 0: a socket registered under the wrong agent). */
    public long refusedSends() {
        return refused.get();
    }

    /** A web chat's line, typing or end: to the sockets of the agent holding the chat only; how many received it. */
    public int sendChat(String agentId, String text) {
        return toAgentSockets(agentId, text);
    }
}
