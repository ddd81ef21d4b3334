package cc.console.app;

import cc.console.domain.selfservice.ClickToTalkLimits;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the public self-service page reads and records: orders by number, and its own decisions (click-to-talk
 * requests handed over or refused, order lookups that failed), which the limits count across restarts and nodes.
 */
public interface SelfServiceStore {
    String CLICK_TO_TALK = "click-to-talk";
    String ORDER_LOOKUP = "order-lookup";

    /** An order as the CRM records it; {@code phone} is compared, never shown. */
    record Order(String number, String status, Optional<Instant> statusAt, Instant orderedAt, BigDecimal amount,
                 String phone) {}

    /** A request the page decided on. */
    record Decision(String kind, String address, String number, String reference, String outcome, String reason,
                    Instant at) {}

    Future<Optional<Order>> order(String orderNumber);

    /** Order lookups from the address since then that failed (unknown order or wrong second factor). */
    Future<Integer> lookupFailures(String address, Instant since);

    /** Records a decision as it is. */
    Future<Void> record(Decision decision);

    /**
     * Counts the click-to-talk requests handed over in the limits' windows and, in the same transaction (serialised
     * across nodes), records this one as sent or as refused with the limit it passed.
     *
     * @return the refusal, empty when the request may be handed over (and is recorded as sent)
     */
    Future<Optional<ClickToTalkLimits.Refusal>> admitClickToTalk(ClickToTalkLimits limits, String address,
                                                                 String number, String reference, Instant now);

    /** Notes the dialer's answer on a request handed over (its refusal, or that no dialer answered). */
    Future<Void> noteAnswer(String reference, String reason);
}
