package cc.integration;

import cc.integration.domain.relay.RelayRules;
import cc.integration.webhook.WebhookSubscription;

import java.util.List;

/**
 * What {@code config/integration.yaml} says (documented there key by key): the relay's rules, the webhook
 * subscriptions and the Kafka sink.
 */
public record IntegrationSettings(RelayRules relay, List<WebhookSubscription> webhooks,
                                  cc.integration.kafka.KafkaSettings kafka) {

    public IntegrationSettings {
        webhooks = List.copyOf(webhooks);
        java.util.Objects.requireNonNull(kafka, "kafka");
    }

    /** Webhooks only, Kafka off. */
    public IntegrationSettings(RelayRules relay, List<WebhookSubscription> webhooks) {
        this(relay, webhooks, cc.integration.kafka.KafkaSettings.disabled());
    }

    /** No file configured: the relay runs with no webhooks and no Kafka (other sinks may still be added). */
    public static IntegrationSettings none() {
        return new IntegrationSettings(IntegrationSection.defaultRelay(), List.of());
    }
}
