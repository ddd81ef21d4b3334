package cc.integration;

import cc.integration.domain.relay.RelayRules;
import cc.integration.webhook.WebhookSubscription;

import java.util.List;

/**
 * What {@code config/integration.yaml} says (documented there key by key): the relay's rules and the webhook
 * subscriptions.
 */
public record IntegrationSettings(RelayRules relay, List<WebhookSubscription> webhooks) {

    public IntegrationSettings {
        webhooks = List.copyOf(webhooks);
    }

    /** No file configured: the relay runs with no webhooks (other sinks may still be added). */
    public static IntegrationSettings none() {
        return new IntegrationSettings(IntegrationSection.defaultRelay(), List.of());
    }
}
