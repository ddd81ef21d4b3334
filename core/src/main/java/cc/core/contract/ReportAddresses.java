package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/** Event-bus addresses of historical reports. Each constant names the body record it carries. */
public final class ReportAddresses {
    private ReportAddresses() {}

    /**
     * {@link ComputeReportTotals}: store the totals of every closed day that lacks them or is still unsettled, now
     * (request; reply {@link ReportTotalsComputed} when they are stored; a request during a run gets that run's reply).
     */
    public static final String COMPUTE_TOTALS = "cc.core.reports.compute-totals";

    /** The body records of these addresses. */
    public static final List<Class<? extends Record>> RECORDS = List.of(ComputeReportTotals.class,
            ReportTotalsComputed.class);

    /** Registers the local codec of every report record that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
