package cc.core.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The codec of a contract record on a clustered event bus: within the node the record passes as is (like
 * {@link LocalRecordCodec}); to another node it goes as {@link RecordJson}. Only registered on the event bus that
 * joins the nodes; a single node keeps the local codecs.
 */
public final class WireRecordCodec<T extends Record> implements MessageCodec<T, T> {
    private final Class<T> type;

    private WireRecordCodec(Class<T> type) {
        this.type = type;
    }

    /** Registers the wire codec as the default for every contract record (call once per clustered Vert.x). */
    public static void registerContracts(EventBus bus) {
        for (Class<? extends Record> t : LocalRecordCodec.contractTypes()) {
            registerOne(bus, t);
        }
    }

    /** Registers the wire codec for these records too (records of a module's own contract). */
    public static void register(EventBus bus, List<Class<? extends Record>> types) {
        types.forEach(t -> registerOne(bus, t));
    }

    private static <R extends Record> void registerOne(EventBus bus, Class<R> t) {
        try {
            bus.registerDefaultCodec(t, new WireRecordCodec<>(t));
        } catch (IllegalStateException alreadyRegistered) {
            // the codec is the same whoever registered it first
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        Buffer json = RecordJson.encode(t).toBuffer();
        buffer.appendInt(json.length());
        buffer.appendBuffer(json);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        JsonObject o = new JsonObject(buffer.getBuffer(pos + 4, pos + 4 + length));
        return RecordJson.decode(type, o);
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return "wire:" + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
