package cc.acd.domain.media;

import cc.core.domain.interaction.InteractionChannel;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** What one agent holds per channel (offers and wrap-ups included), as {@link MediaRouter} counts it. */
final class MediaLoad {
    final Map<InteractionChannel, Integer> held = new EnumMap<>(InteractionChannel.class);
    final Map<String, Long> lastOffered = new HashMap<>();
    long idleSince;

    int held(InteractionChannel channel) {
        return held.getOrDefault(channel, 0);
    }

    int total() {
        int n = 0;
        for (int h : held.values()) {
            n += h;
        }
        return n;
    }

    Map<InteractionChannel, Integer> snapshot() {
        Map<InteractionChannel, Integer> copy = new EnumMap<>(InteractionChannel.class);
        held.forEach((ch, n) -> {
            if (n > 0) {
                copy.put(ch, n);
            }
        });
        return Map.copyOf(copy);
    }
}

