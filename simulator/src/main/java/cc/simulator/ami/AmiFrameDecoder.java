package cc.simulator.ami;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the bytes a client sends into AMI messages: lines end with CRLF (a bare LF is tolerated), an empty line
 * ends a message. A line without a colon is logged once per connection and skipped, the rest of the message kept.
 * Not thread-safe: one decoder per connection, fed from that connection's context.
 */
public final class AmiFrameDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(AmiFrameDecoder.class);
    private final Consumer<AmiMessage> sink;
    private final StringBuilder line = new StringBuilder();
    private AmiMessage current;
    private boolean warned;

    public AmiFrameDecoder(Consumer<AmiMessage> sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                onLine(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    private void onLine(String l) {
        if (l.isEmpty()) {
            if (current != null) {
                AmiMessage done = current;
                current = null;
                sink.accept(done);
            }
            return;
        }
        int colon = l.indexOf(':');
        if (colon <= 0) {
            if (!warned) {
                LOG.warn("skipping malformed AMI line (no 'Key: Value'): {}", l);
                warned = true;
            }
            return;
        }
        String key = l.substring(0, colon).trim();
        String value = l.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (current == null) {
            current = new AmiMessage();
        }
        current.add(key, value);
    }
}
