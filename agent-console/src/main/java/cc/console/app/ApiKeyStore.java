package cc.console.app;

import cc.console.domain.backoffice.ApiKey;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The back-office API's keys: each stored with the hash of its secret ({@link ApiKeySecrets#hash}), never the secret.
 *
 * <p>Threading: every method returns at once; blocking work runs on the store's worker pool.
 */
public interface ApiKeyStore {

    Future<Void> create(ApiKey key, String secretHash);

    /** The key whose secret hashes to this, revoked or not (the caller refuses revoked ones). */
    Future<Optional<ApiKey>> findByHash(String secretHash);

    /** Every key, newest first, revoked ones included. */
    Future<List<ApiKey>> list();

    /** Revokes the key; its row stays. Empty when there is no such key; a key revoked already keeps its first time. */
    Future<Optional<ApiKey>> revoke(String id, String by, Instant at);
}
