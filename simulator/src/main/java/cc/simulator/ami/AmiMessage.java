package cc.simulator.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AMI message: an ordered list of {@code Key: Value} headers. Order matters on the wire (real Asterisk puts
 * ActionID second in responses, last in Status items), so headers are kept exactly as added.
 */
public final class AmiMessage {
    private final List<String[]> headers = new ArrayList<>();
    private String wire;

    public static AmiMessage event(String name, String privilege) {
        return new AmiMessage().add("Event", name).add("Privilege", privilege);
    }

    /** A response with ActionID in second place, as Asterisk sends it; no ActionID line when the action had none. */
    public static AmiMessage response(String response, String actionId) {
        AmiMessage m = new AmiMessage().add("Response", response);
        if (actionId != null) {
            m.add("ActionID", actionId);
        }
        return m;
    }

    public AmiMessage add(String key, String value) {
        headers.add(new String[] {key, value == null ? "" : value});
        wire = null;
        return this;
    }

    public AmiMessage addIfPresent(String key, String value) {
        return value == null ? this : add(key, value);
    }

    /** First value of a header, matched case-insensitively, or null. */
    public String get(String key) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(key)) {
                return h[1];
            }
        }
        return null;
    }

    public List<String> getAll(String key) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(key)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    public String action() {
        String a = get("Action");
        return a == null ? null : a.trim().toLowerCase(Locale.ROOT);
    }

    public List<String[]> headers() {
        return headers;
    }

    /** CRLF-terminated lines and the empty line that ends the message; computed once and shared by all sessions. */
    public String toWire() {
        if (wire == null) {
            StringBuilder sb = new StringBuilder(headers.size() * 32);
            for (String[] h : headers) {
                sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            wire = sb.append("\r\n").toString();
        }
        return wire;
    }

    @Override
    public String toString() {
        return toWire();
    }
}
