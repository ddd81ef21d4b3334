package cc.console.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The email channel's cases as the console's email panel needs them. Implemented by the launcher over the email
 * module (the console does not depend on it); access rules are the console's, checked before any call here.
 */
public interface EmailCases {

    /** An attachment's file. */
    record File(String name, String contentType, byte[] bytes) {}

    /** The agent holding the open case routed as {@code interactionId}; empty when nobody does or it is closed. */
    Future<Optional<String>> holder(String interactionId);

    /** The case's thread: subject, case number, customer, messages with text and attachment names. */
    Future<Optional<JsonObject>> thread(String interactionId);

    Future<Optional<File>> attachment(String interactionId, long attachmentId);

    /** The reply templates for this case, placeholders filled. */
    Future<JsonArray> templates(String interactionId, String agentName);

    /**
     * Sends the answer and closes the contact. Fails with {@link SecurityException} when {@code agentId} does not
     * hold the case (and {@code supervisor} is false), {@link IllegalStateException} when it is closed.
     */
    Future<Void> reply(String interactionId, String agentId, boolean supervisor, String text);

    /** The open cases the agent holds. */
    Future<JsonArray> heldBy(String agentId);

    /** The messages of these email interactions, text cut short, for the customer's timeline. */
    Future<JsonArray> timeline(List<String> interactionIds);
}
