package cc.core.contract;

/** Names a click-to-talk request (to ask its state, or to cancel it). */
public record ClickToTalkQuery(String requestId) {}
