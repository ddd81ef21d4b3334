package cc.core.contract;

/**
 * The chat desk's answer to a {@link ChatAgentStep}: {@code refusedCode} empty when it was done (then {@code seq} is
 * the stored line's number, or -1 when the step stored no line), else the refusal's code and detail.
 */
public record ChatStepDone(String chatId, String refusedCode, String refusedDetail, long seq) {}
