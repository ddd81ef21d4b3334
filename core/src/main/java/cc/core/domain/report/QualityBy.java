package cc.core.domain.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a quality report's rows are about: queues or agents. */
public enum QualityBy {
    QUEUE, AGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QualityBy> fromWireName(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(name)).findFirst();
    }
}
