package cc.console.app;

import cc.core.contract.CallOffered;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PopLookupsTest {
    private static CallOffered offer(Map<String, String> data) {
        return new CallOffered("agent-1", "i-1", "c-1", "09121112233", "support", data, Instant.EPOCH);
    }

    @Test
    @DisplayName("lookups are asked with what the card knows: the customer's record over what the IVR heard, the caller's number as phone")
    void keys() {
        JsonObject card = new JsonObject().put("customer", new JsonObject().put("id", 42L).put("account", "51000001")
                .put("phones", new JsonArray().add("02188776655")));
        assertEquals(Map.of("customerId", "42", "accountNumber", "51000001", "phone", "09121112233"),
                PopLookups.keys(card, offer(Map.of("account", "999", "customerId", "7"))));
        assertEquals(Map.of("accountNumber", "999", "phone", "09121112233"),
                PopLookups.keys(new JsonObject(), offer(Map.of("account", "999", "customerId", " "))),
                "an unknown caller: what the IVR heard; blanks are not keys");
    }

    @Test
    @DisplayName("with no lookups configured the card goes out as built, without waiting")
    void none() {
        JsonObject card = new JsonObject().put("id", "i-1");
        assertSame(card, PopLookups.NONE.attach(null, card, offer(Map.of())).result());
        assertEquals(true, new PopLookups(Duration.ofMillis(300), List.of()).isEmpty());
    }
}
