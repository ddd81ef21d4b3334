package cc.integration.kafka;

import cc.core.config.ConfigNode;

import java.time.Duration;
import java.util.List;

/**
 * The {@code kafka:} block of {@code config/integration.yaml} (every key documented there).
 *
 * @param enabled          whether events go to Kafka at all
 * @param bootstrapServers {@code host:port,host:port} of the cluster's brokers
 * @param topicPrefix      topics are {@code <prefix>.<family>}: {@code cc.interaction}, {@code cc.customer}, ...
 * @param clientId         how the brokers name this producer in their logs and quotas
 * @param deliveryTimeout  how long one batch may take until the broker acknowledged every record; past it the
 *                         batch fails and the relay offers it again later
 */
public record KafkaSettings(boolean enabled, String bootstrapServers, String topicPrefix, String clientId,
        Duration deliveryTimeout) {

    /** Kafka's own lower bound: {@code delivery.timeout.ms} must cover a request and the linger. */
    static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofSeconds(1);

    public static KafkaSettings disabled() {
        return new KafkaSettings(false, "", "cc", "contact-center", Duration.ofSeconds(30));
    }

    /** Reads the block; bad values are refused naming the file and key ({@code kafka.topicPrefix}). */
    public static KafkaSettings read(ConfigNode node) {
        boolean enabled = node.bool("enabled", false);
        String servers = node.string("bootstrapServers", "").trim();
        if (enabled && servers.isEmpty()) {
            throw node.error("bootstrapServers", "is required when kafka.enabled is true (host:port, comma-separated)");
        }
        for (String s : servers.isEmpty() ? List.<String>of() : List.of(servers.split(","))) {
            if (!s.trim().matches("[^:\\s]+:\\d{1,5}")) {
                throw node.error("bootstrapServers", "must be host:port entries separated by commas, was \"" + servers + "\"");
            }
        }
        String prefix = node.string("topicPrefix", "cc").trim();
        // Kafka's topic names: letters, digits, '.', '_', '-' (the family and a dot are appended)
        if (!prefix.matches("[A-Za-z0-9._-]{1,200}")) {
            throw node.error("topicPrefix", "must be 1 to 200 of letters, digits, '.', '_' or '-', was \"" + prefix + "\"");
        }
        String clientId = node.string("clientId", "contact-center").trim();
        if (clientId.isEmpty()) {
            throw node.error("clientId", "must not be empty");
        }
        Duration timeout = node.duration("deliveryTimeout", Duration.ofSeconds(30));
        if (timeout.compareTo(MIN_DELIVERY_TIMEOUT) < 0) {
            throw node.error("deliveryTimeout", "must be at least 1s, was " + timeout.toMillis() + "ms");
        }
        return new KafkaSettings(enabled, servers, prefix, clientId, timeout);
    }

    /** The topic of an event family: {@code cc.interaction}. */
    public String topic(String family) {
        return topicPrefix + "." + family;
    }
}
