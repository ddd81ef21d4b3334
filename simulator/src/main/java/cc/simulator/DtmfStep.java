package cc.simulator;

/** One step of a caller's key presses: wait {@code delayMs} (after answer, or after the previous step), then press. */
public record DtmfStep(long delayMs, String digits) {
    public DtmfStep {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs must be >= 0, was " + delayMs);
        }
        if (digits == null || !digits.matches("[0-9*#A-Da-d]+")) {
            throw new IllegalArgumentException("digits must be DTMF characters, was " + digits);
        }
    }
}
