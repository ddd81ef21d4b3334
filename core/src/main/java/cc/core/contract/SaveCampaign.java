package cc.core.contract;

import java.util.Objects;

/** Create or change a campaign that is not running; {@code byUser} goes to the audit log. */
public record SaveCampaign(CampaignDefinition definition, String byUser) {
    public SaveCampaign {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(byUser, "byUser");
    }
}
