package cc.core.contract;

/**
 * What the agent holding a web chat does in it ({@link ConsoleAddresses#CHAT_AGENT_STEP}): {@code step} one of
 * {@code says} (value: the line), {@code typing} (value: {@code true} or {@code false}), {@code transfers} (value: the
 * queue), {@code closes} (value empty).
 */
public record ChatAgentStep(String chatId, String agentId, String step, String value) {
    public static final String SAYS = "says";
    public static final String TYPING = "typing";
    public static final String TRANSFERS = "transfers";
    public static final String CLOSES = "closes";
}
