package cc.integration.lookup.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the rows a lookup shows out of a system's parsed JSON answer (maps, lists, strings, numbers, booleans): the
 * list at {@code rowsAt}, each row reduced to the configured fields in their order, as text.
 */
public final class AnswerRows {
    private AnswerRows() {}

    /** The rows; empty when the answer holds none. Fails (IllegalArgumentException) when the answer has no such list. */
    public static List<Map<String, String>> pick(Object answer, LookupDefinition d) {
        Object list = answer;
        if (!d.rowsAt().isEmpty()) {
            list = at(answer, d.rowsAt()).orElseThrow(() ->
                    new IllegalArgumentException("the answer has no \"" + d.rowsAt() + "\""));
        }
        List<?> items;
        if (list instanceof List) {
            items = (List<?>) list;
        } else if (list instanceof Map) {
            items = List.of(list);
        } else {
            throw new IllegalArgumentException("the answer is not a list of records");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Object item : items) {
            if (rows.size() >= d.maxRows()) {
                break;
            }
            if (!(item instanceof Map)) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (LookupDefinition.Field f : d.fields()) {
                row.put(f.key(), at(item, f.key()).map(AnswerRows::text).orElse(""));
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code a.b} reaches into nested objects. */
    private static Optional<Object> at(Object node, String path) {
        Object current = node;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map)) {
                return Optional.empty();
            }
            current = ((Map<?, ?>) current).get(part);
        }
        return Optional.ofNullable(current);
    }

    private static String text(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Map || v instanceof List) {
            return "";
        }
        return String.valueOf(v);
    }
}
