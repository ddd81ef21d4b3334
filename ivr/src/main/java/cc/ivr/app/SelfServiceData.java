package cc.ivr.app;

import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The data callers reach without an agent: balances, order status, and callback requests they leave.
 *
 * <p>Threading: every method returns at once; blocking work runs on the implementation's own worker pool.
 */
public interface SelfServiceData {

    /** An account's balance. */
    record Balance(String account, BigDecimal amount, String currency, Instant asOf) {}

    /** An order's status; {@code expected} is the delivery date when known. */
    record OrderStatus(String order, String status, Optional<LocalDate> expected) {}

    /** A caller asked to be called back. */
    record CallbackRequest(String uniqueId, String number, String queue, String language, Map<String, String> data,
                           Instant at) {
        public CallbackRequest {
            data = Map.copyOf(data);
        }
    }

    Future<Optional<Balance>> balance(String account);

    /** The order by its number, or the latest order of an account number. */
    Future<Optional<OrderStatus>> orderStatus(String orderOrAccount);

    Future<Void> requestCallback(CallbackRequest request);
}
