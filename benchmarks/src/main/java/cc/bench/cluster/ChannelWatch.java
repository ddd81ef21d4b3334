package cc.bench.cluster;

import cc.simulator.AsteriskSimulator;
import cc.simulator.ChannelSnapshot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's channels as the outside sees them, sampled every 10 ms on a thread of its own: when each agent
 * phone's channel (an offer: the ACD rings the agent's phone once per offer) and each customer's channel (a campaign
 * call) was first seen, by {@link System#nanoTime()}, and the most customer channels up at once, with each stretch of
 * time they were above the cap (its start and its most).
 */
final class ChannelWatch {
    private final AsteriskSimulator sim;
    private final String agentPhones;
    private final String customers;
    private final Set<String> known = new HashSet<>();
    /** First-seen times in the order seen; guarded by this. */
    private final List<Long> agentChannels = new ArrayList<>();
    private final List<Long> customerChannels = new ArrayList<>();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger mostSinceReset = new AtomicInteger();
    /** The most AMI sessions logged in at once (one node owns the link). */
    private final AtomicInteger mostAmiSessions = new AtomicInteger();
    private final int cap;
    /** Stretches above the cap: start time and most channels; touched by the sampler only, read after stop. */
    private final List<String> overCap = new ArrayList<>();
    private Instant overSince;
    private int overMost;
    private volatile boolean running = true;
    private Thread sampler;

    ChannelWatch(AsteriskSimulator sim, String agentPhones, String customers, int cap) {
        this.sim = sim;
        this.cap = cap;
        this.agentPhones = agentPhones;
        this.customers = customers;
    }

    void start() {
        sampler = new Thread(() -> {
            while (running) {
                try {
                    sample();
                } catch (RuntimeException e) {
                    System.err.println("channel watch: the simulator did not answer: " + e);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "channel-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        mostAmiSessions.accumulateAndGet(sim.stats().amiSessions(), Math::max);
        List<ChannelSnapshot> channels = sim.channels();
        long now = System.nanoTime();
        int up = 0;
        synchronized (this) {
            for (ChannelSnapshot ch : channels) {
                boolean agent = ch.name().startsWith(agentPhones);
                boolean customer = ch.name().startsWith(customers);
                if (customer) {
                    up++;
                }
                if ((agent || customer) && known.add(ch.uniqueid())) {
                    (agent ? agentChannels : customerChannels).add(now);
                }
            }
        }
        int seen = up;
        if (seen > cap) {
            if (overSince == null) {
                overSince = Instant.now();
            }
            overMost = Math.max(overMost, seen);
        } else if (overSince != null) {
            overCap.add(DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(overSince)
                    + " for " + java.time.Duration.between(overSince, Instant.now()).toMillis() + " ms, at most "
                    + overMost);
            overSince = null;
            overMost = 0;
        }
        most.accumulateAndGet(seen, Math::max);
        mostSinceReset.accumulateAndGet(seen, Math::max);
    }

    synchronized long agentChannelsSeen() {
        return agentChannels.size();
    }

    synchronized long customerChannelsSeen() {
        return customerChannels.size();
    }

    /** When the first agent phone channel seen at or after {@code notBefore} (nanoTime) was seen. */
    synchronized Optional<Long> firstAgentChannelAfter(long notBefore) {
        return first(agentChannels, notBefore);
    }

    synchronized Optional<Long> firstCustomerChannelAfter(long notBefore) {
        return first(customerChannels, notBefore);
    }

    private static Optional<Long> first(List<Long> seen, long notBefore) {
        for (int i = seen.size() - 1; i >= 0 && seen.get(i) - notBefore >= 0; i--) {
            if (i == 0 || seen.get(i - 1) - notBefore < 0) {
                return Optional.of(seen.get(i));
            }
        }
        return Optional.empty();
    }

    int mostAmiSessions() {
        return mostAmiSessions.get();
    }

    int mostCustomerChannels() {
        return most.get();
    }

    /** The stretches of time above the cap (read after {@link #stop}). */
    List<String> overCap() {
        return List.copyOf(overCap);
    }

    void resetMost() {
        mostSinceReset.set(0);
    }

    int mostSinceReset() {
        return mostSinceReset.get();
    }

    void stop() throws InterruptedException {
        running = false;
        sampler.join();
        if (overSince != null) {
            overCap.add(DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(overSince)
                    + " until the end, at most " + overMost);
        }
    }
}
