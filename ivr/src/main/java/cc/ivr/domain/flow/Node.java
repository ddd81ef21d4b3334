package cc.ivr.domain.flow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node of a flow. Every field that names another node holds that node's id; {@link FlowValidator} checks that
 * each one exists. Text fields may contain {@code ${variable}} references.
 */
public sealed interface Node {

    String id();

    /** The ids of the nodes this one can lead to. */
    List<String> exits();

    /** Whether the node waits for the caller's keys (a loop must pass through one, or it would spin or replay forever). */
    default boolean waitsForCaller() {
        return false;
    }

    /** Answers the channel. */
    record Answer(String id, String next) implements Node {
        public List<String> exits() { return List.of(next); }
    }

    /** Plays prompts, then goes on. */
    record Play(String id, Prompt prompt, String next) implements Node {
        public List<String> exits() { return List.of(next); }
    }

    /**
     * A DTMF menu: one key picks a branch. A timeout or a key with no choice plays the invalid prompt and asks again,
     * up to {@code retries} more times, then goes to {@code fallback}.
     */
    record Menu(String id, Prompt prompt, Map<String, String> choices, Duration timeout, int retries,
                Prompt invalid, String fallback, String variable) implements Node {
        public Menu {
            choices = Map.copyOf(choices);
        }
        public List<String> exits() {
            java.util.ArrayList<String> e = new java.util.ArrayList<>(choices.values());
            e.add(fallback);
            return e;
        }
        public boolean waitsForCaller() { return true; }
    }

    /** Collects digits into a variable, checked for length, pattern and checksum. */
    record Collect(String id, Prompt prompt, String variable, int minDigits, int maxDigits, String terminator,
                   Duration timeout, Optional<Pattern> pattern, Optional<Checksum> checksum, int retries,
                   Prompt invalid, String next, String fallback) implements Node {
        public List<String> exits() { return List.of(next, fallback); }
        public boolean waitsForCaller() { return true; }
    }

    /** What a {@link Say} node speaks. */
    enum SayKind { NUMBER, DIGITS, DATE, TIME, MONEY }

    /**
     * Speaks a value in the caller's language. {@code value} is a template; for dates and times an empty value means
     * "now" in the flow's zone. {@code currency} is a template too (money only).
     */
    record Say(String id, SayKind kind, String value, String currency, Prompt before, Prompt after, String next)
            implements Node {
        public List<String> exits() { return List.of(next); }
    }

    /** Lets the caller pick a language with one key; the pick sets the session language and CHANNEL(language). */
    record ChooseLanguage(String id, Prompt prompt, Map<String, String> choices, Duration timeout, int retries,
                          String next) implements Node {
        public ChooseLanguage {
            choices = Map.copyOf(choices);
        }
        public List<String> exits() { return List.of(next); }
        public boolean waitsForCaller() { return true; }
    }

    /** Sets session variables (templates). A {@code lang} key changes the session language. */
    record SetVariables(String id, Map<String, String> values, String next) implements Node {
        public SetVariables {
            values = Map.copyOf(values);
        }
        public List<String> exits() { return List.of(next); }
    }

    /** How {@link LookupCustomer} finds the customer. */
    enum LookupBy { CALLER_ID, ACCOUNT }

    /** Finds the customer by caller ID or by an account number and sets {@code customer.*} variables. */
    record LookupCustomer(String id, LookupBy by, String key, String found, String notFound) implements Node {
        public List<String> exits() { return List.of(found, notFound); }
    }

    /**
     * Calls an external HTTP service. A 2xx answer with a JSON object sets {@code <as>.<field>} variables and goes to
     * {@code next}; an error status, a failure or no answer within {@code timeout} goes to {@code fallback}.
     */
    record Http(String id, String method, String url, Map<String, String> headers, String body, Duration timeout,
                String as, String next, String fallback) implements Node {
        public Http {
            headers = Map.copyOf(headers);
        }
        public List<String> exits() { return List.of(next, fallback); }
    }

    /**
     * Asks a lookup into another system configured in {@code config/lookups.yaml} (the customer's last orders), through
     * the integration module's cache and circuit breaker, never waiting beyond {@code budget}. Sets
     * {@code <as>.status} (found, none, unavailable), {@code <as>.count}, the first rows' fields as
     * {@code <as>.1.<field>}, {@code <as>.2.<field>} ... and, when unavailable, {@code <as>.reason}; goes to
     * {@code found}, {@code none} or {@code unavailable}.
     */
    record Lookup(String id, String lookup, Map<String, String> keys, Duration budget, String as, String found,
                  String none, String unavailable) implements Node {
        public Lookup {
            keys = Map.copyOf(keys);
        }
        public List<String> exits() { return List.of(found, none, unavailable); }
    }

    /** A weekly opening window on one day. */
    record OpenHours(DayOfWeek day, LocalTime from, LocalTime to) {}

    /** A closed day: in the Jalali or Gregorian calendar, every year (year empty) or one year only. */
    record Holiday(boolean jalali, Optional<Integer> year, int month, int day) {}

    /** Branches on business hours and holidays, at the time the caller enters the node, in the flow's zone. */
    record Hours(String id, List<OpenHours> open, List<Holiday> holidays, String whenOpen, String whenClosed,
                 String onHoliday) implements Node {
        public Hours {
            open = List.copyOf(open);
            holidays = List.copyOf(holidays);
        }
        public List<String> exits() { return List.of(whenOpen, whenClosed, onHoliday); }
    }

    /** How a {@link Rule} compares. */
    enum Test { EQUALS, NOT_EQUALS, IN, MATCHES, PRESENT, ABSENT, LESS_THAN, AT_LEAST }

    /** One test of a branch: the first rule that holds picks the next node. */
    record Rule(String variable, Test test, List<String> values, Optional<Pattern> pattern, String next) {
        public Rule {
            values = List.copyOf(values);
        }
    }

    /** Branches on variables (customer segment, lookup results, anything set earlier). */
    record Branch(String id, List<Rule> rules, String otherwise) implements Node {
        public Branch {
            rules = List.copyOf(rules);
        }
        public List<String> exits() {
            java.util.ArrayList<String> e = new java.util.ArrayList<>();
            rules.forEach(r -> e.add(r.next()));
            e.add(otherwise);
            return e;
        }
    }

    /** Self-service answers from the database. */
    enum Query { BALANCE, ORDER_STATUS }

    /** Reads a balance or an order status and sets {@code balance.*} or {@code order.*} variables. */
    record SelfService(String id, Query query, String key, String found, String notFound) implements Node {
        public List<String> exits() { return List.of(found, notFound); }
    }

    /**
     * Hands the caller to an ACD queue with a priority (by customer segment, else the default) and the session
     * variables listed in {@code data} (all of them when the list is empty). If the ACD does not take the call,
     * goes to {@code fallback}.
     */
    record Enqueue(String id, String queue, int priority, Map<String, Integer> priorityBySegment, List<String> data,
                   Duration timeout, String fallback) implements Node {
        public Enqueue {
            priorityBySegment = Map.copyOf(priorityBySegment);
            data = List.copyOf(data);
        }
        public List<String> exits() { return List.of(fallback); }
    }

    /** Records a callback request for the caller's number (or another number, a template). */
    record Callback(String id, String number, String queue, Prompt confirm, String next) implements Node {
        public List<String> exits() { return List.of(next); }
    }

    /** Plays a prompt and records the caller's message; # ends the recording. */
    record Voicemail(String id, Prompt prompt, Duration maxLength, String next) implements Node {
        public List<String> exits() { return List.of(next); }
    }

    /** Ends the IVR session and tells the dialplan to transfer the caller ({@code CC_NEXT=transfer}). */
    record Transfer(String id, String to) implements Node {
        public List<String> exits() { return List.of(); }
    }

    /** Asks for a satisfaction score 1..5 and publishes it. */
    record Survey(String id, Prompt prompt, Duration timeout, int retries, Prompt invalid, Prompt thanks, String next)
            implements Node {
        public List<String> exits() { return List.of(next); }
        public boolean waitsForCaller() { return true; }
    }

    /**
     * Plays an optional prompt, sets channel variables (templates) and returns the caller to the dialplan without
     * hanging up: how a flow run as a subroutine answers it, e.g. the click-to-talk confirmation that Dial's U() option
     * runs on the customer (a 1 clears {@code GOSUB_RESULT} so Dial bridges the agent; anything else leaves it
     * {@code ABORT}). Variable names are {@code GOSUB_RESULT} or {@code CC_...}, in the order given.
     */
    record Return(String id, Prompt prompt, Map<String, String> variables) implements Node {
        /** The channel variables a flow may set. */
        public static final Pattern VARIABLE = Pattern.compile("GOSUB_RESULT|CC_[A-Z0-9_]+");

        public Return {
            variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        }
        public List<String> exits() { return List.of(); }
    }

    /** Plays an optional goodbye and hangs up. */
    record Hangup(String id, Prompt prompt) implements Node {
        public List<String> exits() { return List.of(); }
    }

}
