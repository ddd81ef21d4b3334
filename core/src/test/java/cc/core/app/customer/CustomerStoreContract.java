package cc.core.app.customer;

import cc.core.domain.customer.Customer;
import cc.core.testkit.Contexts;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cc.core.testkit.Await.failure;
import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link CustomerStore} promises. The store may be shared by all tests and hold other customers: each
 * test makes its own random numbers and account numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CustomerStoreContract {

    protected abstract CustomerStore store();

    protected abstract Vertx vertx();

    /** A random Iranian mobile number's last nine digits, e.g. {@code 12 345 6789} after the 9. */
    private static String subscriber() {
        return String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    private static String account() {
        return "AC-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    @DisplayName("a new customer gets an id and reads back as saved")
    void newCustomerReadsBack() {
        String sub = subscriber();
        Customer saved = result(store().save(new Customer(0, "Sara Ahmadi", List.of("+98 9" + sub, "021 5555 " + sub.substring(5)),
                account(), "fa", "gold")));

        assertNotEquals(0, saved.id());
        assertEquals(Optional.of(saved), result(store().find(saved.id())));
        assertEquals("fa", saved.language());
        assertEquals(2, saved.phoneNumbers().size());
    }

    @Test
    @DisplayName("a caller is recognised whether the number comes as +98, 0098 or 0 national form")
    void callerRecognisedInEveryForm() {
        String sub = subscriber();
        Customer saved = result(store().save(new Customer(0, "Reza", List.of("+98 9" + sub.substring(0, 2) + " "
                + sub.substring(2, 5) + " " + sub.substring(5)), "", "fa", "")));

        for (String callerId : List.of("+989" + sub, "00989" + sub, "09" + sub, "9" + sub)) {
            assertEquals(Optional.of(saved.id()), result(store().findByPhone(callerId)).map(Customer::id), callerId);
        }
    }

    @Test
    @DisplayName("a caller ID in Persian digits finds the customer too")
    void persianDigitsMatch() {
        String sub = subscriber();
        Customer saved = result(store().save(new Customer(0, "مریم", List.of("09" + sub), "", "fa", "")));
        StringBuilder persian = new StringBuilder("۰۹");
        sub.chars().forEach(ch -> persian.append((char) ('۰' + (ch - '0'))));

        assertEquals(Optional.of(saved.id()), result(store().findByPhone(persian.toString())).map(Customer::id));
    }

    @Test
    @DisplayName("an unknown or withheld caller ID finds nobody")
    void unknownCallerFindsNobody() {
        assertEquals(Optional.empty(), result(store().findByPhone("09" + subscriber())));
        assertEquals(Optional.empty(), result(store().findByPhone("anonymous")));
        assertEquals(Optional.empty(), result(store().findByPhone("")));
    }

    @Test
    @DisplayName("a customer is found by the account number keyed in the IVR")
    void findByAccount() {
        String account = account();
        Customer saved = result(store().save(new Customer(0, "Ali", List.of(), account, "en", "")));

        assertEquals(Optional.of(saved), result(store().findByAccount(account)));
        assertEquals(Optional.empty(), result(store().findByAccount(account())));
        assertEquals(Optional.empty(), result(store().findByAccount("")));
    }

    @Test
    @DisplayName("updating a customer replaces their numbers: the old number no longer finds them")
    void updateReplacesNumbers() {
        String oldSub = subscriber();
        String newSub = subscriber();
        Customer saved = result(store().save(new Customer(0, "Nima", List.of("09" + oldSub), "", "fa", "")));

        Customer updated = result(store().save(new Customer(saved.id(), "Nima Karimi", List.of("09" + newSub),
                "", "en", "silver")));

        assertEquals(saved.id(), updated.id());
        assertEquals(Optional.of(updated), result(store().find(saved.id())));
        assertEquals(Optional.empty(), result(store().findByPhone("09" + oldSub)));
        assertEquals(Optional.of(updated), result(store().findByPhone("+989" + newSub)));
    }

    @Test
    @DisplayName("a number another customer has is refused, naming it, and the other customer keeps it")
    void numberOfAnotherCustomerIsRefused() {
        String sub = subscriber();
        Customer first = result(store().save(new Customer(0, "First", List.of("09" + sub), "", "fa", "")));

        Throwable refused = failure(store().save(new Customer(0, "Second", List.of("+98 9" + sub), "", "fa", "")));

        assertTrue(refused.getMessage().contains("+98 9" + sub), refused.getMessage());
        assertEquals(Optional.of(first), result(store().findByPhone("09" + sub)));
    }

    @Test
    @DisplayName("an account number another customer has is refused")
    void accountOfAnotherCustomerIsRefused() {
        String account = account();
        Customer first = result(store().save(new Customer(0, "First", List.of(), account, "fa", "")));

        Throwable refused = failure(store().save(new Customer(0, "Second", List.of(), account, "fa", "")));

        assertTrue(refused.getMessage().contains(account), refused.getMessage());
        assertEquals(Optional.of(first), result(store().findByAccount(account)));
    }

    @Test
    @DisplayName("many customers without an account number can be kept")
    void customersWithoutAccount() {
        Customer a = result(store().save(new Customer(0, "A", List.of(), "", "fa", "")));
        Customer b = result(store().save(new Customer(0, "B", List.of(), null, "fa", "")));

        assertNotEquals(a.id(), b.id());
        assertEquals("", result(store().find(b.id())).orElseThrow().accountNumber());
    }

    @Test
    @DisplayName("updating a customer that does not exist fails instead of inventing one")
    void updatingUnknownCustomerFails() {
        long unknown = ThreadLocalRandom.current().nextLong(1L << 50, Long.MAX_VALUE);

        Throwable failed = failure(store().save(new Customer(unknown, "Ghost", List.of(), "", "en", "")));

        assertTrue(failed.getMessage().contains(String.valueOf(unknown)), failed.getMessage());
        assertEquals(Optional.empty(), result(store().find(unknown)));
    }

    @Test
    @DisplayName("futures complete on the calling verticle's context")
    void completesOnCallersContext() {
        Context context = Contexts.newVerticleContext(vertx());
        Promise<Boolean> sameContext = Promise.promise();
        context.runOnContext(v -> store().save(new Customer(0, "Ctx", List.of("09" + subscriber()), "", "en", ""))
                .compose(c -> store().findByPhone(c.phoneNumbers().get(0)))
                .onComplete(ar -> sameContext.complete(ar.succeeded() && ar.result().isPresent()
                        && Vertx.currentContext() == context)));

        assertSame(Boolean.TRUE, result(sameContext.future()));
    }
}
