package cc.core.contract;

/**
 * A web chat's frame for the agent holding it (a line, typing, the panel opening, the end), as the chat desk of the
 * node the visitor reached pushes it ({@link ConsoleAddresses#CHAT_TO_AGENT}); {@code text} is the live channel's JSON.
 */
public record ChatToAgent(String chatId, String agentId, String text) {}
