package cc.core.app.report;

import cc.core.contract.ComputeReportTotals;
import cc.core.contract.ReportAddresses;
import cc.core.contract.ReportTotalsComputed;
import cc.core.domain.report.DayTotalling;
import cc.core.domain.report.DayTotals;
import cc.core.domain.report.ReportSettings;
import cc.core.domain.report.StoredDay;
import cc.core.domain.report.TotalsPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the report totals of closed days ({@link TotalsPolicy}): on start (catching up the days missed while the
 * server was down, or all of them after an upgrade), every {@code every} (none when zero), and on
 * {@link ReportAddresses#COMPUTE_TOTALS}. Each run computes the days without totals and the days whose
 * first-contact resolution is not yet settled, a few consecutive days per pass of the engine.
 *
 * <p>Threading: runs one at a time on this verticle's context; a request during a run gets that run's result. The
 * engine is fed on the source's worker thread; memory holds at most {@code chunkDays} of 15-minute tallies.
 */
public final class ReportTotalsJob extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ReportTotalsJob.class);
    /** Soon after start, so days missed while the server was down are filled before anyone asks. */
    static final Duration FIRST_RUN = Duration.ofSeconds(30);

    private final ReportSource source;
    private final ReportTotalsStore store;
    private final ReportSettings settings;
    private final TotalsPolicy policy;
    private final Duration every;
    private final InstantSource clock;
    private Future<ReportTotalsComputed> running;

    public ReportTotalsJob(ReportSource source, ReportTotalsStore store, ReportSettings settings, TotalsPolicy policy,
                           Duration every, InstantSource clock) {
        this.source = source;
        this.store = store;
        this.settings = settings;
        this.policy = policy;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        ReportAddresses.registerCodecs(vertx.eventBus());
        vertx.eventBus().<ComputeReportTotals>consumer(ReportAddresses.COMPUTE_TOTALS, m -> {
            log.info("Report totals asked by {}", m.body() == null ? "?" : m.body().requestedBy());
            run().onSuccess(m::reply).onFailure(e -> m.fail(500, String.valueOf(e.getMessage())));
        });
        if (every.isZero()) {
            log.info("Report totals are stored on request only (reports.totalsEvery is 0)");
        } else {
            log.info("Report totals of closed days are stored every {} (first in {}) and on request", every, FIRST_RUN);
            vertx.setPeriodic(FIRST_RUN.toMillis(), every.toMillis(), t -> run()
                    .onFailure(e -> log.warn("Storing report totals failed; next in {}: {}", every, e.getMessage())));
        }
        return Future.succeededFuture();
    }

    /** Runs (or joins) a run, on this verticle's context. */
    public Future<ReportTotalsComputed> run() {
        if (running != null) {
            return running;
        }
        Instant now = clock.instant();
        ZoneId zone = settings.zone();
        LocalDate last = policy.lastClosedDay(zone, now);
        LocalDate earliest = last.minusDays(policy.catchUpDays() - 1L);
        running = store.firstOffer().compose(firstOffer -> {
            LocalDate first = firstOffer.map(t -> t.atZone(zone).toLocalDate()).filter(d -> d.isAfter(earliest))
                    .orElse(earliest);
            if (firstOffer.isEmpty() || first.isAfter(last)) {
                return Future.succeededFuture(new long[2]);
            }
            return store.days(first, last).compose(stored -> {
                Map<LocalDate, StoredDay> byDay = new HashMap<>();
                stored.forEach(d -> byDay.put(d.day(), d));
                return compute(policy.toCompute(first, last, byDay, zone), 0, now, new long[2]);
            });
        }).map(n -> {
            ReportTotalsComputed r = new ReportTotalsComputed(now, (int) n[0], n[1],
                    Duration.between(now, clock.instant()));
            if (r.days() > 0) {
                log.info("Report totals stored for {} days ({} interactions read) in {} ms", r.days(),
                        r.interactions(), r.took().toMillis());
            }
            return r;
        }).andThen(r -> running = null);
        return running;
    }

    /** Computes the runs of days from the {@code i}th on, one after another; {@code done}: days and calls so far. */
    private Future<long[]> compute(List<List<LocalDate>> runs, int i, Instant now, long[] done) {
        if (i >= runs.size()) {
            return Future.succeededFuture(done);
        }
        List<LocalDate> days = runs.get(i);
        DayTotalling t = new DayTotalling(days.get(0), days.get(days.size() - 1), settings, policy.settleAfter(), now);
        return source.interactions(t.from(), t.to(), t::add)
                .compose(calls -> source.contacts(t.to(), t.readUntil(), t::add)
                        .compose(n -> source.spells(t.from(), t.to(), Optional.empty(), t::add))
                        .compose(n -> vertx.executeBlocking(t::days))
                        .compose(totals -> save(totals, 0))
                        .map(v -> {
                            done[0] += days.size();
                            done[1] += calls;
                            return done;
                        }))
                .compose(d -> compute(runs, i + 1, now, d));
    }

    private Future<Void> save(List<DayTotals> days, int i) {
        if (i >= days.size()) {
            return Future.succeededFuture();
        }
        return store.save(days.get(i), settings.zone()).compose(v -> save(days, i + 1));
    }

    /** Asks for a run from any thread (hopping onto this verticle's context), for tests and administration. */
    public Future<ReportTotalsComputed> runNow() {
        Promise<ReportTotalsComputed> done = Promise.promise();
        context.runOnContext(v -> run().onComplete(done));
        return done.future();
    }
}
