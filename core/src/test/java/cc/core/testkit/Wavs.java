package cc.core.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recording files as Asterisk's MixMonitor leaves them: 8 kHz, 16-bit, mono PCM WAV. */
public final class Wavs {
    private Wavs() {}

    /**
     * A WAV of {@code millis} of a quiet 400 Hz tone (not pure silence, so a byte range shows which bytes came back).
     */
    public static byte[] tone(int millis) {
        int samples = 8 * millis;
        int dataBytes = samples * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (800 * Math.sin(2 * Math.PI * 400 * i / 8000.0)));
        }
        return b.array();
    }

    /** Writes {@link #tone} to {@code file}, creating its directories; returns the bytes written. */
    public static byte[] write(Path file, int millis) {
        byte[] bytes = tone(millis);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
