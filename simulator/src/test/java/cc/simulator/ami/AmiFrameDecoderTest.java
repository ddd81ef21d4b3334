package cc.simulator.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AmiFrameDecoderTest {
    private final List<AmiMessage> out = new ArrayList<>();
    private final AmiFrameDecoder decoder = new AmiFrameDecoder(out::add);

    private void feed(String s) {
        decoder.feed(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a message split across TCP reads is assembled once its empty line arrives")
    void splitAcrossReads() {
        feed("Action: Ping\r\nAction");
        feed("ID: 1\r\n");
        assertEquals(0, out.size());
        feed("\r\n");
        assertEquals(1, out.size());
        assertEquals("ping", out.get(0).action());
        assertEquals("1", out.get(0).get("actionid"));
    }

    @Test
    @DisplayName("a line without a colon is skipped and the rest of the message kept")
    void malformedLineSkipped() {
        feed("Action: Ping\r\ngarbage\r\nActionID: 2\r\n\r\n");
        assertEquals(1, out.size());
        assertEquals("2", out.get(0).get("ActionID"));
        assertEquals(2, out.get(0).headers().size());
    }

    @Test
    @DisplayName("values keep their inner spaces and may be empty; repeated headers are all kept")
    void valuesAndRepeats() {
        feed("Action: Originate\r\nVariable: A=1\r\nVariable: B=two words\r\nAccount:\r\n\n");
        AmiMessage m = out.get(0);
        assertEquals(List.of("A=1", "B=two words"), m.getAll("Variable"));
        assertEquals("", m.get("Account"));
        assertNull(m.get("Channel"));
    }

    @Test
    @DisplayName("responses put ActionID second and end with an empty CRLF line")
    void wireFormat() {
        assertEquals("Response: Success\r\nActionID: x\r\nPing: Pong\r\n\r\n",
            AmiMessage.response("Success", "x").add("Ping", "Pong").toWire());
        assertEquals("Response: Error\r\nMessage: Permission denied\r\n\r\n",
            AmiMessage.response("Error", null).add("Message", "Permission denied").toWire());
    }
}
