package cc.console.domain.wallboard;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a supervisor joins an agent's call through Asterisk's ChanSpy: listen only, whisper to the agent, or barge in
 * to talk to both. {@code q} keeps ChanSpy from announcing the spied channel's name.
 */
public enum SpyMode {
    LISTEN("q"), WHISPER("qw"), BARGE("qB");

    /** Channel names and prefixes as Asterisk writes them; no comma, so nothing can add ChanSpy options. */
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_./@:+\\-]{1,128}");

    private final String options;

    SpyMode(String options) {
        this.options = options;
    }

    public String options() {
        return options;
    }

    /** The ChanSpy application data for spying on {@code channel} (a full name or a prefix like {@code PJSIP/1001}). */
    public String chanSpyData(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("'" + channel + "' is not a channel name");
        }
        return channel + "," + options;
    }

    public static SpyMode of(String code) {
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mode must be listen, whisper or barge, was '" + code + "'");
        }
    }
}
