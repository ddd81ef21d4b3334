package cc.core.app.customer;

import cc.core.domain.customer.CustomerMerge;
import cc.core.domain.customer.CustomerProfile;
import cc.core.domain.customer.CustomerRecord;
import cc.core.domain.customer.UpsertOutcome;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * Customers as the systems around the center keep them: upsert by a source system's id, read, and merge of
 * duplicates. Every change writes its {@code customer.*} event in the change's own transaction.
 *
 * <p>Failures: {@link IllegalArgumentException} for a value that cannot be stored, {@link IllegalStateException} for
 * a conflict (a phone, email or account number another customer has; a customer merged away),
 * {@link java.util.NoSuchElementException} for an unknown customer.
 *
 * <p>Threading: every method returns at once; blocking work runs on the store's worker pool.
 */
public interface CustomerRegistry {

    /** Makes or replaces the customer of {@code profile}'s source and external id; no change and no event if equal. */
    Future<UpsertOutcome> upsert(CustomerProfile profile);

    /**
     * Upserts the profiles in order in one transaction, each refused one rolled back alone (the others stay): for
     * imports. Each item is the outcome or the refusal; a database failure fails the whole batch.
     */
    Future<List<Item>> upsertAll(List<CustomerProfile> profiles);

    Future<Optional<CustomerRecord>> find(long id);

    Future<Optional<CustomerRecord>> findByExternalId(String source, String externalId);

    /**
     * Merges {@code duplicateId} into {@code keptId}: its interactions, phones, emails, scores, orders, offers and
     * opportunities move to the kept customer; the duplicate stays, pointing to the kept one.
     */
    Future<CustomerMerge> merge(long keptId, long duplicateId);

    /** One profile's upsert: the outcome, or why it was refused. */
    record Item(Optional<UpsertOutcome> outcome, Optional<RuntimeException> failure) {
        public static Item of(UpsertOutcome o) {
            return new Item(Optional.of(o), Optional.empty());
        }

        public static Item failed(RuntimeException e) {
            return new Item(Optional.empty(), Optional.of(e));
        }
    }
}
