package cc.dialer.app;

import cc.core.contract.CampaignDefinition;
import cc.dialer.domain.InvalidField;
import cc.dialer.domain.campaign.AttemptOutcome;
import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.pacing.PacingMode;
import cc.dialer.domain.pacing.RegulatorRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignDefinitionsTest {
    private static CampaignDefinition def(String mode, LocalTime closes, Map<String, Duration> retries,
                                          String currency, BigDecimal perDial, String regulator, int maxLines,
                                          String machine) {
        return new CampaignDefinition("autumn", "Autumn", List.of("gold"), mode, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), LocalTime.of(9, 0), closes, Set.of(DayOfWeek.SUNDAY), Set.of(), retries,
                3, currency, perDial, BigDecimal.ZERO, new BigDecimal("20"), regulator, maxLines, "sales", machine);
    }

    private static CampaignDefinition good() {
        return def("predictive", LocalTime.of(20, 0), Map.of("BUSY", Duration.ofMinutes(5)), "USD",
                new BigDecimal("0.05"), "UK-Ofcom", 10, "agent");
    }

    private static String error(CampaignDefinition d) {
        return assertThrows(InvalidField.class, () -> CampaignDefinitions.toCampaign(d, Set.of())).getMessage();
    }

    @Test
    @DisplayName("a good definition becomes the domain's campaign, with the server's days off added")
    void goodDefinition() {
        Campaign c = CampaignDefinitions.toCampaign(good(), Set.of(DayOfWeek.FRIDAY));
        assertEquals(PacingMode.PREDICTIVE, c.mode());
        assertEquals(RegulatorRule.UK_OFCOM, c.rule());
        assertEquals(Set.of(DayOfWeek.SUNDAY, DayOfWeek.FRIDAY), c.hours().daysOff());
        assertEquals(Optional.of(Duration.ofMinutes(5)), c.retries().delayAfter(AttemptOutcome.BUSY));
        assertEquals(Optional.empty(), c.retries().delayAfter(AttemptOutcome.NO_ANSWER));
        assertEquals(MachineAction.AGENT, CampaignDefinitions.machineAction(good().machineAction()));
    }

    @Test
    @DisplayName("each wrong field is named as the contract names it")
    void wrongFieldsAreNamed() {
        assertEquals("mode: 'blast' is not one of PREVIEW, PROGRESSIVE, PREDICTIVE", error(def("blast",
                LocalTime.of(20, 0), Map.of(), "USD", BigDecimal.ONE, "US-TSR", 1, "HANGUP")));
        assertEquals("closes: must be after opens (09:00), was 08:00", error(def("PREVIEW", LocalTime.of(8, 0),
                Map.of(), "USD", BigDecimal.ONE, "US-TSR", 1, "HANGUP")));
        assertEquals("retryDelays: 'CONNECTED' is not one of BUSY, NO_ANSWER, MACHINE, ABANDONED, FAILED",
                error(def("PREVIEW", LocalTime.of(20, 0), Map.of("CONNECTED", Duration.ZERO), "USD", BigDecimal.ONE,
                        "US-TSR", 1, "HANGUP")));
        assertEquals("currency: 'DOLLAR' is not an ISO 4217 code (USD, IRR, GBP...)", error(def("PREVIEW",
                LocalTime.of(20, 0), Map.of(), "DOLLAR", BigDecimal.ONE, "US-TSR", 1, "HANGUP")));
        assertEquals("costPerDial: must not be negative, was -1", error(def("PREVIEW", LocalTime.of(20, 0),
                Map.of(), "USD", BigDecimal.ONE.negate(), "US-TSR", 1, "HANGUP")));
        assertEquals("regulator: 'EU' is not one of US-TSR, UK-Ofcom", error(def("PREVIEW", LocalTime.of(20, 0),
                Map.of(), "USD", BigDecimal.ONE, "EU", 1, "HANGUP")));
        assertEquals("maxLines: must be at least 1, was 0", error(def("PREVIEW", LocalTime.of(20, 0), Map.of(),
                "USD", BigDecimal.ONE, "US-TSR", 0, "HANGUP")));
        assertEquals("machineAction: 'voicemail' is not one of HANGUP, MESSAGE, AGENT", error(def("PREVIEW",
                LocalTime.of(20, 0), Map.of(), "USD", BigDecimal.ONE, "US-TSR", 1, "voicemail")));
    }

    @Test
    @DisplayName("a recording policy other than inherit, always, never or on-demand is refused naming the field")
    void wrongRecordingIsNamed() {
        assertEquals("recording: 'sometimes' is not one of inherit, always, never, on-demand",
                error(good().withRecording("sometimes")));
    }

    @Test
    @DisplayName("each recording choice is accepted, and a definition without one keeps the queue's policy")
    void recordingChoices() {
        for (String choice : List.of("inherit", "always", "never", "on-demand", " Always ")) {
            CampaignDefinitions.toCampaign(good().withRecording(choice), Set.of());
        }
        assertEquals(RecordingChoice.ON_DEMAND, RecordingChoice.of(good().withRecording("on-demand").recording()));
        assertEquals("inherit", good().recording());
        assertEquals(RecordingChoice.INHERIT, RecordingChoice.of(good().withRecording(null).recording()));
    }
}
