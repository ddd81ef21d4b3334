package cc.console.domain.backoffice;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of CSV (RFC 4180 within a line: comma-separated, fields may be quoted, quotes doubled inside quotes). A
 * bulk import reads one record per line so it can stream; a quoted field may not hold a line break.
 */
public final class CsvLine {
    private CsvLine() {
    }

    /** The fields of {@code line}; fails with a reason for a quote left open or text after a closing quote. */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a quoted field is not closed on its line");
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(ch);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote in field " + (fields.size() + 1));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    f.append(line.charAt(i++));
                }
            }
            fields.add(f.toString());
            f.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
