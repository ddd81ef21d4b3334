package cc.dialer.domain.list;

import cc.core.testkit.fuzz.Fuzz;
import cc.core.testkit.fuzz.TextMutator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Call lists, mutated. Two properties: over a whole mutated file, every data row is either a contact or a reported
 * problem (nothing dropped silently, nothing thrown); with one row mutated among good ones, the good rows are kept.
 */
class ContactCsvFuzzTest {
    private final ContactCsvImport importer = new ContactCsvImport(new PhoneNumbers("98", "0", "00"),
            ZoneId.of("Asia/Tehran"));

    private static final String HEADER = "id,phone,name,timezone,score,customer_id";

    private static String good(int i) {
        return "c" + i + ",0912 " + (100 + i) + " " + (1000 + i * 7) + ",\"Caller " + i + ", Esq.\",Asia/Tehran,0."
                + i + "," + (10 + i);
    }

    private static List<String> samples() {
        List<String> out = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            StringBuilder s = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i < n * 3; i++) {
                s.append(good(i)).append('\n');
            }
            out.add(s.toString());
        }
        out.add("phone,name\n+44 20 7946 0958,Smith\n09123456789,\"Sara \"\"S\"\" Ahmadi\"\n");
        return out;
    }

    @Test
    @DisplayName("a mutated call list: every row a contact or a reported problem, never an exception")
    void mutatedFiles() {
        TextMutator mutator = new TextMutator(samples());
        Fuzz.run("dialer-call-list-csv", (input, note) -> {
            String csv = mutator.next(input.random());
            note.input(csv);
            ContactCsvImport.ImportReport r = importer.read("fz", csv);
            boolean headerRefused = r.accepted().isEmpty() && r.problems().size() == 1
                    && (r.problems().get(0).line() == 1 || r.rows() == 0);
            if (!headerRefused && r.accepted().size() + r.problems().size() != r.rows()) {
                throw new AssertionError("rows " + r.rows() + " but accepted " + r.accepted().size() + " and problems "
                        + r.problems().size());
            }
            for (ContactCsvImport.RowProblem p : r.problems()) {
                if (p.reason() == null || p.reason().isBlank() || p.line() < 1) {
                    throw new AssertionError("unclear problem " + p);
                }
            }
            return r.problems().isEmpty() ? Fuzz.Verdict.ACCEPTED : Fuzz.Verdict.REJECTED;
        });
    }

    @Test
    @DisplayName("one mutated row among good ones: the good rows are kept, the bad one reported")
    void oneBadRow() {
        TextMutator mutator = new TextMutator(List.of(good(0)));
        Fuzz.run("dialer-call-list-csv-row", (input, note) -> {
            Random r = input.random();
            int rows = 2 + r.nextInt(20);
            int bad = r.nextInt(rows);
            String mutated = mutator.mutate(r, good(bad));
            if (mutated.indexOf('"') >= 0 && !mutated.equals(good(bad)) || mutated.contains("\n") || mutated.contains("\r")) {
                mutated = mutated.replace("\"", "").replace("\r", "").replace("\n", ""); // a quote or break spans rows
            }
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i < rows; i++) {
                csv.append(i == bad ? mutated : good(i)).append('\n');
            }
            note.input(csv.toString());
            ContactCsvImport.ImportReport report = importer.read("fz", csv.toString());
            int accepted = report.accepted().size();
            boolean badRefused = report.problems().stream().anyMatch(p -> p.line() == bad + 2);
            // refused, it costs nothing else; accepted as another row's twin (its phone, its id), it may push
            // at most those two rows out as duplicates
            if (badRefused ? accepted != rows - 1 : accepted < rows - 2) {
                throw new AssertionError("good rows lost: kept " + accepted + " of " + rows + ": " + report.problems());
            }
            if (report.accepted().size() + report.problems().size() != report.rows()) {
                throw new AssertionError("a row neither kept nor reported: " + report);
            }
            return report.problems().isEmpty() ? Fuzz.Verdict.ACCEPTED : Fuzz.Verdict.REJECTED;
        });
    }
}
