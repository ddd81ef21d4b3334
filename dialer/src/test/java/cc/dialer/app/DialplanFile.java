package cc.dialer.app;

import cc.simulator.dialplan.Dialplan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads contexts of a shipped {@code config/asterisk/*.conf} file into the simulator's {@link Dialplan}, so the test
 * runs the very dialplan a real Asterisk is given. Understands what our files use: {@code [context]},
 * {@code exten => name,1,App(data)} and {@code same => n|N,App(data)}, {@code ;} comments.
 */
final class DialplanFile {
    private DialplanFile() {}

    static void addContexts(Dialplan.Builder builder, Path file, Set<String> contexts) throws IOException {
        String context = null;
        String exten = null;
        List<String> steps = new ArrayList<>();
        int n = 0;
        for (String raw : Files.readAllLines(file)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                flush(builder, context, exten, steps, contexts);
                context = line.substring(1, line.indexOf(']'));
                exten = null;
                continue;
            }
            boolean first = line.startsWith("exten");
            if (!first && !line.startsWith("same")) {
                continue;
            }
            String body = line.substring(line.indexOf("=>") + 2).strip();
            String[] parts = body.split(",", first ? 3 : 2);
            if (first) {
                flush(builder, context, exten, steps, contexts);
                exten = parts[0].strip();
            }
            String step = parts[parts.length - 1].strip();
            if (!step.contains("(")) {
                throw new IllegalArgumentException(file + " line " + n + ": no application in '" + raw + "'");
            }
            steps.add(step);
        }
        flush(builder, context, exten, steps, contexts);
    }

    private static void flush(Dialplan.Builder builder, String context, String exten, List<String> steps,
                              Set<String> contexts) {
        if (context != null && exten != null && !steps.isEmpty() && contexts.contains(context)) {
            builder.exten(context, exten, steps.toArray(String[]::new));
        }
        steps.clear();
    }
}
