package cc.simulator.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The audio a simulated MixMonitor writes: 8 kHz 16-bit mono PCM WAV, as Asterisk's {@code wav} format (44-byte
 * header, ami-21: 6.00 s = 96044 bytes). Each direction is a quiet tone of its own pitch, so a file muted in one
 * direction still sounds and one muted in both is digital silence (all-zero samples).
 */
final class WavFile {
    static final int RATE = 8000;
    static final int HEADER_BYTES = 44;
    private static final double AMPLITUDE = 2000;
    private static final double READ_HZ = 440;
    private static final double WRITE_HZ = 620;

    private WavFile() {
    }

    /** Asterisk writes whole 20 ms frames; the length is the recording time rounded to them. */
    static int samplesFor(long durationMs) {
        long frames = Math.round(durationMs / 20.0);
        return (int) (frames * 160);
    }

    static void write(Path file, long durationMs, List<Recordings.Span> readMuted, List<Recordings.Span> writeMuted) throws IOException {
        int samples = samplesFor(durationMs);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
            .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
            .putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
            .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            long ms = i / (RATE / 1000);
            double t = (double) i / RATE;
            double v = 0;
            if (!covered(readMuted, ms)) {
                v += AMPLITUDE * Math.sin(2 * Math.PI * READ_HZ * t);
            }
            if (!covered(writeMuted, ms)) {
                v += AMPLITUDE * Math.sin(2 * Math.PI * WRITE_HZ * t);
            }
            b.putShort((short) Math.round(v));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    private static boolean covered(List<Recordings.Span> spans, long ms) {
        for (Recordings.Span s : spans) {
            if (s.covers(ms)) {
                return true;
            }
        }
        return false;
    }
}
