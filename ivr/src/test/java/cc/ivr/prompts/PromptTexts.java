package cc.ivr.prompts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code config/ivr/prompts.tsv}, the texts scripts/prompts.sh speaks: file, a tab, the text. */
final class PromptTexts {
    static final Path FILE = Path.of("..", "config", "ivr", "prompts.tsv");

    private PromptTexts() {}

    static Map<String, String> read() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalStateException(FILE + " line " + n + ": must be a file, one tab, then the text");
            }
            if (out.put(f[0], f[1]) != null) {
                throw new IllegalStateException(FILE + " line " + n + ": " + f[0] + " is listed twice");
            }
        }
        return out;
    }
}
