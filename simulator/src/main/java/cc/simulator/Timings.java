package cc.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Every delay the simulator waits, in simulated milliseconds, and {@code timeScale}: the factor real time is
 * multiplied by (0.1 = ten times faster). Defaults follow the recorded traces.
 *
 * @param promptMs length of each known prompt
 * @param unknownPromptMs length of any other prompt; negative (the default) = it does not exist, and STREAM FILE
 *     fails as Asterisk does for a missing file ({@code 200 result=-1 endpos=0})
 */
public record Timings(double timeScale, long answerMs, long authFailureMs, long dtmfDurationMs, long dtmfGapMs,
                      long getDataDefaultTimeoutMs, long sayUnitMs, long amdHumanMs, long amdMachineMs,
                      long amdNotSureMs, long agiHangupNoticeMs, long defaultOriginateTimeoutMs,
                      Map<String, Long> promptMs, long unknownPromptMs) {

    public Timings {
        if (timeScale <= 0) {
            throw new IllegalArgumentException("timeScale must be > 0, was " + timeScale);
        }
        promptMs = Map.copyOf(promptMs);
    }

    public static Timings defaults() {
        Map<String, Long> prompts = new HashMap<>();
        prompts.put("demo-congrats", 9_000L);
        prompts.put("hello-world", 1_420L);
        prompts.put("demo-nogo", 10_520L);
        prompts.put("demo-instruct", 73_000L);
        prompts.put("beep", 440L);
        prompts.put("vm-enter-num-to-call", 1_900L);
        prompts.put("welcome", 2_000L);
        prompts.put("silence/1", 1_000L);
        return new Timings(1.0, 500, 1_000, 100, 250, 6_000, 850, 2_000, 2_600, 5_000, 40, 30_000, prompts, -1);
    }

    public Timings withTimeScale(double scale) {
        return new Timings(scale, answerMs, authFailureMs, dtmfDurationMs, dtmfGapMs, getDataDefaultTimeoutMs,
            sayUnitMs, amdHumanMs, amdMachineMs, amdNotSureMs, agiHangupNoticeMs, defaultOriginateTimeoutMs, promptMs, unknownPromptMs);
    }

    public Timings withAuthFailureMs(long ms) {
        return new Timings(timeScale, answerMs, ms, dtmfDurationMs, dtmfGapMs, getDataDefaultTimeoutMs,
            sayUnitMs, amdHumanMs, amdMachineMs, amdNotSureMs, agiHangupNoticeMs, defaultOriginateTimeoutMs, promptMs, unknownPromptMs);
    }

    public Timings withAnswerMs(long ms) {
        return new Timings(timeScale, ms, authFailureMs, dtmfDurationMs, dtmfGapMs, getDataDefaultTimeoutMs,
            sayUnitMs, amdHumanMs, amdMachineMs, amdNotSureMs, agiHangupNoticeMs, defaultOriginateTimeoutMs, promptMs, unknownPromptMs);
    }

    /** Lets every prompt name exist with this length (for IVRs whose prompts the simulator does not know). */
    public Timings withUnknownPromptMs(long ms) {
        return new Timings(timeScale, answerMs, authFailureMs, dtmfDurationMs, dtmfGapMs, getDataDefaultTimeoutMs,
            sayUnitMs, amdHumanMs, amdMachineMs, amdNotSureMs, agiHangupNoticeMs, defaultOriginateTimeoutMs, promptMs, ms);
    }

    /** Length of a prompt, or -1 when it does not exist. */
    public long promptLength(String name) {
        Long len = promptMs.get(name);
        return len != null ? len : unknownPromptMs;
    }

    public Timings withPrompt(String name, long ms) {
        Map<String, Long> p = new HashMap<>(promptMs);
        p.put(name, ms);
        return new Timings(timeScale, answerMs, authFailureMs, dtmfDurationMs, dtmfGapMs, getDataDefaultTimeoutMs,
            sayUnitMs, amdHumanMs, amdMachineMs, amdNotSureMs, agiHangupNoticeMs, defaultOriginateTimeoutMs, p, unknownPromptMs);
    }
}
