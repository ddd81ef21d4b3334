package cc.dialer.app;

import cc.core.contract.EnqueueCall;
import cc.dialer.domain.list.Contact;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@link EnqueueCall#data()} of a campaign's answered call handed to the ACD: who the customer is for the
 * agent's screen pop and the disposition, and the campaign's recording policy when it overrides the queue's.
 */
public final class AnsweredCallData {
    private AnsweredCallData() {}

    public static Map<String, String> of(String campaignId, Contact contact, long attemptId,
                                         RecordingChoice recording) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("campaign", campaignId);
        data.put("contact", contact.id());
        data.put("attempt", Long.toString(attemptId));
        data.put("origin", "dialer");
        contact.customerId().ifPresent(id -> data.put("customerId", Long.toString(id)));
        recording.acdPolicy().ifPresent(policy -> data.put(EnqueueCall.RECORDING_KEY, policy));
        return data;
    }
}
