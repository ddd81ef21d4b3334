package cc.core.contract;

/**
 * A preview dial passed the checks and the agent's phone is ringing.
 *
 * @param campaignId the campaign
 * @param contactId  the contact
 * @param attemptId  the attempt's id in the campaign (the customer is dialled once the agent answers)
 */
public record PreviewDialled(String campaignId, String contactId, long attemptId) {}
