package cc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.AgiServerThread;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The libraries our adapters are built on (asterisk-java's ManagerConnection and FastAGI server) work against the
 * simulator unchanged: MD5 login, actions, event-generating actions, events, and a FastAGI script.
 */
class AsteriskJavaCompatibilityIT {
    private AsteriskSimulator sim;
    private AgiServerThread agiThread;

    @AfterEach
    void tearDown() {
        if (agiThread != null) {
            agiThread.shutdown();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @DisplayName("asterisk-java logs in with MD5, pings, originates to a phone, lists channels and hangs up")
    void managerConnection() throws Exception {
        sim = AsteriskSimulator.start(SimulatorConfig.builder().timings(Timings.defaults().withTimeScale(0.2)).build());
        ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", sim.amiPort(), "cc", "cc-secret")
            .createManagerConnection();
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        c.addEventListener(events::add);
        c.login();
        try {
            assertEquals("Success", c.sendAction(new PingAction(), 5_000).getResponse());
            OriginateAction o = new OriginateAction();
            o.setChannel("PJSIP/1001");
            o.setContext("cc-agent-wait");
            o.setExten("s");
            o.setPriority(1);
            o.setAsync(true);
            o.setTimeout(10_000L);
            o.setCallerId("\"Sara Ahmadi\" <09121234567>");
            assertEquals("Success", c.sendAction(o, 5_000).getResponse());
            OriginateResponseEvent answered = (OriginateResponseEvent) awaitEvent(events, OriginateResponseEvent.class);
            assertEquals("Success", answered.getResponse());
            assertEquals(4, answered.getReason());
            ResponseEvents list = c.sendEventGeneratingAction(new CoreShowChannelsAction(), 5_000);
            String channel = list.getEvents().stream().filter(e -> e instanceof CoreShowChannelEvent)
                .map(e -> ((CoreShowChannelEvent) e).getChannel()).findFirst().orElseThrow();
            assertTrue(channel.startsWith("PJSIP/1001-"), channel);
            assertEquals("Success", c.sendAction(new HangupAction(channel), 5_000).getResponse());
            awaitEvent(events, org.asteriskjava.manager.event.HangupEvent.class);
        } finally {
            c.logoff();
        }
    }

    @Test
    @DisplayName("an asterisk-java FastAGI script runs a caller through the default dialplan and reads their digits")
    void fastAgiScript() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CompletableFuture<String> digits = new CompletableFuture<>();
        AgiScript script = new AgiScript() {
            @Override
            public void service(AgiRequest request, AgiChannel channel) {
                try {
                    channel.answer();
                    channel.streamFile("hello-world");
                    digits.complete(request.getScript() + ":" + channel.getData("beep", 3_000, 4));
                    channel.setVariable("CC_NEXT", "done");
                } catch (Exception e) {
                    digits.completeExceptionally(e);
                }
            }
        };
        DefaultAgiServer server = new DefaultAgiServer((request, channel) -> script);
        server.setPort(port);
        agiThread = new AgiServerThread(server);
        agiThread.setDaemon(true);
        agiThread.startup();
        Thread.sleep(300);
        sim = AsteriskSimulator.start(SimulatorConfig.builder().agi("127.0.0.1", port, "main?lang=en")
            .timings(Timings.defaults().withTimeScale(0.2)).build());
        SimulatedCall call = sim.placeInboundCall(InboundCall.of("09121234567", "Sara", "5550100")
            .withDtmf(new DtmfStep(2_000, "42#")));
        assertEquals("main:42", digits.get(15, TimeUnit.SECONDS));
        CallOutcome outcome = call.awaitEnd(Duration.ofSeconds(15));
        assertEquals("SUCCESS", outcome.agiStatus());
        assertEquals("done", outcome.variables().get("CC_NEXT"));
    }

    private static ManagerEvent awaitEvent(List<ManagerEvent> events, Class<?> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (ManagerEvent e : events) {
                if (type.isInstance(e)) {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type.getSimpleName() + " among " + events);
    }
}
