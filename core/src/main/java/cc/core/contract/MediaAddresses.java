package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

import java.util.List;

/**
 * Event-bus addresses of contacts that are not phone calls (web chats, emails), {@code cc.acd.media.<verb>}: the
 * channel that owns the contact (the chat server, the mailbox) hands it to the ACD, the ACD offers it to an agent with
 * room for it on that channel, and the channel connects the customer to whoever took it. The ACD routes these with
 * the same queues, skills and agent states as calls; an agent's capacity per channel decides how many it may hold.
 *
 * <p>Ids: {@code interactionId} is chosen by the channel when the contact starts (its interaction record's id) and
 * names the contact on every address. Outcomes and end reasons use the constants of
 * {@link cc.core.domain.interaction.Segment} where one fits.
 */
public final class MediaAddresses {
    private MediaAddresses() {}

    /**
     * {@link EnqueueMedia}: a new chat or email thread waits for an agent in a queue (request; reply {@link MediaQueued},
     * or fail 404 no such queue / 409 refused with the reason, e.g. the queue takes no such channel or is full).
     */
    public static final String ENQUEUE = "cc.acd.media.enqueue";

    /** {@link MediaOffered}: the ACD offers a contact to an agent, who accepts or declines it (published). */
    public static final String OFFERED = "cc.acd.media.offered";

    /**
     * {@link AnswerMediaOffer}: the agent accepts or declines an offer (request; reply {@link MediaOfferEnded}, or fail
     * 409 when the offer is no longer the agent's).
     */
    public static final String ANSWER = "cc.acd.media.answer";

    /**
     * {@link MediaOfferEnded}: an offer ended: accepted (the agent now holds the contact), declined, not answered in
     * time, or the customer left (published).
     */
    public static final String OFFER_ENDED = "cc.acd.media.offer-ended";

    /**
     * {@link TransferMedia}: the agent who holds a contact sends it to a queue (request; reply {@link MediaQueued}, or
     * fail 404 / 409 with the reason). The agent's room on the channel is freed at once.
     */
    public static final String TRANSFER = "cc.acd.media.transfer";

    /**
     * {@link EndMedia}: the contact is over: the visitor left, the agent closed the chat, the email was answered and
     * closed (request; reply {@link MediaEnded}; 404 when the ACD does not know it).
     */
    public static final String END = "cc.acd.media.end";

    /** {@link MediaEnded}: the ACD took the contact out of its queue or freed the agent's room for it (published). */
    public static final String ENDED = "cc.acd.media.ended";

    /**
     * {@link EnqueueMedia}: the ACD accepted a contact into a queue (published after it replied to {@link #ENQUEUE}), so
     * that the interaction recorder sees every contact without taking part in the request.
     */
    public static final String ENQUEUED = "cc.acd.media.enqueued";

    /** {@link TransferMedia}: the ACD accepted a transfer (published after it replied to {@link #TRANSFER}). */
    public static final String TRANSFERRED = "cc.acd.media.transferred";

    /**
     * {@link MediaStatsUpdated}: chats and emails waiting and offered per queue and channel, and what each agent holds
     * against its capacity (published with the wallboard figures, and when an agent's load changes).
     */
    public static final String STATS = "cc.acd.media.stats";

    /**
     * {@link LinkInteractionCustomer}: set the customer of a chat or email record, or of an ended call's (request to
     * the interaction recorder of chats and emails; reply null, or fail 404 no such record, 403 the agent never held
     * it, 409 a call still in progress).
     */
    public static final String LINK_CUSTOMER = "cc.interaction.link-customer";

    /** The body records of these addresses, for {@link #registerCodecs}. */
    public static final List<Class<? extends Record>> RECORDS = List.of(EnqueueMedia.class, MediaQueued.class,
            MediaOffered.class, AnswerMediaOffer.class, MediaOfferEnded.class, TransferMedia.class, EndMedia.class,
            MediaEnded.class, MediaStatsUpdated.class, LinkInteractionCustomer.class);

    /** Registers the local codec of every record here that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
