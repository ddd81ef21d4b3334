package cc.ivr.app;

import cc.ivr.domain.engine.FlowInterpreter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.List;

/**
 * {@code ivr.sessions.active} (callers in the IVR now), {@code ivr.sessions.ended} by {@code outcome} (a fixed set),
 * {@code ivr.flows.loaded} and {@code ivr.agi.refused}.
 */
public final class IvrMetrics implements MeterBinder {
    private static final List<String> OUTCOMES = List.of(FlowInterpreter.COMPLETED, FlowInterpreter.CALLER_HUNG_UP,
            FlowInterpreter.ENQUEUED, FlowInterpreter.TRANSFERRED, FlowInterpreter.FAILED);

    private final IvrSessions sessions;
    private final FlowLibrary flows;
    private final java.util.function.LongSupplier agiRefused;

    public IvrMetrics(IvrSessions sessions, FlowLibrary flows) {
        this(sessions, flows, () -> 0);
    }

    /** @param agiRefused FastAGI connections refused because they came from a host not allowed */
    public IvrMetrics(IvrSessions sessions, FlowLibrary flows, java.util.function.LongSupplier agiRefused) {
        this.sessions = sessions;
        this.flows = flows;
        this.agiRefused = agiRefused;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ivr.sessions.active", sessions, IvrSessions::active)
                .description("callers in an IVR session now").register(registry);
        for (String outcome : OUTCOMES) {
            FunctionCounter.builder("ivr.sessions.ended", sessions, s -> s.ended(outcome)).tag("outcome", outcome)
                    .description("IVR sessions ended, by how they ended").register(registry);
        }
        Gauge.builder("ivr.flows.loaded", flows, f -> f.all().size()).description("IVR flows in service")
                .register(registry);
        FunctionCounter.builder("ivr.agi.refused", agiRefused, java.util.function.LongSupplier::getAsLong)
                .description("FastAGI connections refused: from a host not in agi.allowFrom").register(registry);
    }
}
