package cc.dialer.app;

import cc.core.contract.AcdAddresses;
import cc.core.contract.Addresses;
import cc.core.contract.CallOffered;
import cc.core.contract.CallbackSettled;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.OfferEnded;
import cc.core.contract.ScheduleCallback;
import cc.core.domain.interaction.Segment;
import cc.dialer.domain.clicktotalk.CallMeRequest;
import cc.dialer.domain.clicktotalk.ClickToTalkBook;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Click-to-talk requests of the "ring the agent first" queues ({@code dialer.clickToTalk.ringAgentFirst}): when one
 * falls due it is handed to the ACD as a callback the customer must confirm ({@link ScheduleCallback} with the ACD
 * call id {@code click-to-talk-<request>}, the topic, request and language for the pop, the request time as its kept
 * place, and the agent leg's own {@code Dial()}: the dialer's trunk and ring timeout with
 * {@code U(<confirm context>^<confirmation flow>)}). The ACD rings a free agent; the agent's answered phone dials the
 * customer, who hears the confirmation and only a 1 bridges the two. This follows the ACD's publications about that
 * call id to move the request: waiting, ringing-agent, calling-customer, then connected, declined or not-reached.
 *
 * <p>Threading: the dialer verticle's context (the event-bus consumers are registered there).
 */
final class AgentFirstCalls {
    private static final Logger LOG = LoggerFactory.getLogger(AgentFirstCalls.class);
    /** The ACD call id of a request: its publications name the request this way. */
    static final String CALL_PREFIX = "click-to-talk-";

    /** What this needs of the service that owns the book. */
    interface Host {
        /** Stores and publishes a changed request. */
        void changed(CallMeRequest r);

        void audit(CallMeRequest r, AuditEntry.Event event, String detail, String channel);

        /** Gives back the shared outbound line the request held. */
        void releaseLine(String requestId);

        Instant now();
    }

    private final ClickToTalkBook book;
    private final ClickToTalkSettings ctt;
    private final Host host;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private Vertx vertx;

    AgentFirstCalls(ClickToTalkBook book, ClickToTalkSettings ctt, Host host) {
        this.book = book;
        this.ctt = ctt;
        this.host = host;
    }

    boolean ringsAgentFirst(CallMeRequest r) {
        return ctt.ringAgentFirst().contains(r.queue());
    }

    void start(Vertx vertx) {
        this.vertx = vertx;
        AcdAddresses.registerCodecs(vertx.eventBus());
        ConsoleAddresses.registerCodecs(vertx.eventBus());
        consumers.add(vertx.eventBus().<CallOffered>consumer(Addresses.ACD_CALL_OFFERED, m -> {
            requestOf(m.body().callerUniqueId()).flatMap(id -> book.agentRung(id, m.body().agentId(), host.now()))
                    .ifPresent(host::changed);
        }));
        consumers.add(vertx.eventBus().<OfferEnded>consumer(Addresses.ACD_OFFER_ENDED, m -> {
            OfferEnded e = m.body();
            requestOf(e.callId()).ifPresent(id -> {
                Optional<CallMeRequest> r = Segment.ANSWERED.equals(e.outcome())
                        ? book.agentAnswered(id, e.agentId(), host.now()) : book.agentMissed(id, host.now());
                r.ifPresent(host::changed);
            });
        }));
        consumers.add(vertx.eventBus().<CallbackSettled>consumer(AcdAddresses.CALLBACK_SETTLED,
                m -> settled(m.body())));
    }

    List<Future<Void>> stop() {
        List<Future<Void>> done = new ArrayList<>();
        consumers.forEach(c -> done.add(c.unregister()));
        return done;
    }

    /**
     * Hands a due request to the ACD; the line it holds stays taken until the request is settled (so the agent's call
     * to the customer never goes past the dialer's cap).
     *
     * @param dialString the dialler's trunk dial string for the customer ({@code dialer.trunk} with the dial digits)
     */
    void handOver(CallMeRequest r, String dialString, int ringSeconds, String agiPath) {
        String dial = dialString + "," + ringSeconds + ",U(" + ctt.confirmContext() + "^" + agiPath + ")";
        Map<String, String> data = new LinkedHashMap<>();
        data.put("topic", r.topic());
        data.put("clickToTalk", r.id());
        data.put("language", r.language());
        data.put("keptPlaceSince", r.requestedAt().toString());
        data.put("callerNumber", r.number());
        ScheduleCallback callback = new ScheduleCallback(r.number(), host.now(), r.customerId().orElse(0L), r.queue(),
                "", "", r.topic(), ClickToTalkService.CAMPAIGN, CALL_PREFIX + r.id(), data, dial,
                Optional.of(r.requestedAt()));
        vertx.eventBus().request(ConsoleAddresses.CALLBACK_SCHEDULE, callback).onComplete(ar -> {
            if (ar.succeeded()) {
                book.handedToAcd(r.id(), host.now()).ifPresent(x -> {
                    host.changed(x);
                    LOG.info("click-to-talk {}: waiting in {} for an agent, place kept since {}", x.id(), x.queue(),
                            x.requestedAt());
                });
                return;
            }
            host.releaseLine(r.id());
            book.unanswered(r.id(), ClickToTalkBook.Unanswered.FAILED, "the ACD did not take it: "
                    + ar.cause().getMessage(), host.now()).ifPresent(x -> {
                        host.changed(x);
                        host.audit(x, AuditEntry.Event.FAILED, x.detail(), "");
                    });
        });
    }

    private void settled(CallbackSettled s) {
        Optional<String> id = requestOf(s.callId());
        if (id.isEmpty()) {
            return;
        }
        Instant now = host.now();
        Optional<CallMeRequest> changed;
        AuditEntry.Event event;
        if (CallbackSettled.CONNECTED.equals(s.outcome())) {
            changed = book.confirmedWithAgent(id.get(), s.agentId(), now);
            event = AuditEntry.Event.CONNECTED;
        } else if (CallbackSettled.DECLINED.equals(s.outcome())) {
            changed = book.declined(id.get(), s.agentId(), now);
            event = AuditEntry.Event.UNCONFIRMED;
        } else {
            changed = book.notReachedByAgent(id.get(), s.agentId(), now);
            event = AuditEntry.Event.NO_ANSWER;
        }
        host.releaseLine(id.get());
        changed.ifPresent(x -> {
            host.changed(x);
            host.audit(x, event, "ring the agent first: agent " + s.agentId() + " called; " + s.outcome(),
                    s.customerChannel());
            LOG.info("click-to-talk {}: {} (agent {})", x.id(), x.state().wireName(), s.agentId());
        });
    }

    private static Optional<String> requestOf(String callId) {
        return callId != null && callId.startsWith(CALL_PREFIX) ? Optional.of(callId.substring(CALL_PREFIX.length()))
                : Optional.empty();
    }
}
