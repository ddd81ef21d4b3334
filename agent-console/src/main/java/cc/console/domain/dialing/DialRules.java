package cc.console.domain.dialing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The numbers click-to-dial may call: after stripping spaces, dashes, dots and brackets (and turning Persian digits
 * into ASCII), the number must match one of the allow patterns and none of the deny patterns. With no allow
 * patterns configured nothing may be dialled.
 *
 * <p>Kept small on purpose until a shared dialing package exists; the dialer's rules should replace it.
 */
public final class DialRules {
    private final List<Pattern> allow;
    private final List<Pattern> deny;

    public DialRules(List<String> allowPatterns, List<String> denyPatterns) {
        this.allow = compile(allowPatterns, "allow");
        this.deny = compile(denyPatterns, "deny");
    }

    /** Iranian mobiles and Tehran landlines, no premium (909) numbers: a safe default for the demo. */
    public static DialRules defaults() {
        return new DialRules(List.of("09\\d{9}", "\\+989\\d{9}", "021\\d{8}", "\\d{3,5}"), List.of("0909\\d*"));
    }

    /** The number to dial, cleaned, or empty when the rules refuse it. */
    public Optional<String> check(String number) {
        if (number == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (char c : number.strip().toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                b.append((char) ('0' + (c - '\u06F0')));
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                continue;
            } else {
                b.append(c);
            }
        }
        String clean = b.toString();
        if (clean.isEmpty() || clean.length() > 20) {
            return Optional.empty();
        }
        boolean allowed = allow.stream().anyMatch(p -> p.matcher(clean).matches())
                && deny.stream().noneMatch(p -> p.matcher(clean).matches());
        return allowed ? Optional.of(clean) : Optional.empty();
    }

    private static List<Pattern> compile(List<String> patterns, String what) {
        try {
            return patterns.stream().map(Pattern::compile).toList();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad " + what + " pattern '" + e.getPattern() + "': " + e.getDescription());
        }
    }
}
