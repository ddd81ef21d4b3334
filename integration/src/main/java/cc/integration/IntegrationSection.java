package cc.integration;

import cc.core.config.ConfigNode;
import cc.core.domain.integration.BusinessEventType;
import cc.integration.domain.relay.Backoff;
import cc.integration.domain.relay.RelayRules;
import cc.integration.domain.webhook.EventFilter;
import cc.integration.webhook.WebhookSubscription;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code config/integration.yaml}. A bad value, an unknown key, a missing secret variable or an event type that
 * does not exist is refused naming the file and the key ({@code webhooks[0].secretEnv}). Secrets are never in the
 * file: each subscription names the environment variable that holds its secret.
 */
public final class IntegrationSection {
    private static final Duration POLL = Duration.ofMillis(50);

    private IntegrationSection() {}

    public static IntegrationSettings load(Path file) {
        return read(ConfigNode.load(file), System::getenv);
    }

    /** {@code env} looks up the secrets' variables (tests pass their own). */
    public static IntegrationSettings read(ConfigNode root, Function<String, String> env) {
        ConfigNode r = root.child("relay");
        Duration poll = r.duration("pollEvery", POLL);
        if (poll.compareTo(Duration.ofMillis(10)) < 0 || poll.compareTo(Duration.ofMinutes(1)) > 0) {
            throw r.error("pollEvery", "must be between 10ms and 1m");
        }
        RelayRules rules = new RelayRules(r.integer("batchSize", 500, 1, 10_000), poll,
                r.duration("gapGrace", Duration.ofSeconds(10)), r.duration("lateWatch", Duration.ofMinutes(10)),
                backoff(r.child("retry")));
        List<WebhookSubscription> subs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> known = Arrays.stream(BusinessEventType.values()).map(BusinessEventType::wire)
                .collect(Collectors.toSet());
        for (ConfigNode w : root.children("webhooks")) {
            String name = w.requiredString("name");
            if (!name.matches("[a-z0-9][a-z0-9\\-_]{0,59}")) {
                throw w.error("name", "must be lowercase letters, digits, '-' or '_' (at most 60), was \"" + name
                        + "\"");
            }
            if (!names.add(name)) {
                throw w.error("name", "\"" + name + "\" is used by another subscription");
            }
            URI url;
            try {
                url = URI.create(w.requiredString("url"));
            } catch (IllegalArgumentException e) {
                throw w.error("url", "is not a URL: " + e.getMessage());
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw w.error("url", "must be an http:// or https:// URL with a host, was \"" + url + "\"");
            }
            EventFilter events = new EventFilter(w.strings("events", List.of("*")));
            List<String> unknown = events.unknown(known);
            if (!unknown.isEmpty()) {
                throw w.error("events", "no such event type " + unknown + "; one of " + known.stream().sorted()
                        .toList() + ", a family as interaction.*, or *");
            }
            String secretEnv = w.requiredString("secretEnv");
            String secret = env.apply(secretEnv);
            if (secret == null || secret.length() < 16) {
                throw w.error("secretEnv", "environment variable " + secretEnv + (secret == null ? " is not set"
                        : " holds fewer than 16 characters") + " (the subscription's signing secret)");
            }
            Duration timeout = w.duration("timeout", Duration.ofSeconds(10));
            if (timeout.isZero()) {
                throw w.error("timeout", "must be more than 0s");
            }
            subs.add(new WebhookSubscription(name, url, events, secretEnv, secret.getBytes(StandardCharsets.UTF_8),
                    timeout, w.integer("maxEvents", 100, 1, 500), backoff(w.child("retry")),
                    w.duration("parkAfter", Duration.ofMinutes(30))));
        }
        ConfigNode kafkaNode = root.child("kafka");
        cc.integration.kafka.KafkaSettings kafka = cc.integration.kafka.KafkaSettings.read(kafkaNode);
        kafkaNode.finish();
        root.finish();
        return new IntegrationSettings(rules, subs, kafka);
    }

    static RelayRules defaultRelay() {
        return new RelayRules(500, POLL, Duration.ofSeconds(10), Duration.ofMinutes(10),
                new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1)));
    }

    private static Backoff backoff(ConfigNode n) {
        Duration initial = n.duration("initialDelay", Duration.ofMillis(500));
        Duration max = n.duration("maxDelay", Duration.ofMinutes(1));
        if (initial.isZero()) {
            throw n.error("initialDelay", "must be more than 0s");
        }
        if (max.compareTo(initial) < 0) {
            throw n.error("maxDelay", "must not be below initialDelay (" + initial + ")");
        }
        return new Backoff(initial, max);
    }
}
