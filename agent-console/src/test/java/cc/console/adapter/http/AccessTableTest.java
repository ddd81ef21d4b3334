package cc.console.adapter.http;

import cc.console.testing.AccessTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access table of {@code agent-console/README.md} against the code: every live message type the console accepts
 * (the dispatch tables {@link CallControlWeb#LIVE_TYPES_IN} and {@link ChatWeb#VISITOR_TYPES_IN}) and every type it
 * sends (each {@code put("type", "...")} in the console's sources) has a row, no row names a type the code no longer
 * has, and every test a row names exists. The routes are checked against the running server by {@code AccessTableIT}.
 */
class AccessTableTest {
    private static final Pattern SENT = Pattern.compile("put\\(\"type\",\\s*\"([a-z-]+)\"\\)");

    @Test
    @DisplayName("every live message type accepted or sent has a row, and every row's type is still in the code")
    void liveMessagesHaveRows() throws IOException {
        AccessTable table = AccessTable.read();
        Set<String> inCode = new TreeSet<>();
        CallControlWeb.LIVE_TYPES_IN.forEach(t -> inCode.add("/live in " + t));
        ChatWeb.VISITOR_TYPES_IN.forEach(t -> inCode.add("/help/chat/ws in " + t));
        Set<String> sent = sentTypes();
        Set<String> inTable = new TreeSet<>();
        Set<String> sentInTable = new TreeSet<>();
        for (AccessTable.Message m : table.messages().values()) {
            if (m.direction().equals("in")) {
                inTable.add(m.key());
            } else {
                sentInTable.add(m.type());
            }
        }
        assertEquals(inCode, inTable, "message types the live channels accept: code vs access table");
        assertEquals(sent, sentInTable, "message types the console sends: code (put(\"type\", ...)) vs access table");
    }

    @Test
    @DisplayName("every test the access table names exists, and every row names one")
    void rowsNameExistingTests() {
        assertEquals(java.util.List.of(), AccessTable.read().missingTests());
    }

    @Test
    @DisplayName("the table has the console's main routes with the rules the code applies")
    void knownRows() {
        AccessTable t = AccessTable.read();
        assertEquals("public", t.route("POST /api/session").orElseThrow().rule());
        assertEquals("supervisor", t.route("GET /api/wallboard").orElseThrow().rule());
        assertEquals("admin", t.route("GET /api/admin/users").orElseThrow().rule());
        assertTrue(t.route("PUT /api/admin/users/:username").orElseThrow().session());
    }

    private static Set<String> sentTypes() throws IOException {
        Set<String> out = new TreeSet<>();
        Path main = AccessTable.repositoryRoot().resolve("agent-console/src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = SENT.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
