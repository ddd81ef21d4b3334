package cc.core.app.interaction;

import cc.core.app.livestate.Leadership;
import cc.core.app.livestate.LiveStateStore;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which Asterisk servers' calls this node records. One node records every call ({@link #everyServer()}); with several
 * nodes on one live-state store, exactly one node records each server's calls: the holder of the lease
 * {@code recorder.<server>} ({@link #leased}). The others follow the same calls in memory without writing, so the one
 * that takes a lease over knows every call in progress on that server.
 *
 * <p>Threading: started from the recorder's context; {@code gained} and {@code lost} run on it.
 */
public interface RecordingOwnership {

    /** Whether this node writes the records of calls on {@code server} now. */
    boolean records(String server);

    /** Starts taking the leases, if any; {@code gained} and {@code lost} hear each server whose recording changes. */
    void start(Vertx vertx, Consumer<String> gained, Consumer<String> lost);

    /** Gives the leases up (a node stopping in order), so another node records at once. */
    void stop();

    /** The lease of recording one Asterisk server's calls. */
    static String leaseOf(String server) {
        return "recorder." + server;
    }

    /** One node: every call is recorded here, as ever. */
    static RecordingOwnership everyServer() {
        return new RecordingOwnership() {
            @Override
            public boolean records(String server) {
                return true;
            }

            @Override
            public void start(Vertx vertx, Consumer<String> gained, Consumer<String> lost) {
            }

            @Override
            public void stop() {
            }
        };
    }

    /**
     * Several nodes: a lease per server in the shared store ({@link LiveStateStore#acquireLease}, renewed every third
     * of {@code ttl}); when the holder dies, another node records that server's calls within {@code ttl}.
     */
    static Leased leased(LiveStateStore store, List<String> servers, String nodeId, Duration ttl) {
        List<Leadership> leases = new ArrayList<>();
        for (String server : servers) {
            leases.add(new Leadership(store, leaseOf(server), nodeId, ttl));
        }
        return new Leased(store, servers, leases, nodeId, ttl);
    }

    /**
     * One {@link Leadership} per configured server. Unlike the dialer, a recording node goes on recording while the
     * store cannot be reached at all (it cannot tell whether another node took the lease): two nodes writing the same
     * rows (interactions are named by call) is better than none writing for the length of an outage. It stops as soon
     * as the store answers with another node holding the lease.
     */
    final class Leased implements RecordingOwnership {
        private static final Logger log = LoggerFactory.getLogger(Leased.class);
        private final LiveStateStore store;
        private final List<String> servers;
        private final List<Leadership> leases;
        private final String nodeId;
        private final Duration ttl;
        /** Servers this node goes on recording without the lease, while the store does not answer. */
        private final Set<String> throughOutage = ConcurrentHashMap.newKeySet();
        /** Who else hears each server this node starts or stops recording (the owner of the server's AMI link). */
        private final List<Consumer<String>> alsoGained = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<Consumer<String>> alsoLost = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Leased(LiveStateStore store, List<String> servers, List<Leadership> leases, String nodeId,
                       Duration ttl) {
            this.store = store;
            this.servers = List.copyOf(servers);
            this.leases = List.copyOf(leases);
            this.nodeId = nodeId;
            this.ttl = ttl;
        }

        @Override
        public boolean records(String server) {
            int i = servers.indexOf(server);
            return i >= 0 && (leases.get(i).holds() || throughOutage.contains(server));
        }

        /**
         * Tells {@code gained} and {@code lost} too about each server whose recording this node starts or stops (the
         * recorder of a server owns its AMI link); before {@link #start}.
         */
        public void alsoTell(Consumer<String> gained, Consumer<String> lost) {
            alsoGained.add(gained);
            alsoLost.add(lost);
        }

        @Override
        public void start(Vertx vertx, Consumer<String> gained, Consumer<String> lost) {
            Consumer<String> lostToAll = server -> {
                lost.accept(server);
                alsoLost.forEach(l -> l.accept(server));
            };
            for (int i = 0; i < servers.size(); i++) {
                String server = servers.get(i);
                Leadership lease = leases.get(i);
                lease.start(vertx, () -> {
                    throughOutage.remove(server);
                    gained.accept(server);
                    alsoGained.forEach(g -> g.accept(server));
                }, () -> whenLost(vertx, server, lease, lostToAll));
            }
        }

        /** The renewal failed: another node holds the lease (stop now), or the store does not answer (go on). */
        private void whenLost(Vertx vertx, String server, Leadership lease, Consumer<String> lost) {
            store.leaseHolder(lease.name()).onComplete(ar -> {
                if (ar.succeeded()) {
                    lost.accept(server);
                    return;
                }
                throughOutage.add(server);
                log.warn("node {} goes on recording the calls of {} while the live-state store does not answer",
                        nodeId, server);
                long[] timer = {0};
                timer[0] = vertx.setPeriodic(Math.max(100, ttl.toMillis() / 3), t -> {
                    if (!throughOutage.contains(server)) {
                        vertx.cancelTimer(timer[0]);
                        return;
                    }
                    store.leaseHolder(lease.name()).onSuccess(holder -> {
                        if (lease.holds() || holder.isEmpty() || holder.get().equals(nodeId)) {
                            return;  // this node's next renewal takes it again (or did)
                        }
                        vertx.cancelTimer(timer[0]);
                        if (throughOutage.remove(server)) {
                            lost.accept(server);
                        }
                    });
                });
            });
        }

        @Override
        public void stop() {
            throughOutage.clear();
            leases.forEach(Leadership::stop);
        }

        /** Stops renewing without giving the leases up, as a node that dies does (tests of the takeover). */
        public void halt() {
            leases.forEach(Leadership::halt);
        }
    }
}
