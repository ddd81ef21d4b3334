package cc.core;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static cc.core.JavaSourceText.arguments;
import static cc.core.JavaSourceText.chainFrom;
import static cc.core.JavaSourceText.closing;
import static cc.core.JavaSourceText.closingBrace;
import static cc.core.JavaSourceText.firstArgument;
import static cc.core.JavaSourceText.line;
import static cc.core.JavaSourceText.operands;
import static cc.core.JavaSourceText.stringEnd;
import static cc.core.JavaSourceText.stripComments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL only through bound parameters: every SQL text handed to JDBC in the main sources of every module is built from
 * constants, so no value (a caller's number, a name typed in a form, a query parameter) can become SQL; values travel
 * as {@code ?} parameters.
 *
 * <p>The rule, checked on the source text of each file: the first argument of {@code prepareStatement},
 * {@code prepareCall}, {@code executeQuery}, {@code executeUpdate}, {@code executeLargeUpdate}, {@code execute} and
 * {@code addBatch} (calls without an argument run an already prepared statement and are fine) is an <em>SQL
 * expression</em>. An SQL expression is operands joined by {@code +} (or the two branches of a {@code ?:}), and each
 * operand must be one of:
 * <ul>
 *   <li>a string literal or text block;</li>
 *   <li>a constant: an UPPER_SNAKE name (our style keeps those for {@code static final} values), declared in the
 *       file with an initializer that is itself an SQL expression, or declared elsewhere;</li>
 *   <li>a local variable or field ({@code sql}, or {@code sql.toString()} of a builder) whose every assignment,
 *       {@code +=} and {@code append(...)} in the file is an SQL expression;</li>
 *   <li>a parameter of a method of the file whose every call in the file passes an SQL expression there;</li>
 *   <li>{@code String.join(<literal>, <constant>)} (a column list joined from constants), or
 *       {@code "<literal>".repeat(n)} ({@code ?, ?, ?} placeholders: a count is not text).</li>
 * </ul>
 * Anything else (a variable built from a method argument, {@code String.format}, a number or a value concatenated in)
 * fails the test with its file and line. The check is on text, not on types: a violation hidden behind a helper in
 * another file is out of its sight, which is why SQL helpers take the SQL and the values apart.
 *
 * <p>Reviewed exceptions, each named below with why it cannot carry input: SQL identifiers that JDBC cannot bind
 * (the data warehouse's view names from the fixed list in {@code WarehouseViews}; DuckDB's column list and the
 * {@code COPY ... TO '<file>'} target of the Parquet export, a path of the configured directory and a date, quotes
 * doubled). An exception covers that file and that expression only. Benchmarks ({@code benchmarks/}) are programs
 * that fill their own throw-away databases with figures from their command line; they serve nobody and are not
 * scanned.
 */
class SqlBoundParametersTest {
    private static final Pattern CALL = Pattern.compile(
            "\\.(prepareStatement|prepareCall|executeQuery|executeUpdate|executeLargeUpdate|execute|addBatch)\\(");
    private static final Pattern CONSTANT = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]*\\.)*[A-Z][A-Z0-9_]*");
    private static final Pattern IDENT = Pattern.compile("[a-z][A-Za-z0-9_]*");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^[ \\t]*(?:(?:public|private|protected|static|final"
            + "|synchronized|default|abstract)\\s+)*(?:<[^>\\n]+>\\s+)?[\\w.<>\\[\\], ?]*?[\\w>\\]]\\s+(\\w+)\\s*\\(");
    private static final Set<String> KEYWORDS = Set.of("if", "for", "while", "switch", "catch", "return", "new", "try",
            "synchronized", "else", "throw");

    /** File name, a fragment of the SQL expression, and why it is safe: reviewed by hand. */
    private static final List<String[]> REVIEWED = List.of(
            new String[]{"JdbcWarehouse.java", "view.name()", "view names are the fixed WarehouseViews list in code"},
            new String[]{"ParquetDayWriter.java", "columns.stream()", "DuckDB column names of our own views, quoted"},
            new String[]{"ParquetDayWriter.java", "file.toAbsolutePath()",
                    "COPY cannot bind its target; the configured directory and a date, quotes doubled"});

    @Test
    @DisplayName("every SQL text handed to JDBC is built from literals and constants; values go as bound parameters")
    void sqlFromConstantsOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Path f : mainSources()) {
            String src = stripComments(Files.readString(f));
            if (!src.contains("java.sql")) {
                continue; // not a JDBC class: execute(...) there is something else (an executor, a command)
            }
            Check check = new Check(src);
            Matcher m = CALL.matcher(src);
            while (m.find()) {
                String arg = firstArgument(src, m.end());
                if (arg.isBlank()) {
                    continue;
                }
                checked++;
                String why = check.unsafe(arg, new HashSet<>(), check.enclosingMethod(m.start()));
                String file = f.getFileName().toString();
                String reason = why;
                if (why != null && REVIEWED.stream().noneMatch(r -> r[0].equals(file)
                        && (arg.contains(r[1]) || reason.contains(r[1])))) {
                    violations.add(root().relativize(f) + ":" + line(src, m.start()) + " " + m.group(1) + "(" + arg
                            + "): " + why);
                }
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(checked > 100, "SQL texts checked: " + checked);
    }

    @Test
    @DisplayName("the scan catches a value concatenated into SQL, a formatted SQL, a builder fed a parameter here or in"
            + " a helper, and lets constants, ternaries of constants and SQL passed to a helper through")
    void catchesViolations() {
        String src = """
                import java.sql.Connection;
                class Bad {
                    private static final String SELECT = "select * from t";
                    void a(Connection c, String name) { c.prepareStatement("select * from t where n = '" + name + "'"); }
                    void b(Connection c, String id) { c.createStatement().executeQuery(String.format("select %s", id)); }
                    void d(Connection c, String order) {
                        StringBuilder sql = new StringBuilder(SELECT);
                        sql.append(" order by ").append(order);
                        c.prepareStatement(sql.toString());
                    }
                    void e(Connection c) { c.prepareStatement(SELECT + " where n = ?"); }
                    void f(Connection c, boolean x) { run(c, x ? SELECT : "select 1"); }
                    void run(Connection c, String sql) { c.prepareStatement(sql); }
                    void g(Connection c, String field) {
                        StringBuilder sql = new StringBuilder(SELECT);
                        where(sql, field);
                        c.prepareStatement(sql.toString());
                    }
                    private static void where(StringBuilder sql, String column) { sql.append(" where ").append(column); }
                }
                """;
        Check check = new Check(src);
        List<String> verdicts = new ArrayList<>();
        Matcher m = CALL.matcher(src);
        while (m.find()) {
            verdicts.add(String.valueOf(check.unsafe(firstArgument(src, m.end()), new HashSet<>(),
                    check.enclosingMethod(m.start())) != null));
        }
        assertEquals(List.of("true", "true", "true", "false", "false", "true"), verdicts);
    }

    /** Decides whether an SQL expression may carry anything but constant text; null when it cannot. */
    private static final class Check {
        private final String src;
        /** Each method declared in the file with a body: name, index of its '{', index of its '}'. */
        private final List<Object[]> methods = new ArrayList<>();

        Check(String src) {
            this.src = src;
            Matcher decl = DECLARATION.matcher(src);
            while (decl.find()) {
                String name = decl.group(1);
                if (KEYWORDS.contains(name)) {
                    continue;
                }
                int close = closing(src, decl.end() - 1);
                int open = src.indexOf('{', close);
                int semi = src.indexOf(';', close);
                if (open >= 0 && (semi < 0 || open < semi) && src.substring(close + 1, open).matches("[\\s\\w,.]*")) {
                    methods.add(new Object[]{name, open, closingBrace(src, open)});
                }
            }
        }

        /** The innermost method whose body holds {@code at}, or "" at class level. */
        String enclosingMethod(int at) {
            String name = "";
            int best = Integer.MAX_VALUE;
            for (Object[] m : methods) {
                int open = (Integer) m[1];
                int close = (Integer) m[2];
                if (open < at && at < close && close - open < best) {
                    best = close - open;
                    name = (String) m[0];
                }
            }
            return name;
        }

        String unsafe(String expr, Set<String> seen, String method) {
            for (String operand : operands(expr.strip())) {
                String why = unsafeOperand(operand.strip(), seen, method);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }

        private String unsafeOperand(String o, Set<String> seen, String method) {
            if (o.startsWith("(") && closing(o, 0) == o.length() - 1) {
                return unsafe(o.substring(1, o.length() - 1), seen, method);
            }
            if (o.matches("'(\\\\.|[^'\\\\])'")) {
                return null; // a char literal
            }
            if (o.startsWith("\"")) {
                if (o.startsWith("\"\"\"")) {
                    return null;
                }
                int end = stringEnd(o, 0);
                String rest = o.substring(end + 1);
                if (rest.isEmpty()) {
                    return null;
                }
                if (rest.matches("\\.repeat\\([^()]*\\)")) {
                    return null;
                }
                return "calls " + rest + " on a literal";
            }
            if (o.matches("String\\.join\\(\\s*\"[^\"]*\"\\s*,\\s*" + CONSTANT.pattern() + "\\s*\\)")
                    || o.matches("String\\.join\\(\\s*\"[^\"]*\"\\s*,\\s*(java\\.util\\.)?Collections\\.nCopies\\([^()]*"
                    + "(\\([^()]*\\))?[^()]*,\\s*\"[^\"]*\"\\s*\\)\\s*\\)")) {
                return null; // column names joined from constants, or "?, ?, ?" placeholders for n values
            }
            Matcher call = Pattern.compile("([a-z]\\w*)\\((.*)\\)").matcher(o);
            if (call.matches() && closing(o, call.end(1)) == o.length() - 1 && declares(call.group(1))) {
                return unsafeReturns(call.group(1), seen);
            }
            if (o.startsWith("new StringBuilder(")) {
                int close = closing(o, "new StringBuilder".length());
                String inner = o.substring("new StringBuilder(".length(), close);
                String why = inner.isBlank() ? null : unsafe(inner, seen, method);
                if (why != null) {
                    return why;
                }
                return appends(o.substring(close + 1), seen, method);
            }
            Matcher replace = Pattern.compile("(.*)\\.replace\\(\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\"\\s*\\)").matcher(o);
            if (replace.matches()) {
                return unsafe(replace.group(1), seen, method);
            }
            String name = o.endsWith(".toString()") ? o.substring(0, o.length() - ".toString()".length()) : o;
            if (CONSTANT.matcher(name).matches()) {
                String simple = name.substring(name.lastIndexOf('.') + 1);
                Matcher decl = Pattern.compile("\\bstatic\\s+final\\s+String\\s+" + simple + "\\s*=").matcher(src);
                if (decl.find() && seen.add("const " + simple)) {
                    return unsafe(statementAt(decl.end()), seen, method);
                }
                return null;
            }
            if (IDENT.matcher(name).matches()) {
                return unsafeVariable(name, seen, method);
            }
            return "'" + o + "' is not a literal, a constant or SQL built from them";
        }

        /** A chain of {@code .append(x)} calls: each x an SQL expression. */
        private String appends(String chain, Set<String> seen, String method) {
            String rest = chain.strip();
            while (rest.startsWith(".append(")) {
                int close = closing(rest, ".append".length());
                String why = unsafe(rest.substring(".append(".length(), close), seen, method);
                if (why != null) {
                    return why;
                }
                rest = rest.substring(close + 1).strip();
            }
            return rest.isEmpty() || rest.equals(".toString()") ? null : "builder call " + rest;
        }

        private boolean declares(String method) {
            return methods.stream().anyMatch(m -> m[0].equals(method));
        }

        /** A method of this file building SQL: every {@code return} in it is an SQL expression. */
        private String unsafeReturns(String method, Set<String> seen) {
            if (!seen.add("returns " + method)) {
                return null;
            }
            Matcher ret = Pattern.compile("\\breturn\\s").matcher(methodBody(method));
            String body = methodBody(method);
            while (ret.find()) {
                String why = unsafe(JavaSourceText.statementFrom(body, ret.end()), seen, method);
                if (why != null) {
                    return method + "(...) returns " + why;
                }
            }
            return null;
        }

        private String unsafeVariable(String name, Set<String> seen, String method) {
            if (!seen.add("var " + method + " " + name)) {
                return null;
            }
            String body = method.isEmpty() ? src : methodBody(method);
            int found = 0;
            Matcher each = Pattern.compile("for\\s*\\(\\s*(?:final\\s+)?[\\w<>]+\\s+" + name
                    + "\\s*:\\s*(?:java\\.util\\.)?(?:List|Set)\\.of\\(").matcher(body);
            while (each.find()) {
                found++;
                for (String element : arguments(body, each.end())) {
                    String why = unsafe(element, seen, method);
                    if (why != null) {
                        return name + ": " + why;
                    }
                }
            }
            Matcher assign = Pattern.compile("(?<![.\\w])" + name + "\\s*(\\+?=)(?!=)").matcher(body);
            while (assign.find()) {
                found++;
                String why = unsafe(JavaSourceText.statementFrom(body, assign.end()), seen, method);
                if (why != null) {
                    return name + ": " + why;
                }
            }
            Matcher append = Pattern.compile("(?<![.\\w])" + name + "(\\s*\\.append\\()").matcher(body);
            while (append.find()) {
                found++;
                String why = appends(chainFrom(body, append.start(1)), seen, method);
                if (why != null) {
                    return name + ": " + why;
                }
            }
            // a builder handed to a helper of this file: what the helper appends counts too
            Matcher handed = Pattern.compile("(?<![\\w.])(\\w+)\\(").matcher(body);
            while (handed.find()) {
                if (!declares(handed.group(1)) || handed.group(1).equals(method)) {
                    continue;
                }
                List<String> args = arguments(body, handed.end());
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i).strip().equals(name)) {
                        String param = parameterName(handed.group(1), i);
                        if (param != null) {
                            String why = unsafeAppendsIn(handed.group(1), param, seen);
                            if (why != null) {
                                return name + " in " + handed.group(1) + ": " + why;
                            }
                        }
                    }
                }
            }
            if (found > 0) {
                return null;
            }
            if (!method.isEmpty()) {
                int index = parameterIndex(method, name);
                if (index >= 0) {
                    return unsafeCallers(method, index, seen);
                }
            }
            return name + " comes from where this scan cannot see (not assigned in its method, not a parameter)";
        }

        /** Every call of {@code method} in the file passes an SQL expression at {@code index}. */
        private String unsafeCallers(String method, int index, Set<String> seen) {
            Matcher call = Pattern.compile("(?<![\\w.])" + Pattern.quote(method) + "\\(").matcher(src);
            int calls = 0;
            while (call.find()) {
                if (isDeclaration(call.start())) {
                    continue;
                }
                List<String> args = arguments(src, call.end());
                if (index >= args.size()) {
                    continue;
                }
                calls++;
                String why = unsafe(args.get(index), seen, enclosingMethod(call.start()));
                if (why != null) {
                    return "called as " + method + "(..." + args.get(index).strip() + "...): " + why;
                }
            }
            return calls > 0 ? null : "parameter of " + method + ", which is called from another file";
        }

        private boolean isDeclaration(int at) {
            int lineStart = src.lastIndexOf('\n', at) + 1;
            String before = src.substring(lineStart, at);
            if (!before.matches("\\s*(?:[\\w<>\\[\\],.?@]+\\s+)*[\\w<>\\[\\]]+\\s+")) {
                return false;
            }
            String[] words = before.strip().split("\\s+");
            return !KEYWORDS.contains(words[words.length - 1]) && !words[words.length - 1].equals("yield");
        }

        private String unsafeAppendsIn(String method, String param, Set<String> seen) {
            if (!seen.add("appends " + method + " " + param)) {
                return null;
            }
            String body = methodBody(method);
            Matcher append = Pattern.compile("(?<![.\\w])" + param + "(\\s*\\.append\\()").matcher(body);
            while (append.find()) {
                String why = appends(chainFrom(body, append.start(1)), seen, method);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }

        private String parameterName(String method, int index) {
            Matcher decl = Pattern.compile("\\b" + Pattern.quote(method) + "\\(").matcher(src);
            while (decl.find()) {
                if (isDeclaration(decl.start())) {
                    List<String> params = arguments(src, decl.end());
                    if (index < params.size()) {
                        String[] words = params.get(index).strip().split("\\s+");
                        return words[words.length - 1];
                    }
                }
            }
            return null;
        }

        private int parameterIndex(String method, String name) {
            Matcher decl = Pattern.compile("\\b" + Pattern.quote(method) + "\\(").matcher(src);
            while (decl.find()) {
                if (!isDeclaration(decl.start())) {
                    continue;
                }
                List<String> params = arguments(src, decl.end());
                for (int i = 0; i < params.size(); i++) {
                    String[] words = params.get(i).strip().split("\\s+");
                    if (words[words.length - 1].equals(name)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private String methodBody(String method) {
            StringBuilder all = new StringBuilder();
            for (Object[] m : methods) {
                if (m[0].equals(method)) {
                    all.append(src, (Integer) m[1], (Integer) m[2] + 1).append('\n');
                }
            }
            return all.length() == 0 ? src : all.toString();
        }

        private String statementAt(int at) {
            return JavaSourceText.statementFrom(src, at);
        }
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml")) || p != null
                && !Files.isDirectory(p.resolve("core"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(root(), 14)) {
            return files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/") && !root().relativize(f).startsWith("benchmarks"))
                    .sorted().toList();
        }
    }
}
