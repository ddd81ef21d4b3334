package cc.core.app.livestate;

import io.vertx.core.Future;

/**
 * Asks the node holding a lease (several nodes on a clustered event bus), this one included, to answer a request on its
 * own event bus at {@code address}; the future fails with a {@link io.vertx.core.eventbus.ReplyException}: the holder's
 * refusal with its code, 503 while no node holds the lease or the holder cannot be reached, a timeout past
 * {@code timeoutMillis}. Unlike {@link LeaseForward}, the asker is not itself answering a request: it is a module
 * using a resource one node owns (a telephony server's AMI link).
 */
@FunctionalInterface
public interface LeaseAsk {
    Future<Object> ask(String lease, String address, Object body, long timeoutMillis);
}
