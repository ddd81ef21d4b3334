package cc.integration.lookup.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL with the customer's keys in braces: {@code http://orders.example/api/customers/{accountNumber}/orders?last=5}.
 * Each value is percent-encoded, so a key can never change the path or add parameters.
 */
public record UrlTemplate(String text) {
    private static final Pattern KEY = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /** The keys the template needs, in order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The first key the template needs that is missing or blank, if any. */
    public Optional<String> missing(Map<String, String> values) {
        return keys().stream().filter(k -> values.getOrDefault(k, "").isBlank()).findFirst();
    }

    /** The URL with every key filled; empty when one is missing or blank. */
    public Optional<String> expand(Map<String, String> values) {
        if (missing(values).isPresent()) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = URLEncoder.encode(values.get(m.group(1)).strip(), StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
