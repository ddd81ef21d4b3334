package cc.core.app.interaction;

import cc.core.adapter.memory.MemoryLiveState;
import cc.core.app.customer.CustomerStore;
import cc.core.app.livestate.LiveStateStore;
import cc.core.app.telephony.Telephony;
import cc.core.contract.Addresses;
import cc.core.contract.IvrSessionEnded;
import cc.core.contract.IvrSessionStarted;
import cc.core.contract.LocalRecordCodec;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionIds;
import cc.core.domain.interaction.InteractionTracker;
import cc.core.domain.interaction.Segment;
import cc.core.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes' recorders on one store and one lease store (lease expiry on a manual clock; renewals and writes on real
 * Vert.x timers): both follow the same calls, only the lease holder writes, and the other, taking the lease over when
 * the holder dies, writes the calls in progress and the call that ended while nobody recorded onto the same rows.
 */
class RecordingTakeoverTest {
    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration TTL = Duration.ofMillis(300);
    private final Vertx vertx = Vertx.vertx();
    private final ManualClock clock = new ManualClock(T0);
    private final MemoryLiveState leases = new MemoryLiveState(clock);
    /** The interactions table: one row per id, whoever writes it. */
    private final Map<String, Interaction> rows = new ConcurrentHashMap<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** A node: its own AMI link's events, its own recorder, writes counted. */
    private final class Node {
        final List<Consumer<CallEvent>> link = new CopyOnWriteArrayList<>();
        final AtomicInteger writes = new AtomicInteger();
        final RecordingOwnership.Leased ownership;
        volatile boolean dead;

        Node(String id) throws Exception {
            ownership = RecordingOwnership.leased(leases, List.of("pbx1"), id, TTL);
            InteractionStore store = store(writes, () -> dead);
            InteractionRecorder recorder = new InteractionRecorder(telephony(link), store, noCustomers(),
                    new InteractionTracker(Set.of("cc-inbound"), InteractionIds.ofCall()), new SimpleMeterRegistry(),
                    ownership);
            vertx.deployVerticle(recorder).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        void hear(CallEvent e) {
            if (!dead) {
                link.forEach(h -> h.accept(e));
            }
        }

        /** Dies: stops renewing its lease without giving it up, hears nothing more, writes nothing more. */
        void die() {
            dead = true;
            ownership.halt();
        }
    }

    private final Leg caller = new Leg("pbx1", "1796000000.1", "PJSIP/trunk-00000001", "1796000000.1");
    private final Leg agent = new Leg("pbx1", "1796000000.2", "PJSIP/2001-00000002", "1796000000.2");
    private final Leg late = new Leg("pbx1", "1796000010.3", "PJSIP/trunk-00000003", "1796000010.3");

    private static Instant at(double s) {
        return T0.plusMillis((long) (s * 1000));
    }

    @Test
    @DisplayName("only the lease holder writes; when it dies mid-call the other writes the call to its end on the "
            + "same row, and the call that ended while nobody recorded, once each")
    void standbyAdoptsTheCalls() throws Exception {
        LocalRecordCodec.registerContracts(vertx.eventBus());
        Node a = new Node("a");
        await(() -> a.ownership.records("pbx1"));
        Node b = new Node("b");
        List<Node> both = List.of(a, b);

        // a call through the IVR to an agent, heard by both nodes' links (the IVR's facts by both recorders)
        both.forEach(n -> n.hear(new CallEvent.CallStarted(caller, at(0), "09120000001", "Sara", "100",
                "cc-inbound")));
        both.forEach(n -> n.hear(new CallEvent.CallAnswered(caller, at(0.2))));
        vertx.eventBus().publish(Addresses.IVR_SESSION_STARTED, new IvrSessionStarted(caller.uniqueId(),
                caller.channelName(), "main", "09120000001", "Sara", at(0.3)));
        vertx.eventBus().publish(Addresses.IVR_SESSION_ENDED, new IvrSessionEnded(caller.uniqueId(), "main",
                Segment.ENQUEUED, at(3)));
        both.forEach(n -> n.hear(new CallEvent.CallStarted(agent, at(4), "", "", "2001", "phones")));
        both.forEach(n -> n.hear(new CallEvent.VariableSet(agent, at(4), InteractionTracker.AGENT_VARIABLE, "a1")));
        both.forEach(n -> n.hear(new CallEvent.LegsBridged(caller, at(5), "bridge-1")));
        both.forEach(n -> n.hear(new CallEvent.LegsBridged(agent, at(5), "bridge-1")));
        await(() -> rows.size() == 1 && rows.values().iterator().next().segments().stream()
                .anyMatch(s -> s.kind().wireName().equals("talk")));
        assertFalse(b.ownership.records("pbx1"), "b follows, a records");
        assertEquals(0, b.writes.get(), "the standby wrote nothing");
        String id = rows.keySet().iterator().next();

        // a dies while the agent talks; a second call comes and goes before b takes the lease over
        a.die();
        int writtenByA = a.writes.get();
        b.hear(new CallEvent.CallStarted(late, at(10), "09120000002", "Reza", "100", "cc-inbound"));
        b.hear(new CallEvent.CallHungUp(late, at(11), 16, "Normal Clearing"));
        Thread.sleep(TTL.toMillis());
        assertFalse(b.ownership.records("pbx1"), "not before the lease runs out");
        assertEquals(0, b.writes.get(), "nobody records in the gap");
        clock.advance(TTL.plusMillis(1));
        await(() -> b.ownership.records("pbx1"));
        await(() -> rows.size() == 2);

        // the first call ends after the takeover: its end lands on the row a started
        b.hear(new CallEvent.LegUnbridged(agent, at(20), "bridge-1"));
        b.hear(new CallEvent.CallHungUp(agent, at(20), 16, "Normal Clearing"));
        b.hear(new CallEvent.LegUnbridged(caller, at(20), "bridge-1"));
        b.hear(new CallEvent.CallHungUp(caller, at(20), 16, "Normal Clearing"));
        await(() -> rows.get(id).isEnded());

        Interaction first = rows.get(id);
        assertEquals(writtenByA, a.writes.get(), "the dead node wrote nothing more");
        assertEquals(List.of("ivr enqueued", "talk a1 agent-hung-up"), first.segments().stream()
                .map(s -> s.kind().wireName() + (s.agentId().isEmpty() ? "" : " " + s.agentId()) + " " + s.outcome())
                .toList(), "the IVR part a wrote and the talk's end b wrote, one record: " + first.segments());
        assertEquals(Optional.of(at(0.2)), first.answeredAt());
        assertTrue(first.handledBy().contains("a1"), "who answered: " + first);
        Interaction second = rows.values().stream().filter(i -> !i.id().equals(id)).findFirst().orElseThrow();
        assertEquals("09120000002", second.callerNumber());
        assertTrue(second.isEnded(), "the call that ended in the gap is stored ended: " + second);
        assertEquals(2, rows.size(), "one row per call");
    }

    @Test
    @DisplayName("the recording node goes on recording while the lease store does not answer, and stops when it "
            + "answers naming another node")
    void recordsThroughAStoreOutage() throws Exception {
        AtomicBoolean down = new AtomicBoolean();
        LiveStateStore flaky = (LiveStateStore) Proxy.newProxyInstance(LiveStateStore.class.getClassLoader(),
                new Class<?>[] {LiveStateStore.class}, (proxy, method, args) -> down.get()
                        ? Future.failedFuture("store down") : method.invoke(leases, args));
        RecordingOwnership.Leased a = RecordingOwnership.leased(flaky, List.of("pbx1"), "a", TTL);
        List<String> heard = new CopyOnWriteArrayList<>();
        vertx.runOnContext(v -> a.start(vertx, s -> heard.add("gained " + s), s -> heard.add("lost " + s)));
        await(() -> a.records("pbx1"));

        down.set(true);
        Thread.sleep(3 * TTL.toMillis());
        assertTrue(a.records("pbx1"), "still recording: nobody can take the lease from a store that is down");
        assertEquals(List.of("gained pbx1"), heard);

        // the store answers again, the lease ran out meanwhile and another node took it
        clock.advance(TTL.plusMillis(1));
        assertTrue(leases.acquireLease(RecordingOwnership.leaseOf("pbx1"), "b", Duration.ofMinutes(1)).result());
        down.set(false);
        await(() -> !a.records("pbx1"));
        assertEquals(List.of("gained pbx1", "lost pbx1"), heard);
        a.stop();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    /** The shared table, as a node's store: saves counted, refused once the node is dead. */
    private InteractionStore store(AtomicInteger writes, BooleanSupplier dead) {
        return (InteractionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {InteractionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("save")) {
                        if (dead.getAsBoolean()) {
                            return Future.failedFuture("node dead");
                        }
                        writes.incrementAndGet();
                        Interaction i = (Interaction) args[0];
                        rows.put(i.id(), i);
                        return Future.succeededFuture();
                    }
                    if (method.getName().equals("find")) {
                        return Future.succeededFuture(Optional.ofNullable(rows.get((String) args[0])));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An AMI link whose events the test hands in. */
    private static Telephony telephony(List<Consumer<CallEvent>> handlers) {
        return (Telephony) Proxy.newProxyInstance(Telephony.class.getClassLoader(), new Class<?>[] {Telephony.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("onCallEvent")) {
                        @SuppressWarnings("unchecked")
                        Consumer<CallEvent> h = (Consumer<CallEvent>) args[0];
                        handlers.add(h);
                        return null;
                    }
                    if (method.getName().equals("onLinkEvent")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static CustomerStore noCustomers() {
        return (CustomerStore) Proxy.newProxyInstance(CustomerStore.class.getClassLoader(),
                new Class<?>[] {CustomerStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByPhone")) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
