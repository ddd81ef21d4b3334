package cc.core.domain.recording;

import java.util.Locale;
import java.util.Optional;

/** Why a recording file ended: a pause (the next file starts on resume), a stop, the call's end, or a refusal. */
public enum EndReason {
    PAUSED, STOPPED, ENDED, FAILED;

    /** The name stored and shown: {@code paused}, {@code stopped}, {@code ended}, {@code failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason named {@code wireName}, empty for anything else (an open file stores {@code ''}). */
    public static Optional<EndReason> of(String wireName) {
        for (EndReason r : values()) {
            if (r.wireName().equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
