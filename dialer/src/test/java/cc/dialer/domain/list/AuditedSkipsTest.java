package cc.dialer.domain.list;

import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The once-per-contact-and-reason memory, driven the way the runner drives it: every tick {@link Eligibility} decides
 * each contact on a virtual clock, the memory says which decisions are new rows.
 */
class AuditedSkipsTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Wednesday 10:00 UTC: 13:30 in Tehran (open, 09:00-21:00), 05:00 in New York (before opening). */
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");
    private static final String DNC_NUMBER = "+989120000002";

    private final Campaign campaign = CampaignFixtures.campaign(CallingHours.SUNDAY_OFF);
    private final Contact tehran = contact("tehran", "+989120000001", TEHRAN);
    private final Contact optedOut = contact("dnc", DNC_NUMBER, TEHRAN);
    private final Contact newYork = contact("new-york", "+12125550100", NEW_YORK);

    private static Contact contact(String id, String phone, ZoneId zone) {
        return new Contact(id, "list-a", phone, id, zone, 0.5, Optional.empty());
    }

    /** A row the runner would write. */
    private record Row(String contactId, SkipReason reason, Instant at) {}

    /** Replays pacing ticks on a virtual clock and keeps the rows the memory lets through. */
    private final class Ticks {
        final AuditedSkips memory;
        final Map<String, ContactProgress> progress = new HashMap<>();
        final List<Row> rows = new ArrayList<>();
        Set<String> dnc = new HashSet<>();
        Instant now;

        Ticks(AuditedSkips memory, Instant start) {
            this.memory = memory;
            this.now = start;
        }

        void run(int ticks, Duration every, Contact... contacts) {
            for (int i = 0; i < ticks; i++) {
                for (Contact c : contacts) {
                    ContactProgress p = progress.getOrDefault(c.id(), ContactProgress.fresh(c.id()));
                    Optional<SkipReason> why = Eligibility.check(campaign, c, p, new DoNotCallList(dnc), now);
                    Instant at = now;
                    memory.observe(c.id(), why).ifPresent(r -> rows.add(new Row(c.id(), r, at)));
                }
                now = now.plus(every);
            }
        }

        List<SkipReason> reasonsOf(String contactId) {
            return rows.stream().filter(r -> r.contactId().equals(contactId)).map(Row::reason).toList();
        }
    }

    @Test
    @DisplayName("a contact skipped on 100 ticks for the same reason gives one row; a callable contact gives none")
    void oneRowForManyTicks() {
        Ticks t = new Ticks(new AuditedSkips(), WEDNESDAY);
        t.dnc.add(DNC_NUMBER);
        t.run(100, Duration.ofSeconds(1), tehran, optedOut, newYork);
        assertEquals(List.of(SkipReason.DO_NOT_CALL), t.reasonsOf("dnc"));
        assertEquals(List.of(SkipReason.OUTSIDE_HOURS), t.reasonsOf("new-york"));
        assertEquals(List.of(), t.reasonsOf("tehran"));
        assertEquals(WEDNESDAY, t.rows.get(0).at(), "written on the first tick that decided it");
    }

    @Test
    @DisplayName("a contact whose stored zone is unknown is skipped on every tick and audited once, with the zone named")
    void unknownZone() {
        Contact lost = Contact.withUnknownZone("lost", "list-a", "+989120000009", "Lost", "Mars/Olympus_Mons", 0.5,
                Optional.empty());
        Ticks t = new Ticks(new AuditedSkips(), WEDNESDAY);
        t.run(100, Duration.ofSeconds(1), lost);
        assertEquals(List.of(SkipReason.UNKNOWN_TIME_ZONE), t.reasonsOf("lost"));
        assertEquals("unknown-time-zone: time zone 'Mars/Olympus_Mons' is unknown, so its calling hours cannot be"
                + " kept; not dialled until the contact's zone is corrected", AuditedSkips.detail(
                SkipReason.UNKNOWN_TIME_ZONE, campaign, lost, ContactProgress.fresh("lost"), WEDNESDAY));
    }

    @Test
    @DisplayName("a change of reason gives another row, and going back to the first reason one more")
    void changeOfReason() {
        Ticks t = new Ticks(new AuditedSkips(), WEDNESDAY);
        t.run(100, Duration.ofSeconds(1), newYork);
        t.dnc.add(newYork.phone());
        t.run(100, Duration.ofSeconds(1), newYork);
        t.dnc.clear();
        t.run(100, Duration.ofSeconds(1), newYork);
        assertEquals(List.of(SkipReason.OUTSIDE_HOURS, SkipReason.DO_NOT_CALL, SkipReason.OUTSIDE_HOURS),
                t.reasonsOf("new-york"));
        assertEquals(WEDNESDAY.plusSeconds(100), t.rows.get(1).at());
    }

    @Test
    @DisplayName("over two days, a contact outside hours gets a row each night it was callable before, and one for "
            + "its day off; never one per tick")
    void newRowOnANewDay() {
        Ticks t = new Ticks(new AuditedSkips(), WEDNESDAY);
        // a tick a minute from Wednesday 05:00 to Monday 05:00 in New York: Sunday is the campaign's day off
        t.run(5 * 24 * 60, Duration.ofMinutes(1), newYork);
        List<String> local = t.rows.stream().map(r -> r.reason().code() + " " + r.at().atZone(NEW_YORK)
                .toLocalDateTime()).toList();
        assertEquals(List.of("outside-hours 2026-11-25T05:00", "outside-hours 2026-11-25T21:00",
                "outside-hours 2026-11-26T21:00", "outside-hours 2026-11-27T21:00", "outside-hours 2026-11-28T21:00",
                "day-off 2026-11-29T00:00", "outside-hours 2026-11-30T00:00"), local);
    }

    @Test
    @DisplayName("waiting for a retry or callback, or finished on a final outcome, is no decision and writes nothing")
    void waitingIsNotASkip() {
        Ticks t = new Ticks(new AuditedSkips(), WEDNESDAY);
        t.progress.put("tehran", ContactProgress.fresh("tehran").afterAttempt(AttemptOutcome.BUSY, WEDNESDAY,
                campaign.retries()));
        t.progress.put("dnc", ContactProgress.fresh("dnc").withCallback(WEDNESDAY.plusSeconds(3600)));
        t.progress.put("reached", ContactProgress.fresh("reached").afterAttempt(AttemptOutcome.CONNECTED,
                WEDNESDAY, campaign.retries()));
        t.run(100, Duration.ofSeconds(1), tehran, optedOut, contact("reached", "+989120000009", TEHRAN));
        assertEquals(List.of(), t.rows);
    }

    @Test
    @DisplayName("attempts used up on outcomes that would be retried is audited once as max-attempts")
    void attemptsUsedUp() {
        Ticks t = new Ticks(new AuditedSkips(), WEDNESDAY);
        ContactProgress p = ContactProgress.fresh("tehran");
        for (int i = 0; i < campaign.retries().maxAttempts(); i++) {
            p = p.afterAttempt(AttemptOutcome.BUSY, WEDNESDAY.minusSeconds(3600), campaign.retries());
        }
        assertTrue(p.finished());
        t.progress.put("tehran", p);
        t.run(100, Duration.ofSeconds(1), tehran);
        assertEquals(List.of(SkipReason.MAX_ATTEMPTS), t.reasonsOf("tehran"));
        assertEquals("max-attempts: 5 of 5 attempts used, the last BUSY",
                AuditedSkips.detail(SkipReason.MAX_ATTEMPTS, campaign, tehran, p, WEDNESDAY));
    }

    @Test
    @DisplayName("after a restart the skips audited before are not written again, unless the contact's hours opened "
            + "since (it may have been callable meanwhile)")
    void resumed() {
        Instant restart = WEDNESDAY.plus(Duration.ofHours(1));
        Map<String, ZoneId> zones = Map.of("dnc", TEHRAN, "new-york", NEW_YORK, "tehran", TEHRAN);
        List<AuditedSkips.Audited> before = List.of(new AuditedSkips.Audited("dnc", SkipReason.DO_NOT_CALL,
                WEDNESDAY.minus(Duration.ofDays(3))), new AuditedSkips.Audited("new-york", SkipReason.OUTSIDE_HOURS,
                WEDNESDAY));
        Ticks soon = new Ticks(AuditedSkips.resumed(before, campaign, zones, restart), restart);
        soon.dnc.add(DNC_NUMBER);
        soon.run(100, Duration.ofSeconds(1), optedOut, newYork);
        assertEquals(List.of(), soon.rows, "06:00 in New York: still the night the row was written for");

        Instant nextNight = WEDNESDAY.plus(Duration.ofHours(18));
        Ticks later = new Ticks(AuditedSkips.resumed(before, campaign, zones, nextNight), nextNight);
        later.dnc.add(DNC_NUMBER);
        later.run(100, Duration.ofSeconds(1), optedOut, newYork);
        assertEquals(List.of(new Row("new-york", SkipReason.OUTSIDE_HOURS, nextNight)), later.rows,
                "23:00 in New York: the hours opened at 09:00, so this is a new night");
    }

    @Test
    @DisplayName("a row's detail starts with the reason's stable code and says when the contact is callable again")
    void detail() {
        ContactProgress fresh = ContactProgress.fresh("new-york");
        assertEquals("outside-hours: 2026-11-25 05:00 Wednesday in America/New_York, calling hours 09:00-21:00;"
                + " callable again from 2026-11-25T14:00:00Z", AuditedSkips.detail(SkipReason.OUTSIDE_HOURS, campaign,
                newYork, fresh, WEDNESDAY));
        assertEquals("do-not-call: +989120000002 is on the do-not-call list; never dialled while it stays there",
                AuditedSkips.detail(SkipReason.DO_NOT_CALL, campaign, optedOut, fresh, WEDNESDAY));
        Set<String> codes = new HashSet<>();
        for (SkipReason r : SkipReason.values()) {
            assertTrue(codes.add(r.code()), "codes are distinct: " + r.code());
            assertEquals(Optional.of(r), SkipReason.ofCode(r.code()));
        }
        assertEquals(Optional.empty(), SkipReason.ofCode("skipped by agent a1"));
    }
}
