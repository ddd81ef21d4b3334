package cc.core.contract;

/**
 * A node's chat desk asks the desk that has a chat to let it go (its visitor came back on the asking node); the reply
 * is the same record once the chat has left that desk and everything it had to store of it is stored.
 */
public record ChatRelease(String chatId) {}
