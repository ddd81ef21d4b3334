package cc.ivr.app;

import io.vertx.core.Future;
import io.vertx.core.Handler;

import java.time.Duration;
import java.util.List;

/**
 * The caller's channel as the IVR drives it. One command at a time: a call made before the previous future has
 * completed fails.
 *
 * <p>Threading: call from the context the channel was created on; futures complete on it. When the caller hangs up
 * or the link to Asterisk is lost, every pending and later future fails with {@link ChannelGoneException}.
 */
public interface IvrChannel {

    Future<Void> answer();

    /** Plays the files in order; a missing file is skipped. */
    Future<Void> play(List<String> prompts);

    /**
     * Plays the prompts (any key interrupts them) and collects up to {@code maxDigits} keys until {@code timeout}
     * passes without one, or {@code terminator} is pressed. The result is the keys without the terminator, empty
     * when none came.
     */
    Future<String> collect(List<String> prompts, Duration timeout, int maxDigits, String terminator);

    Future<Void> setVariable(String name, String value);

    /** Records the caller into {@code file} until # or {@code maxLength}. */
    Future<Void> record(String file, Duration maxLength);

    Future<Void> hangup();

    /**
     * Registers what to do when the channel goes away on its own: {@code caller-hung-up} when Asterisk says so,
     * {@code failed} when the connection broke or spoke nonsense. Called at most once.
     */
    void onGone(Handler<String> reason);

    /** Ends the session on our side; the dialplan continues after the AGI application. */
    void close();
}
