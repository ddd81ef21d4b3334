package cc.ivr.adapter.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Asterisk's side of one FastAGI connection, over a real socket, speaking lines copied from the recorded traces: LF
 * line ends, environment block, replies, the HANGUP notice.
 */
public final class FakeAsterisk implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public FakeAsterisk(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    public FakeAsterisk send(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public FakeAsterisk send(String... lines) throws IOException {
        return send(List.of(lines));
    }

    /** The next command the server sent. */
    public String command() throws IOException {
        String line = in.readLine();
        if (line == null) {
            fail("server closed the connection instead of sending a command");
        }
        return line;
    }

    /** Expects exactly this command, then answers with the given lines. */
    public FakeAsterisk expect(String command, List<String> reply) throws IOException {
        assertEquals(command, command());
        return send(reply);
    }

    public FakeAsterisk expect(String command, String... reply) throws IOException {
        return expect(command, List.of(reply));
    }

    /** Expects the server to end the session: no more commands, then end of stream. */
    public void expectClosed() throws IOException {
        try {
            String line = in.readLine();
            if (line != null) {
                fail("server sent '" + line + "' instead of closing");
            }
        } catch (SocketTimeoutException e) {
            fail("server did not close the connection");
        } catch (java.net.SocketException reset) {
            // a reset is a close too
        }
    }

    public void vanish() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
