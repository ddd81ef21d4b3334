package cc.core.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordJsonTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:15:30.123456Z");

    @Test
    @DisplayName("a pop, an agent's state and the wallboard figures cross nodes unchanged")
    void whatBrowsersNeedCrossesNodes() {
        roundTrip(new CallOffered("a1", "i-1", "1700000000.1", "09120000000", "sales",
                Map.of("customerId", "77", "lang", "fa"), AT));
        roundTrip(new AgentStateChanged("a1", "paused", "lunch", AT));
        roundTrip(new QueueStatsUpdated(List.of(new QueueStatsUpdated.QueueFigures("sales", 3, 40, 0.8, 1, 9, 12.5,
                180.25)), List.of(new QueueStatsUpdated.AgentFigures("a1", "available", "", AT, 4)), AT));
    }

    @Test
    @DisplayName("what the owner of an AMI link reads there, and the commands other nodes send it, cross unchanged")
    void telephonyCrossesNodes() {
        cc.core.domain.call.Leg leg = new cc.core.domain.call.Leg("pbx1", "1700000000.7", "PJSIP/3001-0000000a",
                "1700000000.6");
        roundTrip(new TelephonyAddresses.RelayedCallEvents(List.of(
                new cc.core.domain.call.CallEvent.CallStarted(leg, AT, "09120000000", "Sara", "100", "cc-inbound"),
                new cc.core.domain.call.CallEvent.CallAnswered(leg, AT),
                new cc.core.domain.call.CallEvent.LegsBridged(leg, AT, "b-1"),
                new cc.core.domain.call.CallEvent.VariableSet(leg, AT, "CC_QUEUE", "sales"),
                new cc.core.domain.call.CallEvent.CallHungUp(leg, AT, 16, "Normal Clearing"))));
        roundTrip(new TelephonyAddresses.RelayedLinkEvent(new cc.core.domain.call.LinkEvent.LinkResynced("pbx1", AT,
                4, 1, 2)));
        java.util.LinkedHashMap<String, String> vars = new java.util.LinkedHashMap<>();
        vars.put("CC_NUMBER", "09120000000");
        vars.put("CC_CAMPAIGN", "c-1");
        roundTrip(new TelephonyAddresses.TelephonyCommand("pbx1", "originate", List.of(), Optional.of(
                new cc.core.app.telephony.OriginateRequest("pbx1", "PJSIP/0912@trunk",
                        new cc.core.app.telephony.OriginateRequest.ApplicationTarget("Bridge", "PJSIP/3001-0000000a"),
                        "\"Center\" <02100000>", Duration.ofSeconds(25), vars))));
        roundTrip(new TelephonyAddresses.TelephonyCommand("pbx1", "redirect", List.of("PJSIP/3001-0000000a",
                "cc-hold", "s", "1"), Optional.empty()));
        roundTrip(new TelephonyAddresses.TelephonyOutcome(Optional.of(new cc.core.app.telephony.OriginateResult
                .Answered("PJSIP/0912-0000000b", "1700000000.9")), Optional.empty()));
        roundTrip(new TelephonyAddresses.TelephonyOutcome(Optional.of(new cc.core.app.telephony.OriginateResult
                .Failed(cc.core.app.telephony.OriginateFailure.values()[0], "Reason 3")), Optional.empty()));
        roundTrip(new TelephonyAddresses.TelephonyOutcome(Optional.empty(), Optional.of("1700000000.9-rec")));
    }

    @Test
    @DisplayName("every contract record, filled in, survives the wire codec (none has a component without a wire form)")
    void everyContractRecord() {
        List<String> notBuilt = new ArrayList<>();
        int checked = 0;
        for (Class<? extends Record> type : LocalRecordCodec.contractTypes()) {
            Record sample;
            try {
                sample = (Record) sample(type, 0);
            } catch (ReflectiveOperationException | RuntimeException refused) {
                notBuilt.add(type.getSimpleName());
                continue;
            }
            roundTrip(sample);
            checked++;
        }
        assertTrue(checked >= LocalRecordCodec.contractTypes().size() * 3 / 4,
                "most contract records could be built from sample values; not: " + notBuilt);
    }

    @Test
    @DisplayName("an unsupported component is refused at encoding, naming the record and the component")
    void unsupportedRefused() {
        record Odd(Object thing) {}
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordJson.encode(new Odd(new StringBuilder("x"))));
        assertTrue(e.getMessage().contains("Odd.thing"), e.getMessage());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void roundTrip(Record r) {
        JsonObject json = RecordJson.encode(r);
        Record back = RecordJson.decode(r.getClass(), new JsonObject(json.encode()));
        assertEquals(r, back, r.getClass().getSimpleName() + " through " + json.encode());
        WireRecordCodec codec = wireCodec(r.getClass());
        Buffer b = Buffer.buffer().appendString("head");
        codec.encodeToWire(b, r);
        assertEquals(r, codec.decodeFromWire(4, b), "through the codec's buffer");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WireRecordCodec wireCodec(Class<? extends Record> type) {
        try {
            Constructor<WireRecordCodec> c = WireRecordCodec.class.getDeclaredConstructor(Class.class);
            c.setAccessible(true);
            return c.newInstance(type);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A value of the type with every component filled in (one element in each collection). */
    private static Object sample(Type t, int depth) throws ReflectiveOperationException {
        Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
        Type arg0 = t instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        if (raw == String.class) {
            return "s1";
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == long.class || raw == Long.class) {
            return 2L;
        }
        if (raw == double.class || raw == Double.class) {
            return 0.5;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == Duration.class) {
            return Duration.ofSeconds(30);
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        }
        if (raw == LocalTime.class) {
            return LocalTime.of(9, 30);
        }
        if (raw == UUID.class) {
            return new UUID(1, 2);
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("12.50");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == Optional.class) {
            return Optional.of(sample(arg0, depth + 1));
        }
        if (raw == List.class) {
            return List.of(sample(arg0, depth + 1));
        }
        if (raw == Set.class) {
            return Set.of(sample(arg0, depth + 1));
        }
        if (raw == Map.class) {
            return Map.of("k", sample(((ParameterizedType) t).getActualTypeArguments()[1], depth + 1));
        }
        if (raw.isSealed() && depth < 4) {
            return sample(raw.getPermittedSubclasses()[0], depth + 1);
        }
        if (raw.isRecord() && depth < 4) {
            RecordComponent[] cs = raw.getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                args[i] = sample(cs[i].getGenericType(), depth + 1);
                types[i] = cs[i].getType();
            }
            Constructor<?> c = raw.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        }
        throw new IllegalArgumentException("no sample for " + t);
    }
}
