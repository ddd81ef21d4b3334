package cc.core.app.customer;

import io.vertx.core.Future;

/**
 * The email addresses customers are recognised by, as the records side needs them: when an agent links an email from
 * an unknown sender to a customer, the sender's address is remembered so the customer's next email is recognised.
 *
 * <p>Threading: returns at once; blocking work runs on the store's own worker pool.
 */
public interface CustomerEmailAddresses {

    /**
     * Gives the customer this address. Succeeds when the customer has it already; fails with
     * {@link IllegalStateException} when another customer has it, {@link IllegalArgumentException} when it is not an
     * email address.
     */
    Future<Void> remember(long customerId, String address);
}
