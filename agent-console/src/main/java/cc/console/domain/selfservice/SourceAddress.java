package cc.console.domain.selfservice;

import java.util.List;
import java.util.Set;

/**
 * Who is asking, for the limits: the socket's peer, unless the peer is a configured trusted proxy, in which case the
 * address that proxy saw, i.e. the rightmost {@code X-Forwarded-For} entry that is not itself a trusted proxy. The
 * entries left of it are whatever the client wrote and are never believed (else anyone could pick a fresh address
 * per request and pass every per-address limit).
 */
public final class SourceAddress {
    private SourceAddress() {}

    public static String of(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
        String p = peer == null ? "" : peer;
        if (!trustedProxies.contains(p)) {
            return p;
        }
        String address = p;
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            for (String part : reversed(forwardedFor.get(i).split(","))) {
                String a = part.strip();
                if (a.isEmpty()) {
                    continue;
                }
                address = a;
                if (!trustedProxies.contains(a)) {
                    return a;
                }
            }
        }
        return address;
    }

    private static List<String> reversed(String[] parts) {
        List<String> out = new java.util.ArrayList<>(List.of(parts));
        java.util.Collections.reverse(out);
        return out;
    }
}
