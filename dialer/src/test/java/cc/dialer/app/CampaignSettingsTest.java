package cc.dialer.app;

import cc.dialer.domain.campaign.CampaignFixtures;
import cc.dialer.domain.pacing.Distribution;
import cc.dialer.domain.pacing.PacingEstimates;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignSettingsTest {

    private static CampaignSettings withTrunk(String pattern) {
        return new CampaignSettings(CampaignFixtures.campaign(Set.of(DayOfWeek.FRIDAY)), List.of(), "pbx1", pattern,
                "", Duration.ofSeconds(25), "sales", MachineAction.HANGUP, RecordingChoice.INHERIT, "", "abandon", Duration.ofSeconds(2),
                new PacingEstimates(0.3, Distribution.uniform(1, 15), Distribution.uniform(1, 30),
                        Distribution.uniform(60, 300), Distribution.uniform(5, 30), 1.0));
    }

    @Test
    @DisplayName("the permitted digits go where the trunk pattern says")
    void dialString() {
        assertEquals("PJSIP/09121234567@trunk", withTrunk("PJSIP/{number}@trunk").dialString("09121234567"));
    }

    @Test
    @DisplayName("a trunk pattern without {number} is refused naming the campaign and the pattern")
    void trunkPatternNeedsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withTrunk("PJSIP/trunk"));
        assertEquals("campaign spring: trunkPattern 'PJSIP/trunk' has no {number}", e.getMessage());
    }

    @Test
    @DisplayName("the machine action reaches the dialplan as the value dialer.conf tests")
    void machineActionValues() {
        assertEquals("message", MachineAction.MESSAGE.dialplanValue());
        assertEquals("hangup", MachineAction.HANGUP.dialplanValue());
    }
}
