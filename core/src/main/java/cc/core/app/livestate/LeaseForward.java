package cc.core.app.livestate;

import io.vertx.core.eventbus.Message;

/**
 * Where a node that does not hold a lease sends a request only the holder can carry out (several nodes on a clustered
 * event bus): to the node the lease names, which answers it as its own; its reply or refusal answers {@code request}
 * (503 while no node holds the lease, 504 when the holder does not answer in time). The holder receives the request on
 * its own event bus at {@code address} with the {@link cc.core.contract.ClusterAddresses#FORWARDED_HEADER} header:
 * it answers or refuses it, never forwards it again.
 */
@FunctionalInterface
public interface LeaseForward {
    /** Passes {@code request}, received at {@code address}, to the lease holder; answers it with the holder's reply. */
    void toHolder(String address, Message<Object> request);

    /** Whether {@code request} was forwarded here by another node (and so must not be forwarded again). */
    static boolean forwarded(Message<?> request) {
        return request.headers().get(cc.core.contract.ClusterAddresses.FORWARDED_HEADER) != null;
    }
}
