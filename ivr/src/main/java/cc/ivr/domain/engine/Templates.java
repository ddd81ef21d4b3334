package cc.ivr.domain.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code ${name}} references from session variables; an unknown name becomes empty. */
public final class Templates {
    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

    private Templates() {}

    public static String fill(String template, Map<String, String> variables) {
        if (template == null || template.indexOf('$') < 0) {
            return template == null ? "" : template;
        }
        Matcher m = REF.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
