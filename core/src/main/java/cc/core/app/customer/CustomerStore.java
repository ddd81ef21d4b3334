package cc.core.app.customer;

import cc.core.domain.customer.Customer;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Customers by caller ID and by account number.
 *
 * <p>Threading: every method returns at once; blocking work runs on the store's own worker pool.
 */
public interface CustomerStore {

    /** The customer one of whose numbers matches (digits compared, national and E.164 forms equal). */
    Future<Optional<Customer>> findByPhone(String number);

    Future<Optional<Customer>> findByAccount(String accountNumber);

    Future<Optional<Customer>> find(long id);

    /** Inserts (id 0 asks for a new id) or updates; returns the stored customer with its id. */
    Future<Customer> save(Customer customer);
}
