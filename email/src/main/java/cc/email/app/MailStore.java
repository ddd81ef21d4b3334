package cc.email.app;

import cc.email.domain.InboundMail;
import cc.email.domain.OutboundMail;
import cc.email.domain.Robot;
import cc.email.domain.ThreadState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where threads, messages and attachments are kept. */
public interface MailStore {

    /** A new thread's first facts. */
    record NewThread(String subject, String customerAddress, String customerName, Optional<Long> customerId,
                     String language, String queue, String interactionId, boolean open, Instant at) {}

    /** A stored attachment's file. */
    record AttachmentFile(String name, String contentType, byte[] bytes) {}

    Future<Boolean> hasMessage(String messageId);

    /** What the intake decision needs, read in one visit to the store. */
    record Known(boolean duplicate, Optional<ThreadState> thread, int acknowledgements) {}

    /**
     * Whether {@code messageId} is held already, the thread of the first of {@code parentIds} held (else the one with
     * {@code caseNumber}), and how many acknowledgements went to {@code sender} since {@code since}.
     */
    default Future<Known> known(String messageId, List<String> parentIds, Optional<Long> caseNumber, String sender,
                                Instant since) {
        return hasMessage(messageId).compose(duplicate -> duplicate
                ? Future.succeededFuture(new Known(true, Optional.empty(), 0))
                : threadOf(parentIds, caseNumber).compose(t -> acknowledgementsSince(sender, since)
                .map(acks -> new Known(false, t, acks))));
    }

    /** The thread of the first of {@code parentIds} we hold, else the thread with {@code caseNumber}. */
    Future<Optional<ThreadState>> threadOf(List<String> parentIds, Optional<Long> caseNumber);

    /** How many acknowledgements went to {@code address} since {@code since}. */
    Future<Integer> acknowledgementsSince(String address, Instant since);

    /** Creates a thread with the next case number and stores its first message; completes with the thread's state. */
    Future<ThreadState> create(NewThread thread, InboundMail first, Robot robot, String notes);

    /** Adds a received message to a thread, under the interaction of the thread's current routing. */
    Future<Void> addInbound(long threadId, String interactionId, InboundMail mail, Robot robot, String notes);

    /** Adds a message we sent. {@code agentId} empty for an acknowledgement. */
    Future<Void> addOutbound(long threadId, String interactionId, String messageId, String from, OutboundMail mail,
                             Optional<String> agentId, Instant at);

    /** A closed thread routed again: its new interaction and queue, open, nobody holding it. */
    Future<Void> reopen(long threadId, String interactionId, String queue, Instant at);

    /** The agent now holding the thread routed as {@code interactionId}; false when no thread has it. */
    Future<Boolean> hold(String interactionId, String agentId, Instant at);

    /** The thread routed as {@code interactionId} is closed (answered, or let go by the ACD). */
    Future<Void> close(String interactionId, Instant at);

    Future<Optional<ThreadRecord>> thread(String interactionId);

    /** The thread routed as {@code interactionId}, its messages with text and attachment names, for the console. */
    Future<Optional<JsonObject>> view(String interactionId);

    /** The messages stored under each of these interactions (text cut short), for the customer's timeline. */
    Future<JsonArray> timeline(List<String> interactionIds, int maxChars);

    /** The open threads an agent holds (interaction id, case number, subject, customer). */
    Future<JsonArray> heldBy(String agentId);

    /** An attachment of a message of the thread routed as {@code interactionId}. */
    Future<Optional<AttachmentFile>> attachment(String interactionId, long attachmentId);
}
