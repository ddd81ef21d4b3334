package cc.email.adapter.mail;

import java.util.regex.Pattern;

/**
 * An HTML body as plain text for the agent (and for storing): scripts and styles dropped, block ends as line breaks,
 * tags removed, the common entities decoded. Enough to read a message; the agent never gets the sender's HTML.
 */
final class HtmlText {
    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/li|/tr|/h[1-6])[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private HtmlText() {}

    static String of(String html) {
        String s = SCRIPT.matcher(html).replaceAll("");
        s = BREAK.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
