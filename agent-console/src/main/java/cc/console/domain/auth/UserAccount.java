package cc.console.domain.auth;

import java.util.Objects;

/** A stored console user: who they are, the hash of their password, and whether they may sign in. */
public record UserAccount(Principal principal, String passwordHash, boolean active) {
    public UserAccount {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
