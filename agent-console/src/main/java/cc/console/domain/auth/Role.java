package cc.console.domain.auth;

import java.util.Locale;

/** What a console user is for. Each role includes the rights of the roles before it. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code agent}, {@code supervisor} or {@code admin}; anything else is refused. */
    public static Role of(String code) {
        if (code != null) {
            for (Role r : values()) {
                if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be agent, supervisor or admin, was '" + code + "'");
    }
}
