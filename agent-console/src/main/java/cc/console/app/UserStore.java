package cc.console.app;

import cc.console.domain.auth.UserAccount;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/** Console users. Threading: every method returns at once; blocking work runs on the store's worker pool. */
public interface UserStore {
    Future<Optional<UserAccount>> find(String username);

    Future<Optional<UserAccount>> findByAgent(String agentId);

    Future<List<UserAccount>> list();

    /** Inserts or replaces the user (password hash included). */
    Future<Void> save(UserAccount account);

    Future<Boolean> anyAdmin();
}
