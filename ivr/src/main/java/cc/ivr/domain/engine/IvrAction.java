package cc.ivr.domain.engine;

import cc.ivr.domain.flow.Node;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Something the shell must do for the caller. A decision's actions run in order; the outcome of the last one is the
 * next input to the interpreter.
 */
public sealed interface IvrAction {

    record Answer() implements IvrAction {}

    /** Plays the files in order, not interruptible. */
    record Play(List<String> prompts) implements IvrAction {
        public Play {
            prompts = List.copyOf(prompts);
        }
    }

    /**
     * Plays the prompts (a key interrupts them) and collects up to {@code maxDigits} keys; {@code terminator} ends
     * the input early and is not part of it. Outcome: {@link AgiOutcome.Digits}, empty on timeout.
     */
    record CollectDigits(List<String> prompts, Duration timeout, int maxDigits, String terminator)
            implements IvrAction {
        public CollectDigits {
            prompts = List.copyOf(prompts);
        }
    }

    /** Sets a channel variable on the caller's channel (the dialplan reads it after the session). */
    record SetChannelVariable(String name, String value) implements IvrAction {}

    /** Outcome: {@link AgiOutcome.CustomerFound}. */
    record LookupCustomer(Node.LookupBy by, String key) implements IvrAction {}

    /** Outcome: {@link AgiOutcome.HttpAnswered} or {@link AgiOutcome.HttpFailed}. */
    record CallHttp(String method, String url, Map<String, String> headers, String body, Duration timeout)
            implements IvrAction {
        public CallHttp {
            headers = Map.copyOf(headers);
        }
    }

    /** Outcome: {@link AgiOutcome.LookupAnswered}. */
    record AskLookup(String lookup, Map<String, String> keys, Duration budget) implements IvrAction {
        public AskLookup {
            keys = Map.copyOf(keys);
        }
    }

    /** Outcome: {@link AgiOutcome.DataFound}. */
    record QuerySelfService(Node.Query query, String key) implements IvrAction {}

    /** Asks the ACD to queue the caller. Outcome: {@link AgiOutcome.EnqueueAnswered}. */
    record Enqueue(String queue, int priority, String language, Map<String, String> data, Duration timeout)
            implements IvrAction {
        public Enqueue {
            data = Map.copyOf(data);
        }
    }

    /** Stores a request to call the caller back. */
    record RequestCallback(String number, String queue, String language, Map<String, String> data)
            implements IvrAction {
        public RequestCallback {
            data = Map.copyOf(data);
        }
    }

    /** Records the caller into {@code file} until # or {@code maxLength}. */
    record RecordVoicemail(String file, Duration maxLength) implements IvrAction {}

    /** Publishes the caller's satisfaction score. */
    record AnswerSurvey(int score) implements IvrAction {}

    /** Hangs up the caller's channel. */
    record Hangup() implements IvrAction {}
}
