package cc.ivr.adapter.agi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agi_*} block Asterisk sends first: {@code agi_network_script} carries the path after {@code host:port/}
 * with its query string, {@code agi_arg_N} the dialplan's arguments (an empty trailing argument included).
 */
record AgiEnvironment(Map<String, String> values) {
    AgiEnvironment {
        values = Map.copyOf(values);
    }

    /** Parses one {@code agi_name: value} line into the map; false when the line is not of that shape. */
    static boolean addLine(Map<String, String> into, String line) {
        int colon = line.indexOf(':');
        if (!line.startsWith("agi_") || colon < 0) {
            return false;
        }
        String value = line.substring(colon + 1);
        into.put(line.substring(4, colon), value.startsWith(" ") ? value.substring(1) : value);
        return true;
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** The request path without its query string and without a leading slash: the flow's name. */
    String script() {
        String s = get("network_script");
        int q = s.indexOf('?');
        s = q < 0 ? s : s.substring(0, q);
        return s.startsWith("/") ? s.substring(1) : s;
    }

    Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        String s = get("network_script");
        int q = s.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : s.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(k), decode(v));
        }
        return out;
    }

    List<String> arguments() {
        List<String> out = new ArrayList<>();
        for (int i = 1; values.containsKey("arg_" + i); i++) {
            out.add(values.get("arg_" + i));
        }
        return out;
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters().get(name));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
