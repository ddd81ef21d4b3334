package cc.core.contract;

/** Ask for every campaign (reply {@link CampaignList}). */
public record ListCampaigns() {}
