package cc.integration.webhook;

import cc.integration.domain.relay.Backoff;
import cc.integration.domain.webhook.EventFilter;

import java.net.URI;
import java.time.Duration;

/**
 * One webhook subscription of {@code config/integration.yaml}.
 *
 * @param secret    the HMAC key, read from the environment variable the YAML names; never printed
 * @param timeout   how long one request may take before it counts as failed
 * @param maxEvents most events in one request
 * @param retry     waits between attempts while the receiver refuses
 * @param parkAfter how long a batch may keep failing before its events are parked as dead letters
 */
public record WebhookSubscription(String name, URI url, EventFilter events, String secretEnv, byte[] secret,
                                  Duration timeout, int maxEvents, Backoff retry, Duration parkAfter) {

    /** The relay's name for this sink (its cursor row). */
    public String sinkName() {
        return "webhook:" + name;
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + name + " " + url + " " + events.patterns() + " secret from $" + secretEnv + "]";
    }
}
