package cc.console.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Request bodies a campaign manager's page sends, for the API and browser tests. */
public final class CampaignForms {
    private CampaignForms() {}

    /** A predictive campaign over one list, priced in rials, as the campaign form sends it. */
    public static JsonObject campaign(String listId) {
        return new JsonObject().put("name", "Gold card renewal").put("listIds", new JsonArray().add(listId))
                .put("mode", "PREDICTIVE").put("firstDay", "2026-11-23").put("lastDay", "2026-12-20")
                .put("opens", "09:00").put("closes", "20:00").put("daysOff", new JsonArray().add("FRIDAY"))
                .put("holidays", new JsonArray().add("2026-12-16"))
                .put("retryDelayMinutes", new JsonObject().put("BUSY", 10).put("NO_ANSWER", 120).put("MACHINE", 240)
                        .put("ABANDONED", 60))
                .put("maxAttempts", 5).put("currency", "IRR").put("costPerDial", "1500")
                .put("costPerMinute", "2500.50").put("revenuePerConversion", "4000000").put("regulator", "US-TSR")
                .put("maxLines", 20).put("queue", "sales").put("machineAction", "HANGUP")
                .put("recording", "always");
    }
}
