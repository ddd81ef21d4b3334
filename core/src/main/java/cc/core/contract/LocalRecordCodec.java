package cc.core.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes immutable message records through the event bus within one JVM, without copying or serializing them.
 * Nodes share state through the live-state store, not a clustered event bus, so there is no wire form.
 */
public final class LocalRecordCodec<T extends Record> implements MessageCodec<T, T> {
    private final Class<T> type;

    private LocalRecordCodec(Class<T> type) {
        this.type = type;
    }

    /** Registers the codec as the default for each record type (call once per Vert.x instance). */
    @SafeVarargs
    public static void register(EventBus bus, Class<? extends Record>... types) {
        for (Class<? extends Record> t : types) {
            registerOne(bus, t);
        }
    }

    /** Registers every record type of {@link Addresses}. */
    public static void registerContracts(EventBus bus) {
        register(bus, IvrStepEntered.class, CustomerIdentified.class, IvrSessionEnded.class, SurveyAnswered.class,
                EnqueueCall.class, InteractionUpdated.class, AgentStateChanged.class, ChangeAgentState.class,
                CallOffered.class, QueueStatsUpdated.class, DisposeInteraction.class, FindInteractionByChannel.class,
                InteractionFound.class, ScheduleCallback.class, IvrSessionStarted.class, IvrInputGiven.class,
                CallQueueEntered.class, CallQueueLeft.class, OfferEnded.class);
        AcdAddresses.RECORDS.forEach(t -> registerOne(bus, t));
        CallControlAddresses.RECORDS.forEach(t -> registerOne(bus, t));
        DialerAddresses.RECORDS.forEach(t -> registerOne(bus, t));
        ScoringAddresses.RECORDS.forEach(t -> registerOne(bus, t));
    }

    /** Registering a type twice is harmless: every component may register the contracts it uses. */
    private static <R extends Record> void registerOne(EventBus bus, Class<R> t) {
        try {
            bus.registerDefaultCodec(t, new LocalRecordCodec<>(t));
        } catch (IllegalStateException alreadyRegistered) {
            // the codec is the same whoever registered it first
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        throw new IllegalStateException(type.getName() + " is a local-only message");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new IllegalStateException(type.getName() + " is a local-only message");
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return "local:" + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
