package cc.dialer.domain.list;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a call list from CSV (RFC 4180: comma separated, fields may be quoted, quotes doubled inside quotes, quoted
 * fields may span lines). The first row names the columns, in any order and case: {@code phone} (required),
 * {@code id}, {@code name}, {@code timezone}, {@code score}, {@code customer_id}.
 *
 * <p>Every data row either becomes a contact or is named in the report with its line number and the reason; nothing
 * is dropped silently. Numbers are put in E.164 form and a number seen before is reported as a duplicate of the line
 * that had it first.
 */
public final class ContactCsvImport {
    private static final List<String> KNOWN = List.of("phone", "id", "name", "timezone", "score", "customer_id");

    private final PhoneNumbers numbers;
    private final ZoneId defaultZone;

    /** {@code defaultZone} applies to rows without a time zone. */
    public ContactCsvImport(PhoneNumbers numbers, ZoneId defaultZone) {
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    }

    /** One rejected row: the line it starts on, why, and the row as read. */
    public record RowProblem(int line, String reason, String row) {}

    /**
     * The outcome of an import.
     *
     * @param listId   the list imported into
     * @param rows     data rows read (the header not counted)
     * @param accepted contacts made
     * @param problems rows refused, with line numbers; {@code accepted + problems == rows} unless the header
     *                 itself was refused (then the one problem is at line 1 and nothing is accepted)
     */
    public record ImportReport(String listId, int rows, List<Contact> accepted, List<RowProblem> problems) {
        public ImportReport {
            accepted = List.copyOf(accepted);
            problems = List.copyOf(problems);
        }
    }

    public ImportReport read(String listId, String csv) {
        List<Record> records;
        try {
            records = parse(csv);
        } catch (UnterminatedQuote e) {
            return new ImportReport(listId, 0, List.of(), List.of(new RowProblem(e.line,
                    "quoted field opened here is never closed; nothing imported", "")));
        }
        if (records.isEmpty()) {
            return new ImportReport(listId, 0, List.of(), List.of(new RowProblem(1, "empty file: no header", "")));
        }
        Record header = records.get(0);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.fields.size(); i++) {
            String name = header.fields.get(i).strip().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                return headerProblem(listId, records, "unknown column '" + header.fields.get(i) + "'; known: " + KNOWN);
            }
            if (column.put(name, i) != null) {
                return headerProblem(listId, records, "column '" + name + "' appears twice");
            }
        }
        if (!column.containsKey("phone")) {
            return headerProblem(listId, records, "no 'phone' column");
        }
        List<Contact> accepted = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOfPhone = new HashMap<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        for (Record r : records.subList(1, records.size())) {
            String raw = String.join(",", r.fields);
            if (r.fields.size() == 1 && r.fields.get(0).isBlank()) {
                problems.add(new RowProblem(r.line, "empty row", raw));
                continue;
            }
            if (r.fields.size() != header.fields.size()) {
                problems.add(new RowProblem(r.line, "expected " + header.fields.size() + " fields, found "
                        + r.fields.size(), raw));
                continue;
            }
            String phoneRaw = field(r, column, "phone").orElse("");
            Optional<String> phone = numbers.canonical(phoneRaw);
            if (phone.isEmpty()) {
                problems.add(new RowProblem(r.line, phoneRaw.isBlank() ? "no phone number"
                        : "'" + phoneRaw + "' is not a phone number", raw));
                continue;
            }
            Integer seen = firstLineOfPhone.get(phone.get());
            if (seen != null) {
                problems.add(new RowProblem(r.line, "duplicate of line " + seen + " (" + phone.get() + ")", raw));
                continue;
            }
            ZoneId zone = defaultZone;
            Optional<String> tz = field(r, column, "timezone");
            if (tz.isPresent()) {
                try {
                    zone = ZoneId.of(tz.get());
                } catch (DateTimeException e) {
                    problems.add(new RowProblem(r.line, "unknown time zone '" + tz.get() + "'", raw));
                    continue;
                }
            }
            double score = 0;
            Optional<String> scoreText = field(r, column, "score");
            if (scoreText.isPresent()) {
                try {
                    score = Double.parseDouble(scoreText.get());
                } catch (NumberFormatException e) {
                    score = Double.NaN;
                }
                if (!Double.isFinite(score)) {
                    problems.add(new RowProblem(r.line, "score '" + scoreText.get() + "' is not a number", raw));
                    continue;
                }
            }
            Optional<Long> customer = Optional.empty();
            Optional<String> customerText = field(r, column, "customer_id");
            if (customerText.isPresent()) {
                try {
                    customer = Optional.of(Long.parseLong(customerText.get()));
                } catch (NumberFormatException e) {
                    problems.add(new RowProblem(r.line, "customer_id '" + customerText.get()
                            + "' is not a whole number", raw));
                    continue;
                }
            }
            String id = field(r, column, "id").orElse(listId + "-" + r.line);
            Integer idSeen = firstLineOfId.get(id);
            if (idSeen != null) {
                problems.add(new RowProblem(r.line, "id '" + id + "' already used on line " + idSeen, raw));
                continue;
            }
            firstLineOfPhone.put(phone.get(), r.line);
            firstLineOfId.put(id, r.line);
            accepted.add(new Contact(id, listId, phone.get(), field(r, column, "name").orElse(""), zone, score,
                    customer));
        }
        return new ImportReport(listId, records.size() - 1, accepted, problems);
    }

    private static ImportReport headerProblem(String listId, List<Record> records, String reason) {
        return new ImportReport(listId, records.size() - 1, List.of(), List.of(new RowProblem(records.get(0).line,
                "header: " + reason + "; nothing imported", String.join(",", records.get(0).fields))));
    }

    private static Optional<String> field(Record r, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        if (i == null) {
            return Optional.empty();
        }
        String v = r.fields.get(i).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private record Record(int line, List<String> fields) {}

    private static final class UnterminatedQuote extends Exception {
        final int line;

        UnterminatedQuote(int line) {
            super("unterminated quote at line " + line, null, false, false);
            this.line = line;
        }
    }

    /** Splits into records; a final line break does not make an empty record. */
    private static List<Record> parse(String csv) throws UnterminatedQuote {
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        int quoteLine = 0;
        int i = csv.startsWith("\uFEFF") ? 1 : 0;
        int n = csv.length();
        while (i < n) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && csv.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                f.setLength(0);
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(f.toString());
                f.setLength(0);
                out.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                f.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new UnterminatedQuote(quoteLine);
        }
        if (f.length() > 0 || !fields.isEmpty()) {
            fields.add(f.toString());
            out.add(new Record(recordLine, List.copyOf(fields)));
        }
        return out;
    }
}
