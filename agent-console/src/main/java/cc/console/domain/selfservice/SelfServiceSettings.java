package cc.console.domain.selfservice;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The public page's configuration ({@code selfService:} in config/server.yaml).
 *
 * @param queues         the queues shown with their wait, and offered for click-to-talk, in order
 * @param hours          when the center answers
 * @param clickToTalk    the request limits
 * @param orderLookup    the order lookup's failure limit
 * @param daysAhead      how many days ahead "call me at" may be
 * @param trustedProxies peer addresses whose {@code X-Forwarded-For} is believed (a reverse proxy in front)
 */
public record SelfServiceSettings(List<PublicQueue> queues, BusinessHours hours, ClickToTalkLimits clickToTalk,
                                  OrderLookupLimit orderLookup, int daysAhead, Set<String> trustedProxies) {

    /** A queue shown to customers, with its name in each language. */
    public record PublicQueue(String queue, String en, String fa) {
        public PublicQueue {
            Objects.requireNonNull(queue, "queue");
            en = en == null || en.isBlank() ? queue : en;
            fa = fa == null || fa.isBlank() ? en : fa;
        }

        public String name(String language) {
            return "fa".equals(language) ? fa : en;
        }
    }

    public SelfServiceSettings {
        queues = List.copyOf(queues);
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(clickToTalk, "clickToTalk");
        Objects.requireNonNull(orderLookup, "orderLookup");
        if (daysAhead < 0) {
            throw new IllegalArgumentException("daysAhead must not be negative");
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }

    public boolean isPublic(String queue) {
        return queues.stream().anyMatch(q -> q.queue().equals(queue));
    }
}
