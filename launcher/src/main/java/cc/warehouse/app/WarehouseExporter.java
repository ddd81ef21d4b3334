package cc.warehouse.app;

import cc.warehouse.domain.ExportPlan;
import cc.warehouse.domain.ExportStep;
import cc.warehouse.domain.WarehouseView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily warehouse export: every day at {@code warehouse.hour} (report zone), and once ten minutes after start so a
 * server that was down at that hour catches up, as {@code ScoreRecomputer} runs its first scoring; also on request on
 * {@link #EXPORT} (body {@code {"requestedBy": "..."}}, reply {@link ExportSummary#toJson()}). Each run writes the
 * closed days of the last {@code catchUpDays} not yet exported, and writes again those whose rows changed.
 *
 * <p>Threading: runs one at a time on this verticle's context (a request during a run gets that run's result); each
 * view-day is read and written on the database's worker pool, one after the other.
 */
public final class WarehouseExporter extends VerticleBase {
    /** Asks for an export run now (admins reach it through the console's POST /api/admin/warehouse/export). */
    public static final String EXPORT = cc.core.contract.WarehouseAddresses.EXPORT;
    static final Duration FIRST_RUN = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(WarehouseExporter.class);

    private final WarehouseSettings settings;
    private final WarehouseStore store;
    private final InstantSource clock;
    private final MeterRegistry metrics;
    private Future<ExportSummary> running;
    private volatile long lastSuccess;
    private Counter rows;

    public WarehouseExporter(WarehouseSettings settings, WarehouseStore store, InstantSource clock,
                             MeterRegistry metrics) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        rows = Counter.builder("cc.warehouse.rows.written").description("Rows written to warehouse export files")
                .register(metrics);
        Gauge.builder("cc.warehouse.last.success", () -> lastSuccess).description(
                "Epoch seconds of the last warehouse export run that completed").register(metrics);
        vertx.eventBus().<JsonObject>consumer(EXPORT, m -> {
            String who = m.body() == null ? "?" : m.body().getString("requestedBy", "?");
            if (!settings.enabled()) {
                m.fail(409, "the warehouse export is off (warehouse.enabled: false)");
                return;
            }
            log.info("Warehouse export asked by {}", who);
            exportNow().onSuccess(s -> m.reply(s.toJson())).onFailure(e -> m.fail(500, String.valueOf(e.getMessage())));
        });
        return store.useZone(settings.zone()).onSuccess(v -> {
            if (!settings.enabled()) {
                log.info("Warehouse views use report zone {}; the daily export is off (warehouse.enabled)",
                        settings.zone());
                return;
            }
            log.info("Warehouse export: {} files into {} every day at {}:00 {} (first in {}), {} days back",
                    settings.format().configName(), settings.directory().toAbsolutePath(), settings.hour(),
                    settings.zone(), FIRST_RUN, settings.catchUpDays());
            vertx.setTimer(FIRST_RUN.toMillis(), t -> scheduled());
        });
    }

    private void scheduled() {
        exportNow().onFailure(e -> log.warn("Warehouse export failed; the next run retries: {}", e.getMessage()))
                .onComplete(ar -> {
                    Instant now = clock.instant();
                    Instant next = ExportPlan.nextRun(now, settings.zone(), settings.hour());
                    vertx.setTimer(Math.max(1, Duration.between(now, next).toMillis()), t -> scheduled());
                });
    }

    /** Runs (or joins) an export run, on this verticle's context. */
    public Future<ExportSummary> exportNow() {
        if (running != null) {
            return running;
        }
        Instant now = clock.instant();
        running = store.exported()
                .map(done -> ExportPlan.steps(WarehouseView.ALL, now, settings.zone(), settings.catchUpDays(),
                        settings.format(), done))
                .compose(steps -> run(steps, 0, new Tally(now)))
                .onSuccess(s -> {
                    lastSuccess = clock.instant().getEpochSecond();
                    log.info("Warehouse export: {} files written, {} written again (rows changed), {} days unchanged, "
                            + "{} rows", s.written(), s.rewritten(), s.unchanged(), s.rowsWritten());
                })
                .andThen(ar -> running = null);
        return running;
    }

    /** Asks for a run from any thread (hopping onto this verticle's context), for tests and administration. */
    public Future<ExportSummary> exportFromOutside() {
        return Future.future(p -> context.runOnContext(v -> exportNow().onComplete(p)));
    }

    private Future<ExportSummary> run(List<ExportStep> steps, int i, Tally tally) {
        if (i >= steps.size()) {
            return Future.succeededFuture(tally.summary());
        }
        return store.export(steps.get(i), settings.zone(), clock.instant()).compose(r -> {
            tally.add(r);
            if (r.outcome() != WarehouseStore.StepResult.Outcome.UNCHANGED) {
                rows.increment(r.rows());
            }
            return run(steps, i + 1, tally);
        });
    }

    private static final class Tally {
        private final Instant startedAt;
        private int written;
        private int rewritten;
        private int unchanged;
        private long rows;
        private final List<String> files = new ArrayList<>();

        Tally(Instant startedAt) {
            this.startedAt = startedAt;
        }

        void add(WarehouseStore.StepResult r) {
            switch (r.outcome()) {
                case WRITTEN:
                    written++;
                    break;
                case REWRITTEN:
                    rewritten++;
                    break;
                default:
                    unchanged++;
                    return;
            }
            rows += r.rows();
            files.add(r.step().view().name() + "/date=" + r.step().day());
        }

        ExportSummary summary() {
            return new ExportSummary(startedAt, written, rewritten, unchanged, rows, files);
        }
    }
}
