package cc.console.app;

import cc.console.domain.auth.Principal;
import cc.console.domain.auth.SignInThrottle;
import cc.console.domain.auth.UserAccount;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Checks a user name and password: throttled first (so a locked-out guesser costs no hashing), then verified on a
 * worker thread. Unknown users cost the same hashing time as known ones.
 *
 * <p>Threading: returns at once; hashing runs on Vert.x's worker pool.
 */
public final class SignIn {
    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    /** The outcome of a sign-in attempt. */
    public sealed interface Result permits Success, Refused, Throttled {}

    public record Success(Principal principal) implements Result {}

    public record Refused() implements Result {}

    public record Throttled(Duration retryAfter) implements Result {}

    private final Vertx vertx;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final InstantSource clock;

    public SignIn(Vertx vertx, UserStore users, PasswordHasher hasher, SignInThrottle throttle, InstantSource clock) {
        this.vertx = vertx;
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    public Future<Result> attempt(String username, String password, String address) {
        SignInThrottle.Decision d = throttle.check(username, address, clock.instant());
        if (d instanceof SignInThrottle.Wait w) {
            return Future.succeededFuture(new Throttled(w.retryAfter()));
        }
        return users.find(username == null ? "" : username.strip()).compose(found -> vertx.executeBlocking(() -> {
            char[] pw = password == null ? new char[0] : password.toCharArray();
            Optional<UserAccount> account = found.filter(UserAccount::active);
            if (account.isEmpty()) {
                hasher.burn(pw);
                return false;
            }
            return hasher.verify(pw, account.get().passwordHash());
        }, false).map(ok -> {
            if (ok) {
                throttle.succeeded(username, clock.instant());
                return (Result) new Success(found.get().principal());
            }
            throttle.failed(username, address, clock.instant());
            log.info("sign-in refused for user '{}' from {}", printable(username), address);
            return new Refused();
        }));
    }

    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > 64 ? s.substring(0, 64) : s;
        return cut.replaceAll("[^\\p{L}\\p{N}._@\\-]", "?");
    }
}
