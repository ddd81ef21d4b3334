package cc.integration.lookup.domain;

import java.util.Map;

/**
 * What the agent is told when a lookup has no rows to show, in English and Persian, in the agent's words: which
 * system, and what happened (did not answer in time, answered with an error, is being left alone after failing).
 */
public record Reason(String en, String fa) {
    /** The customer keys an agent knows by name. */
    private static final Map<String, LookupDefinition.Labels> KEYS = Map.of(
            "accountNumber", new LookupDefinition.Labels("account number", "شماره حساب"),
            "phone", new LookupDefinition.Labels("phone number", "شماره تلفن"),
            "customerId", new LookupDefinition.Labels("customer number", "شماره مشتری"),
            "email", new LookupDefinition.Labels("email address", "نشانی ایمیل"));

    public static final Reason NONE = new Reason("", "");

    public static Reason timedOut(LookupDefinition.Labels system, long millis) {
        return new Reason(system.en() + " did not answer within " + millis + " ms",
                system.fa() + " در " + persian(millis) + " میلی‌ثانیه پاسخ نداد");
    }

    public static Reason httpError(LookupDefinition.Labels system, int status) {
        return new Reason(system.en() + " answered with an error (HTTP " + status + ")",
                system.fa() + " با خطا پاسخ داد (HTTP " + persian(status) + ")");
    }

    public static Reason unreachable(LookupDefinition.Labels system) {
        return new Reason(system.en() + " could not be reached",
                "به " + system.fa() + " دسترسی نبود");
    }

    public static Reason unreadable(LookupDefinition.Labels system) {
        return new Reason(system.en() + " sent an answer that could not be read",
                "پاسخ " + system.fa() + " خوانا نبود");
    }

    /** The circuit is open: the system failed again and again, so it is left alone for a while. */
    public static Reason resting(LookupDefinition.Labels system, long seconds) {
        return new Reason(system.en() + " failed repeatedly and is left alone for up to " + seconds + " s",
                system.fa() + " چند بار پیاپی پاسخ درست نداد و تا " + persian(seconds)
                        + " ثانیه از آن پرسیده نمی‌شود");
    }

    /** The lookup needs a key the customer's record does not have (no account number known). */
    public static Reason missingKey(LookupDefinition.Labels system, String key) {
        LookupDefinition.Labels k = KEYS.getOrDefault(key, new LookupDefinition.Labels(key, key));
        return new Reason("the customer's " + k.en() + " is not known, so " + system.en() + " was not asked",
                k.fa() + " مشتری معلوم نیست، پس از " + system.fa() + " پرسیده نشد");
    }

    public static Reason unknownLookup(String name) {
        return new Reason("no lookup named \"" + name + "\" is configured",
                "جست‌وجویی به نام «" + name + "» تنظیم نشده است");
    }

    /** Digits as Persian digits. */
    static String persian(long n) {
        StringBuilder out = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }
}
