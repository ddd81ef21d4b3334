package cc.console.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The console's meters: open live channels (all, supervisors), signed-in sessions, screen-pops delivered and
 * undelivered, and live sends the access rules refused (anything but 0 is a bug worth an alert).
 */
public final class ConsoleMetrics implements MeterBinder {
    private final ConsoleVerticle console;

    public ConsoleMetrics(ConsoleVerticle console) {
        this.console = console;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        LiveHub hub = console.hub();
        Gauge.builder("cc.console.live.channels", hub, LiveHub::size)
                .description("Open live channels (WebSockets) of signed-in users").register(registry);
        Gauge.builder("cc.console.live.supervisor.channels", hub, LiveHub::supervisorCount)
                .description("Open live channels receiving the wallboard").register(registry);
        Gauge.builder("cc.console.sessions", console.sessions(), Sessions::size)
                .description("Signed-in sessions on this node").register(registry);
        FunctionCounter.builder("cc.console.pops.sent", hub, LiveHub::popsSent)
                .description("Screen-pops delivered to their agent's live channel").register(registry);
        FunctionCounter.builder("cc.console.pops.undelivered", hub, LiveHub::popsUndelivered)
                .description("Screen-pops for agents with no live channel open").register(registry);
        FunctionCounter.builder("cc.console.live.refused", hub, LiveHub::refusedSends)
                .description("Live sends the access rules refused").register(registry);
    }
}
