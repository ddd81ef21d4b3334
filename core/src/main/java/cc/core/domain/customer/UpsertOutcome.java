package cc.core.domain.customer;

/** What an upsert by external id did: made the customer, changed it, or found it as stated already. */
public record UpsertOutcome(CustomerRecord customer, Change change) {
    public enum Change { CREATED, UPDATED, UNCHANGED }
}
