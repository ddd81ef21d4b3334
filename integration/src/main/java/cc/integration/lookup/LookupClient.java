package cc.integration.lookup;

import cc.integration.lookup.domain.LookupDefinition;
import cc.integration.lookup.domain.LookupOutcome;
import io.vertx.core.Future;

/**
 * Asks a system one lookup's question. Never fails: a slow, failing or resting system gives an unavailable outcome
 * with the reason. Implementations keep their own timeout, cache and circuit per lookup.
 */
public interface LookupClient extends AutoCloseable {

    /** Asks {@code url} (the lookup's template filled with the customer's keys). */
    Future<LookupOutcome> fetch(LookupDefinition lookup, String url);

    @Override
    void close();
}
