package cc.console.adapter.http;

import cc.console.testing.CampaignForms;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignReport;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CampaignJsonTest {
    private static String refusal(JsonObject body) {
        return assertThrows(IllegalArgumentException.class, () -> CampaignJson.definition("c1", body)).getMessage();
    }

    @Test
    @DisplayName("a campaign goes to the contract and back unchanged: money as exact decimal strings, retries in minutes")
    void roundTrip() {
        JsonObject body = CampaignForms.campaign("gold");
        CampaignDefinition d = CampaignJson.definition("c1", body);
        assertEquals(new BigDecimal("2500.50"), d.costPerMinute());
        assertEquals(Duration.ofHours(2), d.retryDelays().get("NO_ANSWER"));
        assertEquals(Set.of(DayOfWeek.FRIDAY), d.daysOff());
        assertEquals("always", d.recording());
        assertEquals(body.copy().put("id", "c1"), CampaignJson.definition(d));
    }

    @Test
    @DisplayName("a client that sends no recording policy gets the queue's (inherit); a non-text one is refused")
    void recordingMayBeLeftOut() {
        JsonObject body = CampaignForms.campaign("gold");
        body.remove("recording");
        assertEquals(CampaignDefinition.RECORDING_INHERIT, CampaignJson.definition("c1", body).recording());
        assertEquals("inherit", CampaignJson.definition(CampaignJson.definition("c1", body)).getString("recording"));
        assertEquals("recording: required, as text",
                refusal(CampaignForms.campaign("gold").put("recording", true)));
    }

    @Test
    @DisplayName("Persian digits are read as numbers, in amounts, counts and dates")
    void persianDigits() {
        CampaignDefinition d = CampaignJson.definition("c1", CampaignForms.campaign("gold")
                .put("costPerDial", "۱۵۰۰").put("maxAttempts", "۵").put("firstDay", "۲۰۲۶-۱۱-۲۴"));
        assertEquals(new BigDecimal("1500"), d.costPerDial());
        assertEquals(5, d.maxAttempts());
        assertEquals("2026-11-24", d.firstDay().toString());
    }

    @Test
    @DisplayName("a wrong shape is refused naming the field; money is never taken from a JSON number")
    void refusals() {
        JsonObject good = CampaignForms.campaign("gold");
        assertEquals("revenuePerConversion: send money as a decimal string such as \"1500.50\"",
                refusal(good.copy().put("revenuePerConversion", 4_000_000)));
        assertEquals("costPerDial: '1,500' is not a decimal amount", refusal(good.copy().put("costPerDial", "1,500")));
        assertEquals("closes: '8pm' is not a time such as 09:00", refusal(good.copy().put("closes", "8pm")));
        assertEquals("daysOff: 'Jomeh' is not a day of the week such as FRIDAY",
                refusal(good.copy().put("daysOff", new io.vertx.core.json.JsonArray().add("Jomeh"))));
        assertEquals("retryDelayMinutes.BUSY: required, as a whole number",
                refusal(good.copy().put("retryDelayMinutes", new JsonObject().put("BUSY", 1.5))));
        assertEquals("maxLines: required, as a whole number", refusal(good.copy().putNull("maxLines")));
        assertEquals("queue: required, as text", refusal(good.copy().put("queue", 7)));
    }

    private static CampaignReport.Day day(String date, long dials, String currency, String cost, String revenue) {
        return new CampaignReport.Day(LocalDate.parse(date), dials, 30, 29, 1, 0, 0.033, 0.021, 0.033, 60, 1.5, 40, 2,
                currency, new BigDecimal(cost), new BigDecimal(revenue), Optional.empty());
    }

    @Test
    @DisplayName("a report's range totals add counts and money exactly, and give the ROI of the sums")
    void totals() {
        JsonObject t = CampaignJson.totals(List.of(day("2026-11-23", 120, "IRR", "180000.10", "500000"),
                day("2026-11-24", 80, "IRR", "0.20", "0")));
        assertEquals(200, t.getLong("dials"));
        assertEquals(2, t.getInteger("days"));
        assertEquals("180000.30", t.getString("cost"), "no float ever held the amounts");
        assertEquals("500000", t.getString("revenue"));
        assertEquals("1.7778", t.getString("roi"));
        assertEquals(40.0, t.getDouble("talkMinutesPerAgentHour"), 1e-9);
        assertEquals("IRR", t.getString("currency"));

        JsonObject mixed = CampaignJson.totals(List.of(day("2026-11-23", 1, "IRR", "1", "1"),
                day("2026-11-24", 1, "USD", "1", "1")));
        assertNull(mixed.getValue("cost"), "rials and dollars are not added");
        assertNull(CampaignJson.totals(List.of()).getValue("roi"), "nothing spent, no ROI");
    }
}
