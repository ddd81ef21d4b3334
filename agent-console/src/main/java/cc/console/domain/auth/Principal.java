package cc.console.domain.auth;

import java.util.Objects;

/**
 * A signed-in console user.
 *
 * @param username the sign-in name
 * @param name     display name
 * @param role     what the user may do
 * @param agentId  the ACD agent this user works as, empty for users who take no calls
 * @param language {@code fa} or {@code en}: the console's language and date calendar for this user
 * @param phone    the user's phone as a dial string ({@code PJSIP/1001}): rung for click-to-dial and listening in
 */
public record Principal(String username, String name, Role role, String agentId, String language, String phone) {
    public Principal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        name = name == null || name.isBlank() ? username : name;
        agentId = agentId == null ? "" : agentId;
        language = "fa".equals(language) ? "fa" : "en";
        phone = phone == null ? "" : phone;
    }

    public boolean takesCalls() {
        return !agentId.isEmpty();
    }
}
