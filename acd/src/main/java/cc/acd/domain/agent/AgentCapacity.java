package cc.acd.domain.agent;

import cc.core.domain.interaction.InteractionChannel;

import java.util.Locale;

/**
 * How many contacts of each channel an agent may hold at once, and whether a call may share the agent with chats and
 * emails.
 *
 * <p>The mixing rule: with {@link Mix#VOICE_ALONE} (the default) a call has the agent to itself: an agent ringing, on
 * a call or wrapping one up is offered no chat or email, and an agent who holds (or is being offered) any chat or
 * email is offered no call until the last of them ends. Chats and emails mix freely with each other, each up to its
 * own capacity. With {@link Mix#FREE} every channel counts only against its own capacity, so an agent may take a call
 * while holding chats and be offered chats while on a call.
 *
 * @param voice calls at once: 1, or 0 for an agent who takes no calls (the router rings an agent for one call at a
 *              time, so more is meaningless)
 * @param chat  chats at once (0: never offered chats)
 * @param email emails at once (0: never offered emails)
 * @param mix   the mixing rule
 */
public record AgentCapacity(int voice, int chat, int email, Mix mix) {
    /** 1 call, 3 chats, 5 emails; a call alone. */
    public static final AgentCapacity DEFAULT = new AgentCapacity(1, 3, 5, Mix.VOICE_ALONE);
    /** The most contacts of one channel an agent may be given. */
    public static final int MAX = 50;

    public AgentCapacity {
        if (voice < 0 || voice > 1) {
            throw new IllegalArgumentException("voice capacity must be 0 or 1, was " + voice);
        }
        check("chat", chat);
        check("email", email);
        if (mix == null) {
            throw new IllegalArgumentException("mix must be given");
        }
    }

    private static void check(String name, int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException(name + " capacity must be 0.." + MAX + ", was " + n);
        }
    }

    /** The capacity for one channel (web and fax count as email: asynchronous work). */
    public int of(InteractionChannel channel) {
        return switch (channel) {
            case VOICE -> voice;
            case CHAT -> chat;
            case EMAIL, WEB, FAX -> email;
        };
    }

    /** Whether an agent busy with a call (ringing, on it, wrapping it up) may be offered this media channel. */
    public boolean mediaBesideCall() {
        return mix == Mix.FREE;
    }

    /** How voice mixes with the other channels. */
    public enum Mix {
        /** A call has the agent to itself; chats and emails mix with each other. */
        VOICE_ALONE,
        /** Every channel counts only against its own capacity. */
        FREE;

        /** {@code voice-alone} or {@code free}. */
        public static Mix parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "voice-alone" -> VOICE_ALONE;
                case "free" -> FREE;
                default -> throw new IllegalArgumentException("must be voice-alone or free, was \"" + text + "\"");
            };
        }

        public String wireName() {
            return this == FREE ? "free" : "voice-alone";
        }
    }
}
