package cc.core.contract;

import java.util.List;

/** Every campaign, by id. */
public record CampaignList(List<CampaignView> campaigns) {
    public CampaignList {
        campaigns = List.copyOf(campaigns);
    }
}
