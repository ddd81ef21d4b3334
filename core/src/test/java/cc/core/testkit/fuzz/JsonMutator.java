package cc.core.testkit.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates JSON bodies and WebSocket messages: nulls where values were, values of the wrong type, keys removed or
 * unknown keys added, huge strings and numbers, unicode, deep nesting, a body that is not an object, and (one time
 * in four) the serialized text itself truncated or flipped by {@link TextMutator}, so the parser sees broken JSON too.
 */
public final class JsonMutator {
    private static final Object[] ODD_VALUES = {null, "", " ", "x".repeat(100_000), -1, 0, Long.MAX_VALUE,
            Long.MIN_VALUE, 1e308, -1e308, 3.5, true, false, new JsonArray(), new JsonObject(), "\u0000",
            "\uD83D\uDE00\u202E<b>x</b>", "9999999999999999999999", "2026-13-45T25:61:00Z", "NaN", "null",
            new JsonArray().add((Object) null), new JsonObject().put("a", new JsonArray().add(1))};

    private final List<JsonObject> samples;
    private final TextMutator text;

    /** {@code samples}: well-formed bodies of the target (what a real client sends). */
    public JsonMutator(List<JsonObject> samples) {
        this.samples = List.copyOf(samples);
        this.text = new TextMutator(samples.stream().map(JsonObject::encode).toList());
    }

    /** A mutated sample, serialized. */
    public String next(Random r) {
        JsonObject body = samples.get(r.nextInt(samples.size())).copy();
        int n = 1 + r.nextInt(3);
        Object root = body;
        for (int i = 0; i < n; i++) {
            root = once(r, root);
        }
        String encoded = encode(root);
        if (r.nextInt(4) == 0) {
            return text.mutate(r, encoded);
        }
        return encoded;
    }

    /** Deep nesting (thousands of levels) of arrays or objects, the classic stack-overflow input. */
    public static String deep(Random r) {
        int depth = 500 + r.nextInt(20_000);
        return r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private Object once(Random r, Object root) {
        switch (r.nextInt(10)) {
            case 0:
                return odd(r); // the whole body replaced
            case 1:
                return deep(r);
            default:
                if (root instanceof JsonObject o && !o.isEmpty()) {
                    mutateObject(r, o, 0);
                } else if (root instanceof JsonObject o) {
                    o.put(randomKey(r), odd(r));
                }
                return root;
        }
    }

    private void mutateObject(Random r, JsonObject o, int depth) {
        List<String> keys = new ArrayList<>(o.fieldNames());
        String key = keys.get(r.nextInt(keys.size()));
        Object value = o.getValue(key);
        if (depth < 4 && value instanceof JsonObject inner && !inner.isEmpty() && r.nextBoolean()) {
            mutateObject(r, inner, depth + 1);
            return;
        }
        if (depth < 4 && value instanceof JsonArray arr && !arr.isEmpty() && r.nextBoolean()) {
            int i = r.nextInt(arr.size());
            if (arr.getValue(i) instanceof JsonObject inner && !inner.isEmpty() && r.nextBoolean()) {
                mutateObject(r, inner, depth + 1);
            } else {
                arr.set(i, odd(r));
            }
            return;
        }
        switch (r.nextInt(7)) {
            case 0:
                o.putNull(key);
                break;
            case 1:
                o.remove(key);
                break;
            case 2:
                o.put(randomKey(r), odd(r));
                break;
            case 3:
                o.put(key, wrongType(r, value));
                break;
            case 4:
                o.put(key, value instanceof String s ? s + TextMutatorUnicode.pick(r) : odd(r));
                break;
            case 5:
                o.put(key, new JsonArray().add(value == null ? odd(r) : value)); // a list where one value was
                break;
            default:
                o.put(key, odd(r));
        }
    }

    private static Object wrongType(Random r, Object value) {
        if (value instanceof String) {
            return r.nextBoolean() ? 12345 : new JsonObject().put("value", value);
        }
        if (value instanceof Number) {
            return r.nextBoolean() ? String.valueOf(value) + "x" : true;
        }
        if (value instanceof Boolean) {
            return r.nextBoolean() ? "yes" : 1;
        }
        if (value instanceof JsonArray) {
            return r.nextBoolean() ? "[]" : new JsonObject();
        }
        if (value instanceof JsonObject) {
            return r.nextBoolean() ? new JsonArray() : "{}";
        }
        return "surprise";
    }

    private static Object odd(Random r) {
        Object v = ODD_VALUES[r.nextInt(ODD_VALUES.length)];
        return v instanceof JsonObject o ? o.copy() : v instanceof JsonArray a ? a.copy() : v;
    }

    private static String randomKey(Random r) {
        String[] keys = {"__proto__", "constructor", "", "id", "role", "admin", "\u0000", "k".repeat(5000), "$where"};
        return keys[r.nextInt(keys.length)];
    }

    private static String encode(Object root) {
        if (root == null) {
            return "null";
        }
        if (root instanceof JsonObject o) {
            return o.encode();
        }
        if (root instanceof JsonArray a) {
            return a.encode();
        }
        if (root instanceof String s) {
            return s.startsWith("[") || s.startsWith("{") ? s : new JsonArray().add(s).encode().substring(1).replaceAll("]$", "");
        }
        return String.valueOf(root);
    }

    /** Unicode pieces shared with the text mutations. */
    static final class TextMutatorUnicode {
        private static final String[] PIECES = {"\u0000", "\u200B", "\u202E", "\uD83D\uDE00", "\uD800", "é",
                "<img src=x onerror=alert(1)>", "'; drop table x; --", "\\u0000", "\n"};

        static String pick(Random r) {
            return PIECES[r.nextInt(PIECES.length)];
        }
    }
}
