package cc.simulator.people;

import cc.simulator.DtmfStep;

import java.util.List;

/**
 * What the person behind a dialled number does when called.
 *
 * @param kind answer, never answer, busy, congestion, reject
 * @param ringDelay time ringing before answering (or before busy/congestion/reject)
 * @param talkTime once answered, time before this person hangs up; null = never (stays until the other side ends)
 * @param amdResult what AMD() decides on this call: HUMAN, MACHINE or NOTSURE
 * @param keys      once answered, the keys this person presses (each step's delay from the answer or the previous
 *                  step), received on the answered channel as DTMF, as a caller's keys are
 */
public record PhoneBehaviour(Kind kind, Distribution ringDelay, Distribution talkTime, String amdResult,
                             List<DtmfStep> keys) {

    public enum Kind { ANSWER, NO_ANSWER, BUSY, CONGESTION, REJECT }

    public PhoneBehaviour {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public PhoneBehaviour(Kind kind, Distribution ringDelay, Distribution talkTime, String amdResult) {
        this(kind, ringDelay, talkTime, amdResult, List.of());
    }

    public static PhoneBehaviour answersAfter(Distribution ringDelay) {
        return new PhoneBehaviour(Kind.ANSWER, ringDelay, null, "HUMAN");
    }

    public static PhoneBehaviour answersThenHangsUp(Distribution ringDelay, Distribution talkTime) {
        return new PhoneBehaviour(Kind.ANSWER, ringDelay, talkTime, "HUMAN");
    }

    public static PhoneBehaviour neverAnswers() {
        return new PhoneBehaviour(Kind.NO_ANSWER, Distribution.fixed(0), null, "HUMAN");
    }

    public static PhoneBehaviour busy() {
        return new PhoneBehaviour(Kind.BUSY, Distribution.fixed(100), null, "HUMAN");
    }

    public static PhoneBehaviour congestion() {
        return new PhoneBehaviour(Kind.CONGESTION, Distribution.fixed(100), null, "HUMAN");
    }

    public static PhoneBehaviour rejects() {
        return new PhoneBehaviour(Kind.REJECT, Distribution.fixed(100), null, "HUMAN");
    }

    public PhoneBehaviour withAmd(String result) {
        return new PhoneBehaviour(kind, ringDelay, talkTime, result, keys);
    }

    /** The same person, pressing these keys once they answered (e.g. a 1 to a confirmation prompt). */
    public PhoneBehaviour withKeys(DtmfStep... steps) {
        return new PhoneBehaviour(kind, ringDelay, talkTime, amdResult, List.of(steps));
    }
}
