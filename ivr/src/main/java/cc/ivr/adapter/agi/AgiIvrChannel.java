package cc.ivr.adapter.agi;

import cc.ivr.app.ChannelGoneException;
import cc.ivr.app.IvrChannel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.HangupCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * {@link IvrChannel} over a FastAGI connection. Command text comes from asterisk-java's command classes; replies are
 * read as the traces show them (escape digits as ASCII codes, {@code -1} for a dead or failed channel, {@code 511}
 * after a hangup).
 *
 * <p>Threading: confined to the connection's context.
 */
final class AgiIvrChannel implements IvrChannel {
    private static final Logger log = LoggerFactory.getLogger(AgiIvrChannel.class);
    static final String ALL_KEYS = "0123456789*#";
    /** GET DATA needs a file to play; this one is silence. */
    static final String SILENCE = "silence/1";

    private final AgiConnection agi;

    AgiIvrChannel(AgiConnection agi) {
        this.agi = agi;
    }

    @Override
    public Future<Void> answer() {
        return command(new AnswerCommand().buildCommand()).mapEmpty();
    }

    @Override
    public Future<Void> play(List<String> prompts) {
        Future<Void> f = Future.succeededFuture();
        for (String p : prompts) {
            f = f.compose(v -> stream(p, "")).mapEmpty();
        }
        return f;
    }

    @Override
    public Future<String> collect(List<String> prompts, Duration timeout, int maxDigits, String terminator) {
        List<String> files = prompts.isEmpty() ? List.of(SILENCE) : prompts;
        // GET DATA always ends input on #, so it serves only when # is the terminator; otherwise (menus, where #
        // may be a choice) the prompts are streamed with every key as escape and further keys read one by one
        boolean getData = terminator.equals("#");
        List<String> before = getData ? files.subList(0, files.size() - 1) : files;
        return interruptible(before, 0).compose(first -> {
            if (first.isEmpty() && getData) {
                long ms = Math.max(1, timeout.toMillis());
                return command(new GetDataCommand(files.get(files.size() - 1), ms, maxDigits).buildCommand(),
                        Duration.ofMillis(ms * (maxDigits + 1L)))
                        .compose(r -> r.result().startsWith("-")
                                ? Future.failedFuture(new ChannelGoneException("hung up during GET DATA", true))
                                : Future.succeededFuture(r.result()));
            }
            if (!terminator.isEmpty() && first.equals(terminator)) {
                return Future.succeededFuture("");
            }
            return keys(first, timeout, maxDigits, terminator);
        });
    }

    /** Streams the files with every key as escape; the key pressed, or empty when all played. */
    private Future<String> interruptible(List<String> files, int i) {
        if (i >= files.size()) {
            return Future.succeededFuture("");
        }
        return stream(files.get(i), ALL_KEYS).compose(key -> key.isEmpty() ? interruptible(files, i + 1)
                : Future.succeededFuture(key));
    }

    /** Further keys one at a time after a prompt was interrupted by the first. */
    private Future<String> keys(String sofar, Duration timeout, int maxDigits, String terminator) {
        if (sofar.length() >= maxDigits) {
            return Future.succeededFuture(sofar);
        }
        return command(new WaitForDigitCommand(Math.max(1, timeout.toMillis())).buildCommand(), timeout).compose(r -> {
            int code = r.resultCode();
            if (code < 0) {
                return Future.failedFuture(new ChannelGoneException("hung up during WAIT FOR DIGIT", true));
            }
            if (code == 0) {
                return Future.succeededFuture(sofar);
            }
            String key = String.valueOf((char) code);
            if (key.equals(terminator)) {
                return Future.succeededFuture(sofar);
            }
            return keys(sofar + key, timeout, maxDigits, terminator);
        });
    }

    /**
     * STREAM FILE; the key that interrupted it, or empty. A missing file ({@code -1 endpos=0}) is logged and skipped;
     * {@code -1} after some of the file played means the caller hung up mid-prompt (Asterisk's HANGUP line follows
     * a little later, and no further command should be sent meanwhile).
     */
    private Future<String> stream(String file, String escape) {
        return command(new StreamFileCommand(file, escape).buildCommand()).compose(r -> {
            int code = r.resultCode();
            if (code == -1) {
                if (!"0".equals(r.attributes().get("endpos"))) {
                    return Future.failedFuture(new ChannelGoneException("hung up during " + file, true));
                }
                log.warn("prompt '{}' could not be played (missing file?)", file);
                return Future.succeededFuture("");
            }
            return Future.succeededFuture(code > 0 ? String.valueOf((char) code) : "");
        });
    }

    @Override
    public Future<Void> setVariable(String name, String value) {
        return command(new SetVariableCommand(name, value).buildCommand()).mapEmpty();
    }

    @Override
    public Future<Void> record(String file, Duration maxLength) {
        int ms = (int) Math.min(Integer.MAX_VALUE, maxLength.toMillis());
        return command(new RecordFileCommand(file, "wav", "#", ms, 0, true, 5).buildCommand(), maxLength).mapEmpty();
    }

    @Override
    public Future<Void> hangup() {
        return command(new HangupCommand().buildCommand()).mapEmpty();
    }

    @Override
    public void onGone(Handler<String> reason) {
        agi.onGone(reason);
    }

    @Override
    public void close() {
        agi.close();
    }

    /**
     * Sends a command; 511 means the channel is dead (the caller hung up), other non-200 codes are failures of
     * the command itself.
     */
    private Future<AgiReply> command(String text) {
        return command(text, Duration.ZERO);
    }

    /** A command that may wait {@code ownWait} for the caller before Asterisk answers it. */
    private Future<AgiReply> command(String text, Duration ownWait) {
        return agi.send(text, ownWait).compose(r -> {
            if (r.ok()) {
                return Future.succeededFuture(r);
            }
            if (r.code() == 511) {
                return Future.failedFuture(new ChannelGoneException("dead channel: " + text, true));
            }
            return Future.failedFuture(new IllegalStateException("Asterisk answered " + r.lines().get(0)
                    + " to: " + text));
        });
    }
}
