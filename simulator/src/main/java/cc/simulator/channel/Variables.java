package cc.simulator.channel;

import cc.simulator.ami.AmiMessage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code ${...}} reads and {@code Set()} writes: channel variables, globals, and the dialplan functions that
 * stand for channel state ({@code CALLERID(...)}, {@code CHANNEL(language)}) rather than for a variable. Writing a
 * function changes the channel and sends that change's event instead of a VarSet.
 *
 * <p>Threading: event loop only, like {@link Pbx} that owns it.
 */
final class Variables {
    private final Pbx pbx;
    private final Map<String, String> globals = new LinkedHashMap<>();

    Variables(Pbx pbx) {
        this.pbx = pbx;
    }

    Map<String, String> globals() {
        return globals;
    }

    void set(Channel ch, String name, String value) {
        if (ch == null) {
            globals.put(name, value);
            pbx.emit(AmiMessage.event("VarSet", "dialplan,all").add("Variable", name).add("Value", value));
            return;
        }
        String function = name.toUpperCase(Locale.ROOT);
        if (function.equals("CHANNEL(LANGUAGE)")) {
            ch.language = value;
            return;
        }
        if (function.startsWith("CALLERID(")) {
            setCallerId(ch, function, value);
            return;
        }
        ch.vars.put(name, value);
        pbx.emit(Pbx.channelEvent("VarSet", "dialplan,all", ch).add("Variable", name).add("Value", value));
    }

    /**
     * {@code Set(CALLERID(num)=...)} and friends (ami-20): one NewCallerid on this channel only, and only when the
     * value changed; the other half of a Local pair keeps its caller ID and no NewConnectedLine goes anywhere.
     * {@code all} takes {@code "Name" <number>} and still gives a single event. Other CALLERID data types
     * (ani, rdnis, pres, ...) are accepted and ignored.
     */
    private void setCallerId(Channel ch, String function, String value) {
        CallerId old = ch.callerId;
        CallerId updated;
        switch (function) {
            case "CALLERID(NUM)":
            case "CALLERID(NUMBER)":
                updated = old.withNum(value);
                break;
            case "CALLERID(NAME)":
                updated = old.withName(value);
                break;
            case "CALLERID(ALL)":
                updated = CallerId.parse(value);
                break;
            default:
                return;
        }
        if (updated.equals(old)) {
            return;
        }
        ch.callerId = updated;
        pbx.newCallerId(ch);
    }

    /** A channel variable or function as ${...} would read it; null when unset. */
    String read(Channel ch, String name) {
        switch (name) {
            case "CHANNEL": return ch.name;
            case "CHANNEL(name)": return ch.name;
            case "CHANNEL(language)": return ch.language;
            case "UNIQUEID": return ch.uniqueid;
            case "CALLERID(num)": return ch.callerId.num();
            case "CALLERID(name)": return ch.callerId.name();
            case "CALLERID(all)": return ch.callerId.cdrText();
            case "CONTEXT": return ch.context;
            case "EXTEN": return ch.exten;
            case "PRIORITY": return Integer.toString(ch.priority);
            case "HANGUPCAUSE": return ch.hangupRequested ? "0" : "";
            default:
                String v = ch.vars.get(name);
                return v != null ? v : globals.get(name);
        }
    }

    /**
     * Expands ${VAR} references the way the dialplan and GET FULL VARIABLE do (unset -> empty), including the
     * substring form {@code ${VAR:offset}} / {@code ${VAR:offset:length}} that number normalisation uses.
     */
    String substitute(Channel ch, String text) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, start);
            int depth = 0;
            int end = -1;
            for (int j = start + 2; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        end = j;
                        break;
                    }
                    depth--;
                }
            }
            if (end < 0) {
                out.append(text.substring(start));
                break;
            }
            out.append(expand(ch, substitute(ch, text.substring(start + 2, end))));
            i = end + 1;
        }
        return out.toString();
    }

    private String expand(Channel ch, String reference) {
        int colon = substringColon(reference);
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String v = ch == null ? globals.get(name) : read(ch, name);
        v = v == null ? "" : v;
        return colon < 0 ? v : substring(v, reference.substring(colon + 1));
    }

    /** The colon that starts {@code :offset[:length]}: the first one outside a function's parentheses. */
    private static int substringColon(String reference) {
        int depth = 0;
        for (int k = 0; k < reference.length(); k++) {
            char c = reference.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** Asterisk's substring: a negative offset counts from the end, a negative length leaves that many off the end. */
    static String substring(String value, String spec) {
        String[] parts = spec.split(":", 2);
        int offset = parseOr(parts[0], 0);
        int from = offset < 0 ? Math.max(0, value.length() + offset) : Math.min(offset, value.length());
        int to = value.length();
        if (parts.length > 1 && !parts[1].isBlank()) {
            int length = parseOr(parts[1], 0);
            to = length < 0 ? Math.max(from, value.length() + length) : Math.min(value.length(), from + length);
        }
        return value.substring(from, to);
    }

    private static int parseOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
