package cc.core.domain.dialing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialPermissionsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** An Iranian dial plan: mobiles 09.., landlines 01..08, premium 0909, emergency 110/115/125. */
    private static DialPlanConfig iran(boolean premium, boolean international, Set<String> countries) {
        List<NumberPattern> patterns = new ArrayList<>();
        patterns.add(new NumberPattern("ir-mobile", NumberClass.MOBILE, "09", 11, 11));
        patterns.add(new NumberPattern("ir-premium", NumberClass.PREMIUM, "0909", 11, 11));
        for (int area = 1; area <= 8; area++) {
            patterns.add(new NumberPattern("ir-landline", NumberClass.LANDLINE, "0" + area, 11, 11));
        }
        for (String code : List.of("110", "115", "125")) {
            patterns.add(new NumberPattern("ir-emergency", NumberClass.EMERGENCY, code, 3, 3));
        }
        Set<NumberClass> allowed = premium ? Set.of(NumberClass.MOBILE, NumberClass.LANDLINE, NumberClass.PREMIUM)
                : Set.of(NumberClass.MOBILE, NumberClass.LANDLINE);
        return new DialPlanConfig("98", "0", "00", patterns, allowed, international, countries, 30,
                Map.of("spring-sale", 10), 5);
    }

    private static DialRequest campaign(String number, int lines, int campaignLines) {
        return new DialRequest(number, Optional.of("spring-sale"), "dialer", lines, campaignLines, NOW);
    }

    private static DialRequest clickToDial(String number) {
        return new DialRequest(number, Optional.empty(), "agent-7", 0, 0, NOW);
    }

    private final DialPermissions permissions = new DialPermissions(iran(false, false, Set.of()));

    @Test
    @DisplayName("a national mobile is allowed in any common notation and dialled in national form")
    void nationalMobile() {
        for (String n : List.of("0912 345 6789", "+98 912 345-6789", "0098(912)3456789")) {
            DialDecision d = permissions.check(campaign(n, 0, 0));
            assertTrue(d.allowed(), n + ": " + d.detail());
            assertEquals("09123456789", d.dialDigits());
            assertEquals(NumberClass.MOBILE, d.numberClass());
            assertEquals(Optional.of("ir-mobile"), d.pattern());
        }
        assertTrue(permissions.check(clickToDial("021-8888-7777")).allowed());
    }

    @Test
    @DisplayName("premium-rate numbers are refused unless configured, and the longer prefix wins over mobile")
    void premium() {
        DialDecision refused = permissions.check(campaign("09091234567", 0, 0));
        assertFalse(refused.allowed());
        assertEquals(DialDecision.Reason.PREMIUM_REFUSED, refused.reason());
        assertTrue(new DialPermissions(iran(true, false, Set.of())).check(campaign("09091234567", 0, 0)).allowed());
    }

    @Test
    @DisplayName("international numbers are refused unless allowed, and then only to the listed countries")
    void international() {
        assertEquals(DialDecision.Reason.INTERNATIONAL_REFUSED,
                permissions.check(campaign("+44 20 7946 0958", 0, 0)).reason());
        DialPermissions abroad = new DialPermissions(iran(false, true, Set.of("971")));
        DialDecision dubai = abroad.check(campaign("+971 4 123 4567", 0, 0));
        assertTrue(dubai.allowed(), dubai.detail());
        assertEquals("0097141234567", dubai.dialDigits());
        assertEquals(DialDecision.Reason.INTERNATIONAL_REFUSED,
                abroad.check(campaign("+44 20 7946 0958", 0, 0)).reason());
    }

    @Test
    @DisplayName("emergency codes are never dialled and cannot be allowed")
    void emergency() {
        assertEquals(DialDecision.Reason.EMERGENCY_REFUSED, permissions.check(clickToDial("115")).reason());
        assertThrows(IllegalArgumentException.class, () -> new DialPlanConfig("98", "0", "00", List.of(),
                Set.of(NumberClass.EMERGENCY), false, Set.of(), 1, Map.of(), 1));
    }

    @Test
    @DisplayName("malformed and unknown numbers are refused with the reason")
    void malformed() {
        assertEquals(DialDecision.Reason.MALFORMED, permissions.check(clickToDial("0912abc4567")).reason());
        assertEquals(DialDecision.Reason.MALFORMED, permissions.check(clickToDial("")).reason());
        assertEquals(DialDecision.Reason.NO_MATCHING_PATTERN, permissions.check(clickToDial("0912345")).reason());
    }

    @Test
    @DisplayName("the global and per-campaign line caps are enforced; click-to-dial only counts the global one")
    void lineCaps() {
        assertEquals(DialDecision.Reason.GLOBAL_LINE_CAP, permissions.check(campaign("09123456789", 30, 0)).reason());
        assertEquals(DialDecision.Reason.CAMPAIGN_LINE_CAP,
                permissions.check(campaign("09123456789", 12, 10)).reason());
        assertTrue(permissions.check(campaign("09123456789", 12, 9)).allowed());
        DialRequest other = new DialRequest("09123456789", Optional.of("winter"), "dialer", 12, 5, NOW);
        assertEquals(DialDecision.Reason.CAMPAIGN_LINE_CAP, permissions.check(other).reason(),
                "an unlisted campaign gets the default cap of 5");
    }

    @Test
    @DisplayName("every decision names the campaign, requester and time for the audit log")
    void auditFields() {
        DialDecision d = permissions.check(clickToDial("+44 20 7946 0958"));
        assertEquals("agent-7", d.requestedBy());
        assertEquals(Optional.empty(), d.campaignId());
        assertEquals(NOW, d.at());
        assertEquals("+44 20 7946 0958", d.number());
        assertFalse(d.detail().isBlank());
    }
}
