package cc.warehouse.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportPlanTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WarehouseView CALLS = WarehouseView.named("dw_interactions");
    private static final WarehouseView CAMPAIGNS = WarehouseView.named("dw_campaigns");
    /** 00:10 on 5 December in Tehran, still the 4th in UTC. */
    private static final Instant NOW = Instant.parse("2026-12-04T20:40:00Z");

    private static ExportedDay done(WarehouseView v, LocalDate day, ExportFormat format) {
        return new ExportedDay(v.name(), day, format, "x", 1, 1, "f", "r", NOW);
    }

    @Test
    @DisplayName("only closed days of the report zone, the last catchUpDays of them, oldest first")
    void closedDaysInTheZone() {
        List<ExportStep> steps = ExportPlan.steps(List.of(CALLS), NOW, TEHRAN, 3, ExportFormat.PARQUET, Map.of());
        assertEquals(List.of(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 4)),
                steps.stream().map(ExportStep::day).toList());
        assertTrue(steps.stream().allMatch(s -> s.previous().isEmpty()));
        // the same instant in London is still the 4th: the 4th is open there
        assertEquals(LocalDate.of(2026, 12, 3), ExportPlan.steps(List.of(CALLS), NOW, LONDON, 1, ExportFormat.PARQUET,
                Map.of()).get(0).day());
    }

    @Test
    @DisplayName("a day exported in the same format is checked (with its previous export); in another format, written")
    void exportedDaysAreChecked() {
        Map<String, ExportedDay> done = new HashMap<>();
        LocalDate third = LocalDate.of(2026, 12, 3);
        LocalDate fourth = LocalDate.of(2026, 12, 4);
        done.put(ExportPlan.key(CALLS.name(), third), done(CALLS, third, ExportFormat.PARQUET));
        done.put(ExportPlan.key(CALLS.name(), fourth), done(CALLS, fourth, ExportFormat.CSV));
        List<ExportStep> steps = ExportPlan.steps(List.of(CALLS), NOW, TEHRAN, 2, ExportFormat.PARQUET, done);
        assertEquals(Optional.of(done.get(ExportPlan.key(CALLS.name(), third))), steps.get(0).previous());
        assertEquals(Optional.empty(), steps.get(1).previous());
    }

    @Test
    @DisplayName("a snapshot view is written once, under the last closed day")
    void snapshotOnce() {
        List<ExportStep> first = ExportPlan.steps(List.of(CAMPAIGNS), NOW, TEHRAN, 7, ExportFormat.PARQUET, Map.of());
        assertEquals(1, first.size());
        assertEquals(LocalDate.of(2026, 12, 4), first.get(0).day());
        Map<String, ExportedDay> done = Map.of(ExportPlan.key(CAMPAIGNS.name(), LocalDate.of(2026, 12, 4)),
                done(CAMPAIGNS, LocalDate.of(2026, 12, 4), ExportFormat.PARQUET));
        assertEquals(List.of(), ExportPlan.steps(List.of(CAMPAIGNS), NOW, TEHRAN, 7, ExportFormat.PARQUET, done));
    }

    @Test
    @DisplayName("a day's UTC range is 23 or 25 hours across a daylight-saving change")
    void daylightSaving() {
        ExportStep spring = new ExportStep(CALLS, LocalDate.of(2026, 3, 29), Optional.empty());
        assertEquals(23, java.time.Duration.between(spring.from(LONDON), spring.to(LONDON)).toHours());
        ExportStep autumn = new ExportStep(CALLS, LocalDate.of(2026, 10, 25), Optional.empty());
        assertEquals(25, java.time.Duration.between(autumn.from(LONDON), autumn.to(LONDON)).toHours());
    }

    @Test
    @DisplayName("the next run is the configured hour in the zone, today when still ahead, else tomorrow")
    void nextRun() {
        assertEquals(Instant.parse("2026-12-04T22:30:00Z"), ExportPlan.nextRun(NOW, TEHRAN, 2));
        assertEquals(Instant.parse("2026-12-05T20:30:00Z"), ExportPlan.nextRun(NOW, TEHRAN, 0));
    }
}
