package cc.core.domain.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SliceRollUpTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant day(int y, int m, int d, ZoneId zone) {
        return LocalDate.of(y, m, d).atStartOfDay(zone).toInstant();
    }

    private static Slice<QualityFigures> survey(String queue, Instant at, long answers, long sum) {
        return new Slice<>(queue, at, QualityFigures.surveys(answers, sum));
    }

    @Test
    @DisplayName("Days of surveys and evaluations add up into Jalali weeks that start on Saturday, every week present")
    void jalaliWeeks() {
        // 2026-11-28 is a Saturday (1405-09-07); the range is two Jalali weeks
        Instant from = day(2026, 11, 28, TEHRAN);
        Instant to = day(2026, 12, 12, TEHRAN);
        List<Slice<QualityFigures>> slices = List.of(
                survey("sales", day(2026, 11, 28, TEHRAN), 4, 18),
                survey("sales", day(2026, 12, 4, TEHRAN), 1, 2),      // Friday: still the first week
                new Slice<>("sales", day(2026, 12, 4, TEHRAN), QualityFigures.evaluations(2, 150.0, 1)),
                survey("sales", day(2026, 12, 5, TEHRAN), 2, 10),     // Saturday: the second week
                survey("support", day(2026, 12, 11, TEHRAN), 3, 9),
                survey("support", day(2026, 12, 12, TEHRAN), 7, 35)); // the day after the range: nowhere
        List<ReportRow<QualityFigures>> rows = SliceRollUp.rows(from, to,
                new Buckets(ReportInterval.WEEK, ReportCalendar.JALALI, TEHRAN), slices, QualityFigures.ZERO,
                QualityFigures::plus);

        assertEquals(4, rows.size(), "two queues, two weeks each: " + rows);
        ReportRow<QualityFigures> first = rows.get(0);
        assertEquals("sales", first.subject());
        assertEquals("1405-09-07", first.bucket().label());
        assertEquals(5, first.figures().surveys());
        assertEquals(Optional.of(4.0), first.figures().averageSatisfaction());
        assertEquals(2, first.figures().evaluations());
        assertEquals(Optional.of(75.0), first.figures().averageScore());
        assertEquals(1, first.figures().criticalFailures());
        assertEquals("1405-09-14", rows.get(1).bucket().label());
        assertEquals(Optional.of(5.0), rows.get(1).figures().averageSatisfaction());
        assertEquals(Optional.empty(), rows.get(1).figures().averageScore(), "no evaluation that week");
        assertEquals("support", rows.get(2).subject());
        assertEquals(QualityFigures.ZERO, rows.get(2).figures(), "a quiet week is present, with nothing in it");
        assertEquals(3, rows.get(3).figures().surveys(), "the day after the range is not counted");
    }

    @Test
    @DisplayName("Quarter hours across London's autumn clock change fall in the two hours that share a label")
    void quarterHoursAcrossFallBack() {
        // 2026-10-25: clocks go back at 02:00 BST to 01:00 GMT, so 01:00..02:00 local happens twice
        Instant firstOne = Instant.parse("2026-10-25T00:00:00Z"); // 01:00 BST
        Instant secondOne = Instant.parse("2026-10-25T01:00:00Z"); // 01:00 GMT
        List<Slice<QualityFigures>> slices = List.of(
                survey("q", firstOne.plus(Duration.ofMinutes(45)), 1, 5),
                survey("q", secondOne.plus(Duration.ofMinutes(15)), 2, 4));
        List<ReportRow<QualityFigures>> rows = SliceRollUp.rows(day(2026, 10, 25, LONDON), day(2026, 10, 26, LONDON),
                new Buckets(ReportInterval.HOUR, ReportCalendar.GREGORIAN, LONDON), slices, QualityFigures.ZERO,
                QualityFigures::plus);

        assertEquals(25, rows.size(), "a 25-hour day");
        assertEquals("2026-10-25 01:00", rows.get(1).bucket().label());
        assertEquals("2026-10-25 01:00", rows.get(2).bucket().label());
        assertEquals(1, rows.get(1).figures().surveys());
        assertEquals(2, rows.get(2).figures().surveys());
    }

    @Test
    @DisplayName("A campaign's attempts, wrap-ups and skips of one day add into one row with its abandon rates")
    void campaignDay() {
        Instant from = day(2026, 12, 2, TEHRAN);
        CampaignFigures dials = new CampaignFigures(100, 30, 2, 10, 1, 40, 10, 8, 6, Duration.ofMinutes(90),
                Duration.ZERO, 70, Map.of());
        CampaignFigures more = new CampaignFigures(20, 8, 0, 2, 0, 6, 2, 2, 1, Duration.ofMinutes(30),
                Duration.ZERO, 20, Map.of());
        CampaignFigures wrapUp = new CampaignFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO,
                Duration.ofMinutes(19), 0, Map.of());
        CampaignFigures skips = new CampaignFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, 0,
                Map.of("do-not-call", 4L, "outside-hours", 3L));
        CampaignFigures dnc = new CampaignFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, 0,
                Map.of("do-not-call", 1L));
        List<ReportRow<CampaignFigures>> rows = SliceRollUp.rows(from, from.plus(Duration.ofDays(1)),
                new Buckets(ReportInterval.DAY, ReportCalendar.GREGORIAN, TEHRAN),
                List.of(new Slice<>("c1", from, dials), new Slice<>("c1", from, wrapUp), new Slice<>("c1", from, skips),
                        new Slice<>("c1", from, more), new Slice<>("c1", from, dnc)),
                CampaignFigures.ZERO, CampaignFigures::plus);

        assertEquals(1, rows.size());
        CampaignFigures f = rows.get(0).figures();
        assertEquals(120, f.dials());
        assertEquals(38, f.connected());
        assertEquals(40, f.contacts());
        assertEquals(Map.of("do-not-call", 5L, "outside-hours", 3L), f.skipped());
        assertEquals(8, f.skippedTotal());
        assertEquals(Optional.of(2 / 40.0), f.abandonRate());
        assertEquals(Optional.of(3 / 41.0), f.abandonRateUk(), "the AMD false positive counts for Ofcom");
        assertEquals(Optional.of(Duration.ofMinutes(120).dividedBy(38)), f.averageTalk());
        assertEquals(Optional.of(Duration.ofSeconds(30)), f.averageWrapUp());
        assertEquals(Optional.of(7 / 38.0), f.conversionRate());
    }
}
