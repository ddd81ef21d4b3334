package cc.ivr.prompts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After scripts/prompts.sh, the sounds folder holds every prompt of config/ivr/prompts.tsv in both rates Asterisk
 * plays: an 8 kHz mono 16-bit WAV and a 16 kHz {@code .sln16}, each long enough to be speech. The test command runs
 * the script before Maven; run alone, this test runs it itself when the folder is missing (it never skips).
 */
class GeneratedSoundsTest {
    static final Path SOUNDS = Path.of("..", "build", "sounds");

    @BeforeAll
    static void makeSoundsIfMissing() throws Exception {
        if (Files.isRegularFile(SOUNDS.resolve(".generated"))) {
            return;
        }
        Process p = new ProcessBuilder("bash", "scripts/prompts.sh").directory(Path.of("..").toFile())
                .inheritIO().start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "scripts/prompts.sh did not finish");
        assertEquals(0, p.exitValue(), "scripts/prompts.sh failed");
    }

    @Test
    void everyPromptExistsAt8And16Kilohertz() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : PromptTexts.read().keySet()) {
            Path wav = SOUNDS.resolve(file + ".wav");
            Path sln16 = SOUNDS.resolve(file + ".sln16");
            if (!Files.isRegularFile(wav)) {
                problems.add(wav + " missing");
            } else {
                ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
                int channels = h.getShort(22);
                int rate = h.getInt(24);
                int bits = h.getShort(34);
                // 0.2 s of 8 kHz 16-bit audio at least: a shorter file is a failed synthesis, not a word
                if (channels != 1 || rate != 8_000 || bits != 16 || h.capacity() < 44 + 3_200) {
                    problems.add(wav + ": " + channels + " channels, " + rate + " Hz, " + bits + " bits, "
                            + h.capacity() + " bytes");
                }
            }
            if (!Files.isRegularFile(sln16)) {
                problems.add(sln16 + " missing");
            } else if (Files.size(sln16) < 6_400 || Files.size(sln16) % 2 != 0) {
                problems.add(sln16 + ": " + Files.size(sln16) + " bytes, not 16-bit samples of speech");
            }
        }
        assertEquals(List.of(), problems);
    }
}
