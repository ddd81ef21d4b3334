package cc.simulator.dialplan;

import java.util.List;

/**
 * Dial's {@code U(<context>[^<arg>[^...]])} option: the subroutine the answered callee runs, at
 * {@code <context>,s,1} with the arguments as ARG1..n, before it is bridged to the caller (Asterisk's app_dial turns
 * the carets into commas and calls {@code Gosub(<context>,s,1(<args>))}).
 *
 * @param context the subroutine's context
 * @param args    its arguments, in order
 */
public record CalleeGosub(String context, List<String> args) {
    public CalleeGosub {
        args = List.copyOf(args);
    }

    /** The U() option among Dial's options, or null when there is none (other options are skipped). */
    public static CalleeGosub parse(String options) {
        if (options == null) {
            return null;
        }
        int i = 0;
        while (i < options.length()) {
            char c = options.charAt(i);
            String arg = null;
            int next = i + 1;
            if (next < options.length() && options.charAt(next) == '(') {
                int close = options.indexOf(')', next);
                if (close < 0) {
                    close = options.length();
                }
                arg = options.substring(next + 1, close);
                next = close + 1;
            }
            if (c == 'U' && arg != null && !arg.isBlank()) {
                String[] parts = arg.split("\\^", -1);
                return new CalleeGosub(parts[0].trim(), List.of(parts).subList(1, parts.length));
            }
            i = next;
        }
        return null;
    }
}
