package cc.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading Java source as text for {@link SqlBoundParametersTest}: expressions, arguments and brackets found with
 * string literals, text blocks and char literals skipped, comments blanked. Not a parser: enough to follow how an SQL
 * string is built within one file.
 */
final class JavaSourceText {
    private JavaSourceText() {}


    /** The expression from {@code at} up to the {@code ;} (or closing bracket) that ends it. */
    static String statementFrom(String s, int at) {
        int depth = 0;
        for (int i = at; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = stringEnd(s, i);
            } else if (c == '\'') {
                i = charEnd(s, i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    return s.substring(at, i);
                }
                depth--;
            } else if ((c == ';' || c == ',') && depth == 0) {
                return s.substring(at, i);
            }
        }
        return s.substring(at);
    }

    /** {@code .append(...)} calls chained from {@code at}. */
    static String chainFrom(String s, int at) {
        int i = at;
        StringBuilder out = new StringBuilder();
        while (true) {
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (!s.startsWith(".append(", j)) {
                return out.toString();
            }
            int close = closing(s, j + ".append".length());
            out.append(s, j, close + 1);
            i = close + 1;
        }
    }

    static String firstArgument(String s, int afterOpen) {
        List<String> args = arguments(s, afterOpen);
        return args.isEmpty() ? "" : args.get(0);
    }

    /** The top-level comma-separated arguments of the call whose {@code (} is just before {@code afterOpen}. */
    static List<String> arguments(String s, int afterOpen) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = afterOpen;
        for (int i = afterOpen; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = stringEnd(s, i);
            } else if (c == '\'') {
                i = s.indexOf('\'', s.charAt(i + 1) == '\\' ? i + 3 : i + 2);
            } else if (c == '(' || c == '{' || c == '[' || (c == '<' && depth > 0)) {
                depth++;
            } else if (c == ')' || c == '}' || c == ']' || (c == '>' && depth > 0 && s.charAt(i - 1) != '-')) {
                if (depth == 0) {
                    if (!s.substring(start, i).isBlank() || !out.isEmpty()) {
                        out.add(s.substring(start, i));
                    }
                    return out;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** Splits at top-level {@code +}, and takes both branches of a top-level {@code ?:} (its condition dropped). */
    static List<String> operands(String expr) {
        int q = topLevel(expr, '?');
        if (q >= 0) {
            int colon = topLevel(expr.substring(q + 1), ':');
            if (colon >= 0) {
                List<String> out = new ArrayList<>(operands(expr.substring(q + 1, q + 1 + colon)));
                out.addAll(operands(expr.substring(q + 2 + colon)));
                return out;
            }
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"') {
                i = stringEnd(expr, i);
            } else if (c == '\'') {
                i = charEnd(expr, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '+' && depth == 0) {
                out.add(expr.substring(start, i));
                start = i + 1;
            }
        }
        out.add(expr.substring(start));
        return out;
    }

    static int topLevel(String expr, char wanted) {
        int depth = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"') {
                i = stringEnd(expr, i);
            } else if (c == '\'') {
                i = charEnd(expr, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the closing quote of the string or text block opening at {@code at}. */
    static int stringEnd(String s, int at) {
        if (s.startsWith("\"\"\"", at)) {
            int end = s.indexOf("\"\"\"", at + 3);
            return end < 0 ? s.length() - 1 : end + 2;
        }
        for (int i = at + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return s.length() - 1;
    }

    /** The index of the closing quote of the char literal opening at {@code at}. */
    static int charEnd(String s, int at) {
        if (at + 1 < s.length() && s.charAt(at + 1) == '\\') {
            int end = s.indexOf('\'', at + 3);
            return end < 0 ? s.length() - 1 : end;
        }
        return Math.min(at + 2, s.length() - 1);
    }

    /** The index of the bracket closing the one at {@code open}. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = stringEnd(s, i);
            } else if (c == '\'') {
                i = charEnd(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }

    static int closingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = stringEnd(s, i);
            } else if (c == '\'') {
                i = charEnd(s, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return s.length() - 1;
    }

    static int line(String s, int at) {
        int n = 1;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Comments blanked out (same length, line breaks kept), so line numbers hold and commented code is not read. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = stringEnd(s, i);
            } else if (c == '\'' && i + 2 < s.length()) {
                int end = s.indexOf('\'', s.charAt(i + 1) == '\\' ? i + 3 : i + 2);
                i = end < 0 ? i : end;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
                for (int j = i; j < end; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int j = i; j < end; j++) {
                    if (s.charAt(j) != '\n') {
                        out.setCharAt(j, ' ');
                    }
                }
                i = end - 1;
            }
        }
        return out.toString();
    }
}
