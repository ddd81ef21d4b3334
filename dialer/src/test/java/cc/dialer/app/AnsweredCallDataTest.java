package cc.dialer.app;

import cc.core.contract.EnqueueCall;
import cc.dialer.domain.list.Contact;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AnsweredCallDataTest {
    private static final Contact CUSTOMER = new Contact("c-17", "gold", "+989121234567", "Sara",
            ZoneId.of("Asia/Tehran"), 0.8, Optional.of(4411L));

    @Test
    @DisplayName("a campaign that records always tells the ACD so, whatever its queue says")
    void campaignPolicyTravels() {
        Map<String, String> data = AnsweredCallData.of("autumn", CUSTOMER, 42, RecordingChoice.ALWAYS);
        assertEquals(Map.of("campaign", "autumn", "contact", "c-17", "attempt", "42", "origin", "dialer",
                "customerId", "4411", EnqueueCall.RECORDING_KEY, "always"), data);
        assertEquals("never", AnsweredCallData.of("autumn", CUSTOMER, 42, RecordingChoice.NEVER)
                .get(EnqueueCall.RECORDING_KEY));
        assertEquals("on-demand", AnsweredCallData.of("autumn", CUSTOMER, 42, RecordingChoice.ON_DEMAND)
                .get(EnqueueCall.RECORDING_KEY));
    }

    @Test
    @DisplayName("a campaign that inherits sends no recording key, so the queue's policy applies")
    void inheritLeavesItToTheQueue() {
        Map<String, String> data = AnsweredCallData.of("autumn", CUSTOMER, 42, RecordingChoice.INHERIT);
        assertFalse(data.containsKey(EnqueueCall.RECORDING_KEY), data.toString());
        assertEquals("c-17", data.get("contact"));
    }
}
