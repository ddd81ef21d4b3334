package cc.console.domain.backoffice;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as stored: never its secret (only a hash is kept, by the adapter).
 *
 * @param id        public id, shown in the console and in logs
 * @param name      what the admin called it ({@code ERP nightly sync})
 * @param scopes    what it may do
 * @param perMinute requests per minute it may make
 * @param revokedAt when it was revoked; empty while it works
 */
public record ApiKey(String id, String name, Set<ApiScope> scopes, int perMinute, String createdBy, Instant createdAt,
                     Optional<Instant> revokedAt, String revokedBy) {
    public static final int MAX_PER_MINUTE = 100_000;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        Objects.requireNonNull(createdAt, "createdAt");
        revokedBy = revokedBy == null ? "" : revokedBy;
    }

    public boolean active() {
        return revokedAt.isEmpty();
    }

    public boolean allows(ApiScope scope) {
        return scopes.contains(scope);
    }
}
