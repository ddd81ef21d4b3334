package cc.launcher;

import cc.simulator.ChannelSnapshot;
import cc.simulator.TrafficGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AMI link cut again and again, and the simulated Asterisk restarted as a whole, under steady traffic (callers
 * through the IVR to agents, a predictive campaign): no record left open or written twice, the calls that died
 * closed as {@code link-lost}, agents available again, the campaign's attempts each closed with an outcome.
 *
 * <p>The cuts come at seeded random moments over {@code -Dfaults.ami.seconds} (default 100 s; the full run
 * is {@code -Dfaults.ami.seconds=600}), {@code -Dfaults.ami.cuts} of them (default 20), seed {@code -Dfaults.seed}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmiFaultsIT {
    private static final long SEED = Long.getLong("faults.seed", 16);
    private static final int CUTS = Integer.getInteger("faults.ami.cuts", 20);
    private static final int SECONDS = Integer.getInteger("faults.ami.seconds", 100);
    private static final String CUTS_CAMPAIGN = "under-cuts";
    private static final String RESTART_CAMPAIGN = "under-restart";
    private static FaultTraffic rig;

    @BeforeAll
    static void start() throws Exception {
        rig = FaultTraffic.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("the AMI link cut at random moments under traffic: every call recorded once and closed, no caller"
            + " connected twice, every agent available again, every campaign attempt closed honestly")
    void linkCutsAtRandomMoments() throws Exception {
        Random random = new Random(SEED);
        // the moments, at least 1.5 s apart so that each cut finds the link back up (reconnects take 0.2 to 1 s)
        List<Long> at = new ArrayList<>();
        long spare = Math.max(0, SECONDS * 1000L - 5_000 - CUTS * 1_500L);
        for (int i = 0; i < CUTS; i++) {
            at.add((long) (random.nextDouble() * spare));
        }
        at.sort(Long::compare);
        String prefix = "0935";
        rig.startCampaign(CUTS_CAMPAIGN);
        TrafficGenerator callers = rig.callers(1.0, prefix);
        long t0 = System.currentTimeMillis();
        int effective = 0;
        for (int i = 0; i < CUTS; i++) {
            long due = t0 + 2_500 + at.get(i) + i * 1_500L;
            Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
            boolean wasUp = rig.server.telephony().isUp("pbx1");
            rig.simulator.dropAmiConnections();
            effective += wasUp ? 1 : 0;
        }
        Thread.sleep(Math.max(0, t0 + SECONDS * 1000L - System.currentTimeMillis()));
        callers.stop();
        long placed = callers.placed();
        long dials = rig.tables.attempts(CUTS_CAMPAIGN);
        rig.pauseCampaign(CUTS_CAMPAIGN);
        Rig.awaitTrue("the link is up", Duration.ofSeconds(10), () -> rig.server.telephony().isUp("pbx1"));
        rig.awaitQuiet(Duration.ofSeconds(90));
        Thread.sleep(1_500);

        long[] records = rig.callerRecords(prefix);
        long[] attempts = rig.dishonestAttempts(CUTS_CAMPAIGN);
        long duplicates = rig.duplicateRecords() + rig.connectedTwice();
        List<String> busy = rig.agentsNotAvailable();
        System.out.println("AMI link cuts: injected " + CUTS + " cuts (" + effective + " on a live link) over "
                + SECONDS + " s, seed " + SEED + "; calls during faults " + placed + " inbound + " + dials
                + " campaign dials; records complete " + (records[0] - records[1]) + "/" + placed
                + "; attempts open " + attempts[0] + ", counted as talk without an agent " + attempts[1]
                + "; agents not available " + busy + "; duplicates " + duplicates);
        assertEquals(placed, records[0], () -> "every caller has one record; records without the caller's number: "
                + rowsWithoutNumber());
        assertEquals(0, records[1], "every record closed with a cause");
        assertEquals(0, attempts[0], "every attempt closed with an outcome");
        assertEquals(0, attempts[1], "no attempt counted as talk without an agent");
        assertTrue(busy.isEmpty(), "agents left busy: " + busy);
        assertEquals(0, duplicates);
        assertTrue(effective >= CUTS * 3 / 4, "most cuts found the link up: " + effective);
    }

    private static List<String> rowsWithoutNumber() {
        try {
            return rig.tables.rows("select call_id, caller_number, end_cause from interactions where channel = 'voice'"
                    + " and direction = 'inbound' and caller_number not like '09%'");
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    @Test
    @Order(2)
    @DisplayName("Asterisk restarted as a whole under traffic: the calls that died are closed as link-lost, their"
            + " agents are available again, the campaign's attempts are closed with an outcome, and calls after the"
            + " restart are served")
    void asteriskRestarts() throws Exception {
        rig.startCampaign(RESTART_CAMPAIGN);
        TrafficGenerator before = rig.callers(1.0, "0936");
        Thread.sleep(15_000);
        List<ChannelSnapshot> alive = rig.simulator.channels();
        Set<String> callersAlive = alive.stream().map(ChannelSnapshot::callerIdNum)
                .filter(n -> n.startsWith("0936")).collect(Collectors.toSet());
        long talking = alive.stream().filter(c -> c.name().startsWith("PJSIP/50") && !c.bridgeId().isEmpty()).count();
        long dialsBefore = rig.tables.attempts(RESTART_CAMPAIGN);
        Instant killed = Instant.now();
        rig.simulator.restart(Duration.ofSeconds(3));
        long placedBefore = before.placed();
        Rig.awaitTrue("the link is back up after the restart", Duration.ofSeconds(15),
                () -> rig.server.telephony().isUp("pbx1"));
        TrafficGenerator after = rig.callers(1.0, "0937");
        Thread.sleep(10_000);
        after.stop();
        rig.pauseCampaign(RESTART_CAMPAIGN);
        rig.awaitQuiet(Duration.ofSeconds(90));
        Thread.sleep(1_500);

        List<String> wrongCause = new ArrayList<>();
        for (String number : callersAlive) {
            String cause = rig.tables.summary(number, "end_cause");
            String endedAt = rig.tables.one(String.class, "select cast(ended_at < ? as varchar) from interactions"
                    + " where caller_number = ?", killed, number);
            if (!"link-lost".equals(cause) && !"true".equals(endedAt)) {
                wrongCause.add(number + " " + cause);
            }
        }
        long[] beforeRecords = rig.callerRecords("0936");
        long[] afterRecords = rig.callerRecords("0937");
        long[] attempts = rig.dishonestAttempts(RESTART_CAMPAIGN);
        long duplicates = rig.duplicateRecords() + rig.connectedTwice();
        List<String> busy = rig.agentsNotAvailable();
        long served = rig.tables.one(Long.class, "select count(*) from interactions where caller_number like '0937%'"
                + " and agent_answered_at is not null");
        System.out.println("Asterisk restart: injected 1 restart (3 s down, " + callersAlive.size()
                + " callers and " + talking + " agents on calls at the moment, " + alive.size() + " channels gone"
                + " without a Hangup); calls during faults " + placedBefore + " inbound before + " + after.placed()
                + " after, " + dialsBefore + " campaign dials before; records complete "
                + (beforeRecords[0] - beforeRecords[1] + afterRecords[0] - afterRecords[1]) + "/"
                + (placedBefore + after.placed()) + " (" + (callersAlive.size() - wrongCause.size())
                + " closed link-lost); attempts open " + attempts[0] + ", counted as talk without an agent "
                + attempts[1] + "; callers after the restart who reached an agent " + served + "; agents not available "
                + busy + "; duplicates " + duplicates);
        assertTrue(wrongCause.isEmpty(), "calls alive at the restart not closed as link-lost: " + wrongCause);
        assertEquals(placedBefore, beforeRecords[0], "every caller before the restart has one record");
        assertEquals(after.placed(), afterRecords[0], "every caller after the restart has one record");
        assertEquals(0, beforeRecords[1] + afterRecords[1], "every record closed with a cause");
        assertEquals(0, attempts[0], "every attempt closed with an outcome");
        assertEquals(0, attempts[1], "no attempt counted as talk without an agent");
        assertTrue(busy.isEmpty(), "agents left busy: " + busy);
        assertEquals(0, duplicates);
        assertTrue(served > 0, "callers after the restart reach agents");
    }
}
