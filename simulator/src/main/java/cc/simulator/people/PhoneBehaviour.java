package cc.simulator.people;

/**
 * What the person behind a dialled number does when called.
 *
 * @param kind answer, never answer, busy, congestion, reject
 * @param ringDelay time ringing before answering (or before busy/congestion/reject)
 * @param talkTime once answered, time before this person hangs up; null = never (stays until the other side ends)
 * @param amdResult what AMD() decides on this call: HUMAN, MACHINE or NOTSURE
 */
public record PhoneBehaviour(Kind kind, Distribution ringDelay, Distribution talkTime, String amdResult) {

    public enum Kind { ANSWER, NO_ANSWER, BUSY, CONGESTION, REJECT }

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
        return new PhoneBehaviour(kind, ringDelay, talkTime, result);
    }
}
