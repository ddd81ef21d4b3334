package cc.core.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Passes immutable message records through the event bus within one JVM, without copying or serializing them.
 * Nodes share state through the live-state store; the few messages that cross nodes go over a separate clustered
 * event bus with {@link WireRecordCodec}, so these codecs have no wire form.
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

    /**
     * Every record of the contracts: those {@link #registerContracts} registers and those of every module's own
     * addresses, for the wire codecs of a clustered event bus.
     */
    public static List<Class<? extends Record>> contractTypes() {
        List<Class<? extends Record>> all = new ArrayList<>(List.of(IvrStepEntered.class, CustomerIdentified.class,
                IvrSessionEnded.class, SurveyAnswered.class, EnqueueCall.class, InteractionUpdated.class,
                AgentStateChanged.class, ChangeAgentState.class, CallOffered.class, QueueStatsUpdated.class,
                DisposeInteraction.class, FindInteractionByChannel.class, InteractionFound.class,
                ScheduleCallback.class, IvrSessionStarted.class, IvrInputGiven.class, CallQueueEntered.class,
                CallQueueLeft.class, OfferEnded.class));
        all.addAll(AcdAddresses.RECORDS);
        all.addAll(CallControlAddresses.RECORDS);
        all.addAll(ClickToTalkAddresses.RECORDS);
        all.addAll(ConsoleAddresses.RECORDS);
        all.addAll(DialerAddresses.RECORDS);
        all.addAll(LookupAddresses.RECORDS);
        all.addAll(MediaAddresses.RECORDS);
        all.addAll(ReportAddresses.RECORDS);
        all.addAll(ScoringAddresses.RECORDS);
        all.addAll(WebhookAddresses.RECORDS);
        all.addAll(TelephonyAddresses.RECORDS);
        return List.copyOf(new LinkedHashSet<>(all));
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
