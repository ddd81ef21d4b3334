package cc.dialer.domain.list;

import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.CallingHours;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.campaign.CampaignFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NextNumberPickerTest {
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Wednesday 10:00 UTC: 13:30 in Tehran, 05:00 in New York. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final Campaign campaign = CampaignFixtures.campaign(CallingHours.SUNDAY_OFF);
    private final NextNumberPicker picker = new NextNumberPicker();

    private static Contact contact(String id, String phone, ZoneId zone, double score) {
        return new Contact(id, "list-a", phone, id, zone, score, Optional.empty());
    }

    private static List<String> ids(NextNumberPicker.Selection s) {
        return s.picked().stream().map(Contact::id).toList();
    }

    @Test
    @DisplayName("eligible contacts come out by customer score, highest first")
    void byScore() {
        List<Contact> contacts = List.of(contact("low", "+989120000001", TEHRAN, 0.1),
                contact("high", "+989120000002", TEHRAN, 0.9), contact("mid", "+989120000003", TEHRAN, 0.5));
        assertEquals(List.of("high", "mid"), ids(picker.pick(campaign, contacts, Map.of(), DoNotCallList.empty(),
                NOW, 2)));
    }

    @Test
    @DisplayName("contacts outside their own calling hours, on do-not-call, or not yet due for a retry are skipped")
    void skips() {
        List<Contact> contacts = List.of(contact("tehran", "+989120000001", TEHRAN, 0.1),
                contact("new-york", "+12125550100", NEW_YORK, 0.9),
                contact("dnc", "+989120000002", TEHRAN, 0.8),
                contact("busy", "+989120000003", TEHRAN, 0.7),
                contact("other-list", "+989120000004", TEHRAN, 0.9));
        contacts = new java.util.ArrayList<>(contacts);
        contacts.set(4, new Contact("other-list", "list-b", "+989120000004", "", TEHRAN, 0.9, Optional.empty()));
        Map<String, ContactProgress> progress = new HashMap<>();
        progress.put("busy", ContactProgress.fresh("busy").afterAttempt(AttemptOutcome.BUSY, NOW.minusSeconds(60),
                campaign.retries()));
        NextNumberPicker.Selection s = picker.pick(campaign, contacts, progress,
                new DoNotCallList(Set.of("+989120000002")), NOW, 10);
        assertEquals(List.of("tehran"), ids(s));
        assertEquals(Map.of(SkipReason.OUTSIDE_HOURS, 1, SkipReason.DO_NOT_CALL, 1, SkipReason.RETRY_NOT_DUE, 1,
                SkipReason.NOT_IN_CAMPAIGN_LISTS, 1), s.skipped());

        NextNumberPicker.Selection later = picker.pick(campaign, contacts, progress,
                new DoNotCallList(Set.of("+989120000002")), NOW.plusSeconds(11 * 60), 10);
        assertEquals(List.of("busy", "tehran"), ids(later), "the busy retry is due ten minutes later");
    }

    @Test
    @DisplayName("due callbacks are dialled before higher-scored contacts")
    void callbacksFirst() {
        List<Contact> contacts = List.of(contact("vip", "+989120000001", TEHRAN, 0.99),
                contact("callback", "+989120000002", TEHRAN, 0.1));
        Map<String, ContactProgress> progress = Map.of("callback",
                ContactProgress.fresh("callback").withCallback(NOW.minusSeconds(30)));
        assertEquals(List.of("callback", "vip"), ids(picker.pick(campaign, contacts, progress,
                DoNotCallList.empty(), NOW, 5)));
        Map<String, ContactProgress> notYet = Map.of("callback",
                ContactProgress.fresh("callback").withCallback(NOW.plusSeconds(3600)));
        assertEquals(List.of("vip"), ids(picker.pick(campaign, contacts, notYet, DoNotCallList.empty(), NOW, 5)));
    }

    @Test
    @DisplayName("the do-not-call check runs again at dial time, so a number blocked after the pick is not dialled")
    void dncAtDialTime() {
        Contact c = contact("c", "+989120000001", TEHRAN, 0.5);
        ContactProgress p = ContactProgress.fresh("c");
        assertEquals(Optional.empty(), Eligibility.check(campaign, c, p, DoNotCallList.empty(), NOW));
        assertEquals(Optional.of(SkipReason.DO_NOT_CALL), Eligibility.check(campaign, c, p,
                new DoNotCallList(Set.of("+989120000001")), NOW.plusSeconds(1)));
    }

    @Test
    @DisplayName("an Iranian campaign rests on Friday, a Sunday-off campaign on Sunday, and holidays apply to both")
    void weeklyDaysOff() {
        Contact c = contact("c", "+989120000001", TEHRAN, 0.5);
        ContactProgress p = ContactProgress.fresh("c");
        Campaign iran = CampaignFixtures.campaign(CallingHours.IRAN_WEEKEND);
        Instant fridayNoon = Instant.parse("2026-11-27T08:30:00Z");
        assertEquals(Optional.of(SkipReason.DAY_OFF), Eligibility.check(iran, c, p, DoNotCallList.empty(),
                fridayNoon));
        assertEquals(Optional.empty(), Eligibility.check(campaign, c, p, DoNotCallList.empty(), fridayNoon));
        Instant nowruz = Instant.parse("2026-03-21T08:30:00Z");
        assertEquals(Optional.of(SkipReason.HOLIDAY), Eligibility.check(iran, c, p, DoNotCallList.empty(), nowruz));
        assertEquals(Optional.of(SkipReason.OUTSIDE_CAMPAIGN_DAYS), Eligibility.check(iran, c, p,
                DoNotCallList.empty(), Instant.parse("2027-01-04T08:30:00Z")));
    }
}
