package cc.console.app;

import cc.core.domain.sales.Opportunity;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/** Sales opportunities. Threading: as every store: futures, blocking work on the worker pool. */
public interface OpportunityStore {
    Future<List<Opportunity>> openFor(long customerId);

    Future<Optional<Opportunity>> find(long id);

    /** Inserts (id 0) or updates; returns the stored opportunity with its id. */
    Future<Opportunity> save(Opportunity opportunity);
}
