package cc.console.domain.backoffice;

import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.JsonMutator;
import cc.core.testkit.fuzz.TextMutator;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The back-office bulk import's line parsing (what {@code BackOfficeImport} does with each line of the upload),
 * fed mutated CSV files and mutated JSON lines: each line is a customer or a reason, never an exception, and a bad
 * line costs only itself.
 */
class CustomerImportFuzzTest {
    private static final String HEADER = "externalId,name,phones,emails,accountNumber,language,segment,timeZone";

    private static String line(int i) {
        return "crm-" + i + ",\"Sara " + i + ", Ahmadi\",+98912" + (1000000 + i) + ";0912 555 " + (1000 + i)
                + ",sara" + i + "@example.com,ACC-" + i + ",fa,gold,Asia/Tehran";
    }

    @Test
    @DisplayName("a mutated CSV upload: every line after a good header is a customer or a reason")
    void mutatedCsv() {
        List<String> samples = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            StringBuilder s = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i < n * 3; i++) {
                s.append(line(i)).append('\n');
            }
            samples.add(s.toString());
        }
        samples.add("externalId,name\n7,\"Smith \"\"Jr\"\"\"\n");
        TextMutator mutator = new TextMutator(samples);
        Fuzz.run("backoffice-import-csv", (input, note) -> {
            String upload = mutator.next(input.random());
            note.input(upload);
            List<String> header = null;
            int valid = 0;
            int invalid = 0;
            int lines = 0;
            for (String text : upload.split("\n")) {
                text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                if (text.isBlank()) {
                    continue;
                }
                List<String> cells;
                try {
                    cells = CsvLine.split(text);
                } catch (IllegalArgumentException e) {
                    if (header == null) {
                        return clear(e.getMessage()); // the whole upload refused: a 400 naming the header
                    }
                    clear(e.getMessage());
                    invalid++;
                    lines++;
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    Optional<String> bad = CustomerInput.checkHeader(header);
                    if (bad.isPresent()) {
                        return clear(bad.get());
                    }
                    continue;
                }
                lines++;
                CustomerInput.Result r = CustomerInput.fromCsv("crm", header, cells);
                if (r instanceof CustomerInput.Invalid bad) {
                    clear(bad.reason());
                    invalid++;
                } else {
                    valid++;
                }
            }
            if (valid + invalid != lines) {
                throw new AssertionError(lines + " lines, " + valid + " customers, " + invalid + " reasons");
            }
            return invalid == 0 ? Fuzz.Verdict.ACCEPTED : Fuzz.Verdict.REJECTED;
        });
    }

    @Test
    @DisplayName("a mutated JSON line: a customer or a reason (not a JSON object, a field named), never an exception")
    void mutatedJsonLines() {
        List<JsonObject> samples = List.of(
                new JsonObject().put("externalId", "crm-1").put("name", "Sara Ahmadi")
                        .put("phones", new JsonArray().add("+989121234567").add("0912 555 1000"))
                        .put("emails", new JsonArray().add("sara@example.com")).put("accountNumber", "ACC-1")
                        .put("language", "fa").put("segment", "gold").put("timeZone", "Asia/Tehran"),
                new JsonObject().put("externalId", 42).put("name", "John Smith"));
        JsonMutator mutator = new JsonMutator(samples);
        Fuzz.run("backoffice-import-jsonl", (input, note) -> {
            String text = mutator.next(input.random());
            note.input(text);
            JsonObject o;
            try {
                o = new JsonObject(text);
            } catch (DecodeException | ClassCastException e) {
                return Fuzz.Verdict.REJECTED; // "not a JSON object", reported for that line
            }
            CustomerInput.Result r = CustomerInput.fromMap("crm", Optional.empty(), o.getMap());
            if (r instanceof CustomerInput.Invalid bad) {
                return clear(bad.reason());
            }
            return Fuzz.Verdict.ACCEPTED;
        });
    }

    private static Fuzz.Verdict clear(String reason) {
        if (reason == null || reason.isBlank() || reason.contains("java.") || reason.equals("null")) {
            throw new AssertionError("unclear reason: " + reason);
        }
        return Fuzz.Verdict.REJECTED;
    }
}
