package cc.core.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire form of the contract records when they cross nodes: JSON, each record an object of its components by
 * name, read back through the record's canonical constructor (so its checks run again on the receiving node). One
 * way for every contract record, by reflection over the record's components, instead of a codec written per record
 * that would drift from the record it encodes.
 *
 * <p>Supported component types: strings, primitives and their boxes, enums, {@link Instant}, {@link Duration},
 * {@link LocalDate}, {@link LocalTime}, {@link UUID}, {@link BigDecimal}, nested records, {@link Optional},
 * {@link List}, {@link Set} and {@link Map} with string keys. A record held through an interface (a sealed type)
 * carries its class name, which is only read back when it names a record implementing the declared type. Anything
 * else fails at encoding, naming the record and the component, so an unsupported contract is found by the first test
 * that sends it, not by a peer.
 */
public final class RecordJson {
    private static final String TYPE_KEY = "@type";
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();
    /**
     * Each record class's components, read once: asking the class for them and their generic types on every message
     * was most of the time the cluster relay spent encoding (ClusterPopBenchmark, 1,500 agents' wallboard figures).
     */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            Component[] out = new Component[cs.length];
            for (int i = 0; i < cs.length; i++) {
                out[i] = new Component(cs[i].getName(), cs[i].getAccessor(), cs[i].getGenericType(),
                        type.getName() + "." + cs[i].getName());
            }
            return out;
        }
    };

    private record Component(String name, java.lang.reflect.Method accessor, Type type, String where) {}

    private RecordJson() {
    }

    public static JsonObject encode(Record r) {
        JsonObject o = new JsonObject();
        for (Component c : COMPONENTS.get(r.getClass())) {
            Object v;
            try {
                v = c.accessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException(c.where() + ": not readable", e);
            }
            o.put(c.name(), write(v, c.type(), c.where()));
        }
        return o;
    }

    public static <T extends Record> T decode(Class<T> type, JsonObject o) {
        Component[] components = COMPONENTS.get(type);
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Component c = components[i];
            args[i] = read(o.getValue(c.name()), c.type(), c.where());
        }
        try {
            return type.cast(constructor(type).newInstance(args));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + ": not constructible", e);
        }
    }

    private static Constructor<?> constructor(Class<?> type) {
        return CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] params = java.util.Arrays.stream(t.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                Constructor<?> c = t.getDeclaredConstructor(params);
                c.setAccessible(true);
                return c;
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(t.getName() + ": no canonical constructor", e);
            }
        });
    }

    private static Object write(Object v, Type declared, String where) {
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                || v instanceof Double || v instanceof Float || v instanceof Short || v instanceof Byte) {
            return v;
        }
        if (v instanceof Character ch) {
            return String.valueOf(ch);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Instant || v instanceof Duration || v instanceof LocalDate || v instanceof LocalTime
                || v instanceof UUID || v instanceof BigDecimal) {
            return v.toString();
        }
        if (v instanceof Record r) {
            JsonObject o = encode(r);
            if (raw(declared) != r.getClass()) {
                o.put(TYPE_KEY, r.getClass().getName());
            }
            return o;
        }
        if (v instanceof Optional<?> opt) {
            return opt.map(x -> write(x, typeArg(declared, 0), where)).orElse(null);
        }
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(where + ": only string map keys cross nodes");
                }
                o.put(k, write(e.getValue(), typeArg(declared, 1), where));
            }
            return o;
        }
        if (v instanceof java.util.Collection<?> c) {
            JsonArray a = new JsonArray();
            for (Object x : c) {
                a.add(write(x, typeArg(declared, 0), where));
            }
            return a;
        }
        throw new IllegalArgumentException(where + ": " + v.getClass().getName() + " has no wire form");
    }

    private static Object read(Object v, Type declared, String where) {
        Class<?> raw = raw(declared);
        if (raw == Optional.class) {
            return v == null ? Optional.empty() : Optional.of(read(v, typeArg(declared, 0), where));
        }
        if (v == null) {
            return raw.isPrimitive() ? primitiveZero(raw) : null;
        }
        if (raw == String.class) {
            return v.toString();
        }
        if (raw == int.class || raw == Integer.class) {
            return ((Number) v).intValue();
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) v).longValue();
        }
        if (raw == double.class || raw == Double.class) {
            return ((Number) v).doubleValue();
        }
        if (raw == float.class || raw == Float.class) {
            return ((Number) v).floatValue();
        }
        if (raw == short.class || raw == Short.class) {
            return ((Number) v).shortValue();
        }
        if (raw == byte.class || raw == Byte.class) {
            return ((Number) v).byteValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return v;
        }
        if (raw == char.class || raw == Character.class) {
            return v.toString().charAt(0);
        }
        if (raw.isEnum()) {
            return enumValue(raw, v.toString());
        }
        if (raw == Instant.class) {
            return Instant.parse(v.toString());
        }
        if (raw == Duration.class) {
            return Duration.parse(v.toString());
        }
        if (raw == LocalDate.class) {
            return LocalDate.parse(v.toString());
        }
        if (raw == LocalTime.class) {
            return LocalTime.parse(v.toString());
        }
        if (raw == UUID.class) {
            return UUID.fromString(v.toString());
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal(v.toString());
        }
        if (Map.class.isAssignableFrom(raw)) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((JsonObject) v)) {
                m.put(e.getKey(), read(e.getValue(), typeArg(declared, 1), where));
            }
            return m;
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            List<Object> l = new ArrayList<>();
            for (Object x : (JsonArray) v) {
                l.add(read(x, typeArg(declared, 0), where));
            }
            return Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>(l) : l;
        }
        if (raw == Object.class) {
            return v;
        }
        JsonObject o = (JsonObject) v;
        Class<?> concrete = raw;
        if (o.containsKey(TYPE_KEY)) {
            concrete = implementation(raw, o.getString(TYPE_KEY), where);
        }
        if (!concrete.isRecord()) {
            throw new IllegalArgumentException(where + ": " + concrete.getName() + " has no wire form");
        }
        return decode(concrete.asSubclass(Record.class), o);
    }

    /** The record named on the wire, only when it is a record of the declared type. */
    private static Class<?> implementation(Class<?> declared, String name, String where) {
        try {
            Class<?> c = Class.forName(name, false, declared.getClassLoader());
            if (c.isRecord() && declared.isAssignableFrom(c)) {
                return c;
            }
        } catch (ClassNotFoundException e) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": " + name + " is not a record of " + declared.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> raw, String name) {
        return Enum.valueOf((Class) raw, name);
    }

    private static Object primitiveZero(Class<?> p) {
        if (p == boolean.class) {
            return false;
        }
        if (p == char.class) {
            return '\0';
        }
        if (p == long.class) {
            return 0L;
        }
        if (p == double.class) {
            return 0d;
        }
        if (p == float.class) {
            return 0f;
        }
        if (p == short.class) {
            return (short) 0;
        }
        if (p == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (t instanceof GenericArrayType) {
            return Object[].class;
        }
        return Object.class;
    }

    private static Type typeArg(Type t, int i) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            return p.getActualTypeArguments()[i];
        }
        return Object.class;
    }
}
