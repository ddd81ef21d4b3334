package cc.dialer.domain.clicktotalk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One click-to-talk request as the dialer keeps it.
 *
 * @param id          the page's request id
 * @param number      the customer's number in E.164 form (checked by the dial rules when accepted)
 * @param language    {@code fa} or {@code en}: the confirmation prompt's language and the pop's
 * @param queue       the ACD queue the confirmed customer waits in
 * @param topic       what the customer wants to talk about (on the agent's pop)
 * @param customerId  the CRM customer when the page knew them
 * @param callAt      when the customer asked to be called
 * @param requestedAt when the request was made: the place in line the confirmed customer keeps
 * @param state       where it stands
 * @param attempts    calls placed so far
 * @param nextDialAt  when it may be dialled (callAt, or after a retry delay)
 * @param callOpen    the customer's call is still up (false once it hung up, even when connected)
 * @param uniqueId    the customer's channel of the current call once answered; empty otherwise
 * @param detail      why, for failures and refusals; empty otherwise
 * @param changedAt   when it reached this state
 */
public record CallMeRequest(String id, String number, String language, String queue, String topic,
                            Optional<Long> customerId, Instant callAt, Instant requestedAt, CallMeState state,
                            int attempts, Instant nextDialAt, boolean callOpen, String uniqueId, String detail,
                            Instant changedAt) {
    public CallMeRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(callAt, "callAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextDialAt, "nextDialAt");
        uniqueId = uniqueId == null ? "" : uniqueId;
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** A new request waiting for its time. */
    public static CallMeRequest scheduled(String id, String number, String language, String queue, String topic,
                                          Optional<Long> customerId, Instant callAt, Instant requestedAt,
                                          Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt,
                CallMeState.SCHEDULED, 0, callAt, false, "", "", now);
    }

    /** A request refused when it arrived: kept (and audited) so the page can ask why. */
    public static CallMeRequest refused(String id, String number, String language, String queue, String topic,
                                        Optional<Long> customerId, Instant callAt, Instant requestedAt,
                                        String why, Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt,
                CallMeState.REFUSED, 0, callAt, false, "", why, now);
    }

    CallMeRequest moved(CallMeState to, String why, Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt, to, attempts,
                nextDialAt, to.onCall() && callOpen, uniqueId, why, now);
    }

    CallMeRequest dialled(Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt,
                CallMeState.DIALLING, attempts + 1, nextDialAt, true, "", "", now);
    }

    CallMeRequest answered(String channelId, Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt,
                CallMeState.CONFIRMING, attempts, nextDialAt, true, channelId, "", now);
    }

    CallMeRequest retryAt(Instant at, String why, Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt,
                CallMeState.SCHEDULED, attempts, at, false, "", why, now);
    }

    CallMeRequest hungUp(String why, Instant now) {
        return new CallMeRequest(id, number, language, queue, topic, customerId, callAt, requestedAt, state,
                attempts, nextDialAt, false, uniqueId, why, now);
    }
}
