package cc.acd.domain.routing;

import cc.acd.domain.queue.QueueConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import static cc.acd.domain.routing.Scenario.agent;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait estimate against the waits callers then had, on a replayed day: Poisson arrivals, lognormal handle times
 * (the shape contact centers see: most calls short, a long tail), agents answering after a 3 s ring. Every
 * announcement (on arrival and every 30 s after) is paired with the moment that caller was answered.
 */
class WaitEstimateBiasTest {

    /** Estimate minus actual wait, in seconds, for every announcement with an estimate, and the actual waits. */
    record Errors(double[] signed, double[] actual) {
        double bias() {
            return java.util.Arrays.stream(signed).average().orElse(0);
        }

        double meanActual() {
            return java.util.Arrays.stream(actual).average().orElse(0);
        }
    }

    static Errors replay(double load, long seed) {
        return replay(load, seed, 1);
    }

    /** @param queues callers are spread evenly over this many queues, every agent serving all of them */
    static Errors replay(double load, long seed, int queues) {
        int agents = 20;
        double ahtSeconds = 180;
        double sigma = 0.8;
        double ringSeconds = 3;
        List<QueueConfig> qs = new ArrayList<>();
        String[] ids = new String[queues];
        for (int i = 0; i < queues; i++) {
            ids[i] = "q" + i;
            qs.add(QueueConfig.of(ids[i]).withAnnouncements(Duration.ofSeconds(30), Duration.ofSeconds(180)));
        }
        List<cc.acd.domain.agent.AgentProfile> profiles = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            profiles.add(agent("a" + i, ids));
        }
        Scenario s = new Scenario(qs, profiles);
        for (int i = 0; i < agents; i++) {
            s.available(0, "a" + i);
        }
        Random rnd = new Random(seed);
        double mu = Math.log(ahtSeconds) - sigma * sigma / 2;
        record Pending(double at, long order, AcdEvent event) {}
        PriorityQueue<Pending> future = new PriorityQueue<>((x, y) -> x.at != y.at ? Double.compare(x.at, y.at)
                : Long.compare(x.order, y.order));
        long[] order = {0};
        double arrivalRate = load * agents / ahtSeconds;
        double t = 0;
        int calls = 4000;
        for (int i = 0; i < calls; i++) {
            t += -Math.log(1 - rnd.nextDouble()) / arrivalRate;
            future.add(new Pending(t, order[0]++, new AcdEvent.CallArrived("c" + i, ids[i % queues], List.of(), 0, "",
                    Scenario.t(t))));
        }
        for (double tick = 1; tick < t + 3600; tick += 1) {
            future.add(new Pending(tick, order[0]++, new AcdEvent.Tick(Scenario.t(tick))));
        }
        Map<String, List<double[]>> told = new HashMap<>();
        Map<String, Double> answeredAt = new HashMap<>();
        while (!future.isEmpty()) {
            Pending p = future.poll();
            if (p.event instanceof AcdEvent.AgentAnswered a) {
                answeredAt.put(a.callId(), p.at);
            }
            for (AcdCommand c : s.acd.apply(p.event)) {
                if (c instanceof AcdCommand.OfferCall o) {
                    double answerAt = p.at + ringSeconds;
                    double endAt = answerAt + Math.exp(mu + sigma * rnd.nextGaussian());
                    future.add(new Pending(answerAt, order[0]++, new AcdEvent.AgentAnswered(o.callId(), o.agentId(),
                            Scenario.t(answerAt))));
                    future.add(new Pending(endAt, order[0]++, new AcdEvent.CallEnded(o.callId(), Scenario.t(endAt))));
                } else if (c instanceof AcdCommand.AnnouncePosition a && a.estimatedWait().isPresent()) {
                    told.computeIfAbsent(a.callId(), k -> new ArrayList<>())
                            .add(new double[] {p.at, a.estimatedWait().get().toMillis() / 1000.0});
                }
            }
        }
        List<Double> signed = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        told.forEach((callId, list) -> {
            Double answered = answeredAt.get(callId);
            if (answered == null) {
                return;
            }
            for (double[] e : list) {
                double wait = answered - e[0];
                signed.add(e[1] - wait);
                actual.add(wait);
            }
        });
        return new Errors(signed.stream().mapToDouble(Double::doubleValue).toArray(),
                actual.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    @DisplayName("on a replayed busy day with lognormal handle times the estimate is not biased: mean error within 12 %"
            + " of the mean wait at every load")
    void noBias() {
        assertUnbiased(1);
    }

    @Test
    @DisplayName("agents serving two queues: each queue's estimate counts only the callers its line gave up, so it is "
            + "not biased short (it was 42 % short when every freed agent counted in every queue it serves)")
    void sharedAgentsNoBias() {
        assertUnbiased(2);
    }

    private static void assertUnbiased(int queues) {
        List<String> biased = new ArrayList<>();
        for (double load : new double[] {0.9, 0.95, 1.0}) {
            Errors e = replay(load, 11, queues);
            String line = String.format("%d queue(s), load %.2f: %d announcements, mean wait %.1f s, bias %.1f s "
                    + "(%.1f %%)", queues, load, e.signed().length, e.meanActual(), e.bias(),
                    100 * e.bias() / e.meanActual());
            System.out.println(line);
            assertTrue(e.signed().length > 500, "enough callers waited: " + line);
            if (Math.abs(e.bias()) > 0.12 * e.meanActual()) {
                biased.add(line);
            }
        }
        assertTrue(biased.isEmpty(), "biased: " + biased);
    }
}
