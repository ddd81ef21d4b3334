package cc.launcher;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped logging configuration ({@code logback.xml} with its default text format). */
class LoggingConfigTest {

    @Test
    @DisplayName("every class the shipped logging configuration quiets exists (a renamed class would log again)")
    void quietedClassesExist() throws Exception {
        String xml;
        try (InputStream in = LoggingConfigTest.class.getClassLoader().getResourceAsStream("logback.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("<logger name=\"([^\"]+)\"").matcher(xml);
        List<String> classes = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            String last = name.substring(name.lastIndexOf('.') + 1);
            if (Character.isUpperCase(last.charAt(0))) {
                classes.add(name);
            }
        }
        assertFalse(classes.isEmpty(), "logback.xml quiets no single class; this test reads its loggers");
        for (String name : classes) {
            Class.forName(name, false, LoggingConfigTest.class.getClassLoader()); // throws if moved or renamed
        }
    }

    @Test
    @DisplayName("text logs write control characters from outside as '?': no forged line, no terminal escape")
    void textLogsNeutraliseControlCharacters() throws Exception {
        String out = logHostileText("text");
        assertFalse(out.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).endsWith("WARN  cc.test - caller name Eve?"), lines.get(0));
        assertEquals("  12:00:00.000 INFO  cc.forged - admin signed in?]0;title??", lines.get(1),
                "a line break inside a message stays a line break, but its line cannot pass for the server's own");
        assertTrue(lines.get(2).endsWith("ERROR cc.test - frame refused"), lines.get(2));
        assertEquals("  java.lang.IllegalArgumentException: value ?[31mred?[0m", lines.get(3));
        assertTrue(lines.get(4).startsWith("  \tat cc.launcher.LoggingConfigTest."), lines.get(4));
        assertEquals(2, lines.stream().filter(l -> Character.isDigit(l.charAt(0))).count(),
                "only the two events' first lines start with a time: " + out);
        assertEquals(1, lines.stream().filter(l -> l.startsWith("  java.lang.IllegalArgumentException")).count(),
                "the exception once");
    }

    @Test
    @DisplayName("JSON logs (CC_LOG_FORMAT=json) escape control characters: one event a line")
    void jsonLogsEscapeControlCharacters() throws Exception {
        String out = logHostileText("json");
        assertFalse(out.chars().anyMatch(c -> c < 0x20 && c != '\n'), out);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).startsWith("{") && lines.get(0).contains("admin signed in"), lines.get(0));
        assertTrue(lines.get(1).contains("\"loggerName\":\"cc.test\"") && lines.get(1).contains("red"), lines.get(1));
    }

    /** Configures a fresh logging context from the shipped logback.xml in {@code format}, logs text from outside. */
    private static String logHostileText(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("CC_LOG_FORMAT", format);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator joran = new JoranConfigurator();
            joran.setContext(context);
            joran.doConfigure(LoggingConfigTest.class.getClassLoader().getResource("logback.xml"));
            Logger log = context.getLogger("cc.test");
            log.warn("caller name {}", "Eve\r\n12:00:00.000 INFO  cc.forged - admin signed in\u001b]0;title\u0007\u0000");
            log.error("frame refused", new IllegalArgumentException("value \u001b[31mred\u001b[0m"));
        } finally {
            context.stop();
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
