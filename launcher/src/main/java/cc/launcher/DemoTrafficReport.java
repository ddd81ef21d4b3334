package cc.launcher;

import cc.core.contract.Addresses;
import cc.core.contract.CampaignList;
import cc.core.contract.CampaignView;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ListCampaigns;
import cc.core.contract.QueueStatsUpdated;
import cc.simulator.AsteriskSimulator;
import cc.simulator.SimulatorStats;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A line on the demo's terminal now and then, so a newcomer sees calls flowing without opening anything: calls the
 * simulator placed, callers waiting in the queues, answered by agents, abandoned, agents busy, and how far each
 * outbound campaign has got.
 */
final class DemoTrafficReport {
    private DemoTrafficReport() {}

    static void start(Vertx vertx, AsteriskSimulator simulator, PrintStream out, Duration every) {
        AtomicReference<QueueStatsUpdated> latest = new AtomicReference<>();
        // the ACD sends every agent's figures now and then and only the changed ones in between: kept merged
        Map<String, String> agentStates = new ConcurrentHashMap<>();
        vertx.eventBus().<QueueStatsUpdated>localConsumer(Addresses.ACD_QUEUE_STATS_UPDATED, m -> {
            latest.set(m.body());
            remember(agentStates, m.body());
        });
        vertx.setPeriodic(every.toMillis(), id -> vertx.eventBus()
                .<CampaignList>request(DialerAddresses.CAMPAIGN_LIST, new ListCampaigns())
                .map(m -> m.body().campaigns())
                .otherwise(List.of())
                .onSuccess(campaigns -> out.println(line(simulator.stats(), latest.get(), agentStates, campaigns))));
    }

    /** Merges the agents an update carries (every agent, or the ones that changed) into their last known states. */
    static void remember(Map<String, String> agentStates, QueueStatsUpdated update) {
        update.agents().forEach(a -> agentStates.put(a.agentId(), a.state()));
    }

    /**
     * @param agentStates every agent's state as the ACD's figures last said it (its updates between the full ones
     *                    carry only the agents that changed)
     */
    static String line(SimulatorStats sim, QueueStatsUpdated acd, Map<String, String> agentStates,
                       List<CampaignView> campaigns) {
        StringBuilder b = new StringBuilder("[demo ").append(LocalTime.now().truncatedTo(ChronoUnit.SECONDS))
                .append("] inbound calls ").append(sim.callsStarted())
                .append(", through the IVR ").append(sim.agiSessions());
        if (acd != null) {
            long answered = acd.queues().stream().mapToLong(QueueStatsUpdated.QueueFigures::answered).sum();
            long abandoned = acd.queues().stream().mapToLong(QueueStatsUpdated.QueueFigures::abandoned).sum();
            int waiting = acd.queues().stream().mapToInt(QueueStatsUpdated.QueueFigures::waiting).sum();
            long onCall = agentStates.values().stream().filter("on-call"::equals).count();
            b.append("; waiting now ").append(waiting)
                    .append(", agents on a call ").append(onCall).append('/').append(agentStates.size())
                    .append("; this interval: answered by agents ").append(answered)
                    .append(", abandoned ").append(abandoned);
        }
        for (CampaignView c : campaigns) {
            b.append("; campaign ").append(c.definition().id()).append(' ').append(c.status())
                    .append(": dialled ").append(c.dialled()).append(", in progress ").append(c.inFlight())
                    .append(", contacts left ").append(c.remaining()).append('/').append(c.contacts());
        }
        return b.toString();
    }
}
