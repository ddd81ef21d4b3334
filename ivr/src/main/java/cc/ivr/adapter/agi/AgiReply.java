package cc.ivr.adapter.agi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reply from Asterisk: {@code 200 result=N [(data)] [key=value ...]}, {@code 510 ...}, {@code 511 ...}, or the
 * multi-line {@code 520-...} usage block.
 *
 * <p>asterisk-java's {@code AgiReplyImpl} cannot be built outside its package, so the few reply shapes of the traces
 * are parsed here.
 */
record AgiReply(int code, String result, Optional<String> data, Map<String, String> attributes, List<String> lines) {
    private static final Pattern OK = Pattern.compile("^200 result=(-?[0-9]*)(?: \\((.*)\\))?((?: [A-Za-z_]+=\\S*)*)$");
    private static final Pattern CODE = Pattern.compile("^([0-9]{3})[ -].*$");

    AgiReply {
        attributes = Map.copyOf(attributes);
        lines = List.copyOf(lines);
    }

    /** The reply of a set of lines, or empty when they are not a reply Asterisk sends. */
    static Optional<AgiReply> parse(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String first = lines.get(0);
        Matcher ok = OK.matcher(first);
        if (ok.matches() && !fitsAnInt(ok.group(1))) {
            // "result=-" or a result past an int (found by AgiParserFuzzTest): not something Asterisk sends; refused
            // here so the session ends as on any malformed reply instead of failing later in resultCode()
            return Optional.empty();
        }
        if (ok.matches()) {
            Map<String, String> attrs = new LinkedHashMap<>();
            String tail = ok.group(3);
            if (tail != null && !tail.isBlank()) {
                for (String kv : tail.trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    attrs.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return Optional.of(new AgiReply(200, ok.group(1), Optional.ofNullable(ok.group(2)), attrs, lines));
        }
        Matcher code = CODE.matcher(first);
        if (code.matches() && !first.startsWith("200")) {
            return Optional.of(new AgiReply(Integer.parseInt(code.group(1)), "", Optional.empty(), Map.of(), lines));
        }
        return Optional.empty();
    }

    private static boolean fitsAnInt(String result) {
        if (result.isEmpty()) {
            return true;
        }
        try {
            Integer.parseInt(result);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    boolean ok() {
        return code == 200;
    }

    /** The numeric result; {@code -1} when the result is empty (GET DATA timeout with no keys). */
    int resultCode() {
        return result.isEmpty() ? -1 : Integer.parseInt(result);
    }

    boolean timedOut() {
        return data.map("timeout"::equals).orElse(false);
    }
}
