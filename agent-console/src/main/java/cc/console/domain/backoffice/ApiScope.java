package cc.console.domain.backoffice;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do; each back-office endpoint needs exactly one. */
public enum ApiScope {
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    INTERACTIONS_READ("interactions:read"),
    CALLBACKS_CREATE("callbacks:create"),
    CAMPAIGNS_MANAGE("campaigns:manage");

    private final String wire;

    ApiScope(String wire) {
        this.wire = wire;
    }

    /** {@code customers:read}: the name keys, the OpenAPI document and 403 answers use. */
    public String wire() {
        return wire;
    }

    public static Optional<ApiScope> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(s.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** Space-separated, as stored. */
    public static String join(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::wire).collect(Collectors.joining(" "));
    }

    /** The scopes of a stored list; unknown names (from a newer version) are left out, never granted. */
    public static Set<ApiScope> split(String stored) {
        EnumSet<ApiScope> out = EnumSet.noneOf(ApiScope.class);
        for (String s : stored.split("\\s+")) {
            if (!s.isEmpty()) {
                fromWire(s).ifPresent(out::add);
            }
        }
        return out;
    }
}
