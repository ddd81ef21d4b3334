package cc.core.contract;

import io.vertx.core.eventbus.EventBus;

/** Event-bus addresses the agent console adds, with the records they carry. */
public final class ConsoleAddresses {
    private ConsoleAddresses() {}

    /**
     * {@link ScheduleCallback}: an agent promises the customer a call back at a time (request to whoever schedules
     * outbound calls, the dialer; the reply is empty, or a failure with the reason).
     */
    public static final String CALLBACK_SCHEDULE = "cc.console.callback.schedule";

    /**
     * {@link ChatToAgent}: a web chat's frame for the agent holding it (published by the chat desk of the node the
     * visitor reached). With several nodes it is relayed to the others ({@link ClusterAddresses#fromPeers}, with the
     * desk's node in {@link ClusterAddresses#ORIGIN_HEADER}), so it reaches the agent's browser on whichever node.
     */
    public static final String CHAT_TO_AGENT = "cc.console.chat.to-agent";

    /**
     * {@link ChatAgentStep}: the agent holding a chat writes, types, transfers or closes it (request to the chat desk;
     * reply {@link ChatStepDone}). A desk that does not have the chat passes the request to the node whose desk has
     * it (the node its frames came from).
     */
    public static final String CHAT_AGENT_STEP = "cc.console.chat.agent-step";

    /**
     * {@link ChatRelease}: another node's desk takes a chat over because its visitor came back there; the desk having
     * it lets it go without ending it and answers once its writes of the chat are stored (sent to that node's own
     * desk).
     */
    public static final String CHAT_RELEASE = "cc.console.chat.release";

    /**
     * Whether a node's chat desk is there (sent to that node's own desk, any body; the answer is its node id): a desk
     * asks it of the nodes whose desks the store says hold open chats, and takes the chats of a node that is gone.
     */
    public static final String CHAT_DESK_PRESENT = "cc.console.chat.desk.present";

    public static final java.util.List<Class<? extends Record>> RECORDS = java.util.List.of(ChatToAgent.class,
            ChatAgentStep.class, ChatStepDone.class, ChatRelease.class);

    /** Registers the local codecs of this file's records (call once per Vert.x instance, like the core contracts). */
    public static void registerCodecs(EventBus bus) {
        LocalRecordCodec.register(bus, ScheduleCallback.class);
        RECORDS.forEach(t -> LocalRecordCodec.register(bus, t));
    }
}
