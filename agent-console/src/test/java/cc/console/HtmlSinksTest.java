package cc.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored XSS, by construction: the console's and the public pages' own scripts never turn text into markup. Customer
 * names, notes, chat lines, subjects and article bodies are put on the page with {@code textContent} and
 * {@code createElement}; the sinks that parse HTML or run strings as code ({@code innerHTML}, {@code outerHTML},
 * {@code insertAdjacentHTML}, {@code document.write}, {@code eval}, {@code new Function}, a string to
 * {@code setTimeout}) are not used at all, and pages have no inline scripts or {@code on...=} handlers (the
 * Content-Security-Policy {@code script-src 'self'} would block them anyway). Bundled third-party files
 * ({@code vendor/}) are not ours and are left out. What a browser does with stored markup is in
 * {@code StoredXssPagesIT}.
 */
class HtmlSinksTest {
    private static final Pattern SCRIPT_SINK = Pattern.compile(
            "\\.innerHTML\\b|\\.outerHTML\\b|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\("
                    + "|setTimeout\\s*\\(\\s*['\"`]|setInterval\\s*\\(\\s*['\"`]|\\.html\\s*\\(");
    private static final Pattern INLINE_HTML = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("no page script of ours parses text as HTML or runs strings as code; no page has inline script")
    void noHtmlSinks() throws IOException {
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path f : webFiles()) {
            files++;
            String text = Files.readString(f);
            Matcher m = (f.toString().endsWith(".js") ? SCRIPT_SINK : INLINE_HTML).matcher(text);
            while (m.find()) {
                found.add(f.getFileName() + ":" + (text.substring(0, m.start()).split("\n", -1).length) + " "
                        + m.group());
            }
        }
        assertEquals(List.of(), found);
        assertTrue(files > 20, "page files checked: " + files);
    }

    private static List<Path> webFiles() throws IOException {
        Path resources = Path.of("src/main/resources");
        try (Stream<Path> s = Files.walk(resources)) {
            return s.filter(p -> (p.toString().endsWith(".js") || p.toString().endsWith(".html"))
                    && !p.toString().contains("/vendor/")).sorted().toList();
        }
    }
}
