package cc.email.app;

import io.vertx.core.Future;

import java.util.Optional;

/** Recognises a sender by email address as a CRM customer. */
public interface SenderLookup {
    /** A recognised sender: the customer's id, name and language. */
    record Sender(long customerId, String name, String language) {}

    Future<Optional<Sender>> byAddress(String address);

    static SenderLookup none() {
        return address -> Future.succeededFuture(Optional.empty());
    }
}
