package cc.warehouse.adapter.file;

import cc.warehouse.app.DayFileWriter;
import cc.warehouse.domain.Column;
import cc.warehouse.domain.ExportFormat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CSV for BI tools: UTF-8 without a byte-order mark, a header row of the view's column names, CRLF line ends, fields
 * quoted as RFC 4180 says (when they hold a comma, a quote or a line break; an empty string as {@code ""} so it
 * differs from a null, which is an empty field). Times are ISO-8601 in UTC ({@code 2026-12-01T20:30:00Z}), dates
 * ISO, numbers without exponents.
 */
public final class CsvDayWriter implements DayFileWriter {

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public RowWriter open(Path file, List<Column> columns) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16);
        String[] header = columns.stream().map(Column::name).toArray(String[]::new);
        writeLine(out, header);
        return new RowWriter() {
            private boolean finished;
            private final String[] cells = new String[columns.size()];

            @Override
            public void write(Object[] row) throws IOException {
                for (int i = 0; i < row.length; i++) {
                    cells[i] = cell(row[i]);
                }
                writeLine(out, cells);
            }

            @Override
            public void finish() throws IOException {
                out.close();
                finished = true;
            }

            @Override
            public void close() throws IOException {
                if (!finished) {
                    out.close();
                    Files.deleteIfExists(file);
                }
            }
        };
    }

    private static void writeLine(BufferedWriter out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cells[i]);
        }
        out.write("\r\n");
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s;
        if (v instanceof Double && Double.isFinite((Double) v)) {
            s = BigDecimal.valueOf((Double) v).toPlainString();
        } else if (v instanceof BigDecimal) {
            s = ((BigDecimal) v).toPlainString();
        } else {
            s = v.toString();
        }
        if (s.isEmpty()) {
            return "\"\"";
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
