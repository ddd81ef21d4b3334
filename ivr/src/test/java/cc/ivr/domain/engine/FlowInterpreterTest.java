package cc.ivr.domain.engine;

import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.IvrStep;
import cc.ivr.domain.flow.Checksum;
import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.Node;
import cc.ivr.domain.flow.Prompt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interpreter on every node type, with time given as values (a virtual clock), never read. */
class FlowInterpreterTest {
    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    /** Monday 2026-11-23 10:00 in Tehran (02 Azar 1405). */
    static final Instant MONDAY_10 = Instant.parse("2026-11-23T06:30:00Z");
    static final Duration T = Duration.ofSeconds(5);

    final FlowInterpreter interpreter = new FlowInterpreter();
    Instant now = MONDAY_10;

    static Prompt p(String name) {
        return new Prompt(Map.of("en", List.of("en/" + name), "fa", List.of("fa/" + name)));
    }

    static Flow flow(String start, Node... nodes) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (Node n : nodes) {
            m.put(n.id(), n);
        }
        m.putIfAbsent("end", new Node.Hangup("end", Prompt.NONE));
        m.putIfAbsent("other", new Node.Hangup("other", p("other")));
        return new Flow("test", "v1", List.of("en", "fa"), TEHRAN, start, m);
    }

    IvrSession start(Flow f, String lang, Map<String, String> vars) {
        return IvrSession.start("1795417535.3", "Local/100@ivr-in-00000001;2", f, lang, vars, now);
    }

    IvrDecision begin(Flow f) {
        return interpreter.next(start(f, "en", Map.of("caller.id", "5551234")), new AgiOutcome.Started(now));
    }

    IvrDecision digits(IvrDecision d, String keys) {
        return interpreter.next(d.session(), new AgiOutcome.Digits(keys, now));
    }

    IvrDecision done(IvrDecision d) {
        return interpreter.next(d.session(), new AgiOutcome.Completed(now));
    }

    static List<String> nodes(IvrDecision d) {
        return d.entered().stream().map(IvrStep::node).toList();
    }

    @Test
    @DisplayName("Answer, then play: the caller hears the prompt of their language, then the flow moves on")
    void answerAndPlay() {
        Flow f = flow("a", new Node.Answer("a", "hello"), new Node.Play("hello", p("hello"), "end"));
        IvrDecision d = begin(f);
        assertEquals(List.of(new IvrAction.Answer()), d.actions());
        assertEquals(List.of("a"), nodes(d));
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("en/hello"))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.Hangup()), d.actions());
        assertEquals(Optional.of("completed"), d.ended());
        assertTrue(d.session().ended());
        IvrSession fa = start(f, "fa", Map.of());
        IvrDecision dfa = done(interpreter.next(fa, new AgiOutcome.Started(now)));
        assertEquals(List.of(new IvrAction.Play(List.of("fa/hello"))), dfa.actions());
    }

    @Nested
    @DisplayName("Menu")
    class MenuNode {
        final Flow f = flow("m", new Node.Menu("m", p("menu"), Map.of("1", "end", "2", "other"), T, 2, p("invalid"),
                "fallback", "choice"), new Node.Hangup("fallback", p("sorry")));

        @Test
        @DisplayName("A listed key takes its branch and is recorded as the input")
        void choice() {
            IvrDecision d = begin(f);
            assertEquals(List.of(new IvrAction.CollectDigits(List.of("en/menu"), T, 1, "")), d.actions());
            d = digits(d, "2");
            assertEquals(List.of("other"), nodes(d));
            assertEquals("", d.entered().get(0).input(), "the node the key leads to has no key of its own");
            assertEquals(List.of(new IvrStep("m", "2", d.keyed().get(0).at())), d.keyed(),
                    "the key is on the menu where it was pressed");
            assertEquals("2", d.session().variable("choice"));
        }

        @Test
        @DisplayName("A wrong key or silence plays the invalid prompt and asks again; after the retries, the fallback")
        void retries() {
            IvrDecision d = digits(begin(f), "9");
            assertEquals(List.of(new IvrAction.Play(List.of("en/invalid")),
                    new IvrAction.CollectDigits(List.of("en/menu"), T, 1, "")), d.actions());
            assertEquals(1, d.session().attempts());
            d = digits(d, "");
            assertEquals(2, d.session().attempts());
            d = digits(d, "7");
            assertEquals(List.of("fallback"), nodes(d));
            assertEquals(List.of(new IvrAction.Play(List.of("en/sorry")), new IvrAction.Hangup()), d.actions());
        }
    }

    @Nested
    @DisplayName("Collect digits")
    class CollectNode {
        final Flow f = flow("acct", new Node.Collect("acct", p("account"), "account", 6, 8, "#", T,
                Optional.of(Pattern.compile("[0-9]+")), Optional.of(Checksum.LUHN), 1, p("invalid"), "end", "other"));

        @Test
        @DisplayName("An account number that passes the Luhn check is kept in its variable")
        void valid() {
            IvrDecision d = begin(f);
            assertEquals(List.of(new IvrAction.CollectDigits(List.of("en/account"), T, 8, "#")), d.actions());
            d = digits(d, "79927398713");
            assertEquals(1, d.session().attempts(), "11 digits is longer than max 8");
            d = digits(d, "49927395");
            assertEquals(List.of("end"), nodes(d));
            assertEquals("49927395", d.session().variable("account"));
        }

        @Test
        @DisplayName("A mistyped number (bad check digit, too short) is asked again, then the fallback")
        void invalid() {
            IvrDecision d = digits(begin(f), "49927394");
            assertEquals(new IvrAction.Play(List.of("en/invalid")), d.actions().get(0));
            d = digits(d, "12345");
            assertEquals(List.of("other"), nodes(d));
            assertEquals("", d.session().variable("account"));
        }
    }

    @Test
    @DisplayName("Say speaks numbers, money, digits, dates and times in the caller's language from variables")
    void say() {
        Flow f = flow("n",
                new Node.Say("n", Node.SayKind.NUMBER, "${count}", "", p("you-have"), p("messages"), "m"),
                new Node.Say("m", Node.SayKind.MONEY, "${amount}", "${cur}", Prompt.NONE, Prompt.NONE, "d"),
                new Node.Say("d", Node.SayKind.DATE, "", "", Prompt.NONE, Prompt.NONE, "t"),
                new Node.Say("t", Node.SayKind.TIME, "", "", Prompt.NONE, Prompt.NONE, "g"),
                new Node.Say("g", Node.SayKind.DIGITS, "${caller.id}", "", Prompt.NONE, Prompt.NONE, "end"));
        IvrSession s = start(f, "fa", Map.of("count", "21", "amount", "1500", "cur", "toman", "caller.id", "09"));
        IvrDecision d = interpreter.next(s, new AgiOutcome.Started(now));
        assertEquals(List.of(new IvrAction.Play(List.of("fa/you-have", "fa/num/20", "fa/num/o", "fa/num/1",
                "fa/messages"))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("fa/num/thousand", "fa/num/o", "fa/num/500",
                "fa/cur/toman"))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("fa/ord/2", "fa/month/9", "fa/num/thousand", "fa/num/o",
                "fa/num/400", "fa/num/o", "fa/num/5"))), d.actions(), "02 Azar 1405 in Tehran");
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("fa/time/hour", "fa/num/10"))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("fa/digits/0", "fa/digits/9"))), d.actions());
        IvrSession en = start(f, "en", Map.of("count", "x", "amount", "12.05", "cur", "dollar"));
        d = interpreter.next(en, new AgiOutcome.Started(now));
        assertEquals(List.of(new IvrAction.Play(List.of("en/you-have", "en/messages"))), d.actions(),
                "a value that is not a number is skipped, the call goes on");
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("en/num/12", "en/cur/dollars", "en/cur/and", "en/num/5",
                "en/cur/cents"))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("en/month/11", "en/ord/23", "en/num/20", "en/num/20",
                "en/num/6"))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("en/num/10", "en/time/oclock", "en/time/am"))), d.actions());
    }

    @Test
    @DisplayName("Choosing Persian switches the channel language and every later prompt")
    void chooseLanguage() {
        Flow f = flow("lang", new Node.ChooseLanguage("lang", p("choose"), Map.of("1", "fa", "2", "en"), T, 1, "hi"),
                new Node.Play("hi", p("hello"), "end"));
        IvrDecision d = begin(f);
        assertEquals(List.of(new IvrAction.CollectDigits(List.of("en/choose"), T, 1, "")), d.actions());
        d = digits(d, "1");
        assertEquals(List.of(new IvrAction.SetChannelVariable("CHANNEL(language)", "fa"),
                new IvrAction.Play(List.of("fa/hello"))), d.actions());
        assertEquals("fa", d.session().language());
        IvrDecision silent = digits(digits(begin(f), ""), "");
        assertEquals("en", silent.session().language(), "no choice keeps the language");
        assertEquals(List.of("hi"), nodes(silent));
    }

    @Test
    @DisplayName("Set fills variables from templates and can change the language; branch picks by variable")
    void setAndBranch() {
        Flow f = flow("s", new Node.SetVariables("s", Map.of("topic", "billing-${caller.id}", "lang", "fa"), "b"),
                new Node.Branch("b", List.of(
                        new Node.Rule("customer.segment", Node.Test.EQUALS, List.of("vip"), Optional.empty(), "vip"),
                        new Node.Rule("topic", Node.Test.MATCHES, List.of("billing-.*"),
                                Optional.of(Pattern.compile("billing-.*")), "billing")), "end"),
                new Node.Play("vip", p("vip"), "end"), new Node.Play("billing", p("billing"), "end"));
        IvrDecision d = begin(f);
        assertEquals(List.of("s", "b", "billing"), nodes(d));
        assertEquals("billing-5551234", d.session().variable("topic"));
        assertEquals(List.of(new IvrAction.SetChannelVariable("CHANNEL(language)", "fa"),
                new IvrAction.Play(List.of("fa/billing"))), d.actions());
    }

    @Test
    @DisplayName("Branch tests: in, present, absent, less-than, at-least, not-equals")
    void branchTests() {
        assertTrue(Rules.holds(rule(Node.Test.IN, "gold", "silver"), "silver"));
        assertFalse(Rules.holds(rule(Node.Test.IN, "gold"), "bronze"));
        assertTrue(Rules.holds(rule(Node.Test.PRESENT), "x"));
        assertTrue(Rules.holds(rule(Node.Test.ABSENT), ""));
        assertTrue(Rules.holds(rule(Node.Test.LESS_THAN, "100"), "99.5"));
        assertFalse(Rules.holds(rule(Node.Test.LESS_THAN, "100"), "abc"));
        assertTrue(Rules.holds(rule(Node.Test.AT_LEAST, "100"), "100"));
        assertFalse(Rules.holds(rule(Node.Test.AT_LEAST, "100"), ""));
        assertTrue(Rules.holds(rule(Node.Test.NOT_EQUALS, "a"), "b"));
    }

    static Node.Rule rule(Node.Test t, String... values) {
        return new Node.Rule("v", t, List.of(values), Optional.empty(), "x");
    }

    @Test
    @DisplayName("Customer lookup by caller ID fills customer variables; an unknown caller takes not-found")
    void lookupCustomer() {
        Flow f = flow("l", new Node.LookupCustomer("l", Node.LookupBy.CALLER_ID, "${caller.id}", "end", "other"));
        IvrDecision d = begin(f);
        assertEquals(List.of(new IvrAction.LookupCustomer(Node.LookupBy.CALLER_ID, "5551234")), d.actions());
        Customer c = new Customer(7, "Sara Ahmadi", List.of("5551234"), "4992739", "fa", "gold");
        IvrDecision found = interpreter.next(d.session(), new AgiOutcome.CustomerFound(Optional.of(c), now));
        assertEquals(List.of("end"), nodes(found));
        assertEquals("gold", found.session().variable("customer.segment"));
        assertEquals("7", found.session().variable("customer.id"));
        IvrDecision none = interpreter.next(d.session(), new AgiOutcome.CustomerFound(Optional.empty(), now));
        assertEquals(List.of("other"), nodes(none));
        Flow byAccount = flow("l", new Node.LookupCustomer("l", Node.LookupBy.ACCOUNT, "${account}", "end", "other"));
        assertEquals(List.of("l", "other"), nodes(begin(byAccount)), "no account keyed: straight to not-found");
    }

    @Test
    @DisplayName("An HTTP answer fills variables; an error status or a failure takes the fallback")
    void http() {
        Flow f = flow("h", new Node.Http("h", "GET", "http://crm/${caller.id}", Map.of("X-Caller", "${caller.id}"),
                "", Duration.ofMillis(800), "crm", "end", "other"));
        IvrDecision d = begin(f);
        assertEquals(List.of(new IvrAction.CallHttp("GET", "http://crm/5551234", Map.of("X-Caller", "5551234"), "",
                Duration.ofMillis(800))), d.actions());
        IvrDecision ok = interpreter.next(d.session(), new AgiOutcome.HttpAnswered(200, Map.of("tier", "gold"), now));
        assertEquals(List.of("end"), nodes(ok));
        assertEquals("gold", ok.session().variable("crm.tier"));
        IvrDecision bad = interpreter.next(d.session(), new AgiOutcome.HttpAnswered(503, Map.of(), now));
        assertEquals(List.of("other"), nodes(bad));
        IvrDecision slow = interpreter.next(d.session(), new AgiOutcome.HttpFailed("no answer within 800 ms", now));
        assertEquals(List.of("other"), nodes(slow));
        assertEquals("no answer within 800 ms", slow.session().variable("crm.error"));
    }

    @Test
    @DisplayName("A lookup into another system: rows become variables and lead to found; none and unavailable (with"
            + " the reason) take their own ways; an empty key is left out of the question")
    void lookupIntoAnotherSystem() {
        Flow f = flow("l", new Node.Lookup("l", "orders", Map.of("phone", "${caller.id}", "accountNumber",
                        "${customer.account}"), Duration.ofMillis(700), "orders", "end", "other", "sorry"),
                new Node.Hangup("sorry", p("sorry")));
        IvrDecision d = begin(f);
        assertEquals(List.of(new IvrAction.AskLookup("orders", Map.of("phone", "5551234"), Duration.ofMillis(700))),
                d.actions());
        IvrDecision found = interpreter.next(d.session(), new AgiOutcome.LookupAnswered("found",
                List.of(Map.of("number", "A-17", "status", "shipped"), Map.of("number", "A-9", "status", "paid")),
                "", now));
        assertEquals(List.of("end"), nodes(found));
        assertEquals("2", found.session().variable("orders.count"));
        assertEquals("shipped", found.session().variable("orders.1.status"));
        assertEquals("A-9", found.session().variable("orders.2.number"));
        IvrDecision none = interpreter.next(d.session(), new AgiOutcome.LookupAnswered("none", List.of(), "", now));
        assertEquals(List.of("other"), nodes(none));
        assertEquals("0", none.session().variable("orders.count"));
        IvrDecision down = interpreter.next(d.session(), new AgiOutcome.LookupAnswered("unavailable", List.of(),
                "the order system did not answer within 700 ms", now));
        assertEquals(List.of("sorry"), nodes(down));
        assertEquals("the order system did not answer within 700 ms", down.session().variable("orders.reason"));
    }

    @Nested
    @DisplayName("Business hours")
    class HoursNode {
        final Flow f = flow("h", new Node.Hours("h",
                List.of(new Node.OpenHours(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(17, 0)),
                        new Node.OpenHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(17, 0))),
                List.of(new Node.Holiday(true, Optional.empty(), 1, 1),
                        new Node.Holiday(false, Optional.of(2026), 12, 25)), "open", "closed", "holiday"),
                new Node.Play("open", p("open"), "end"), new Node.Play("closed", p("closed"), "end"),
                new Node.Play("holiday", p("holiday"), "end"));

        String at(String instant) {
            return at(f, instant);
        }

        String at(Flow flow, String instant) {
            now = Instant.parse(instant);
            return nodes(begin(flow)).get(1);
        }

        @Test
        @DisplayName("Open inside the weekly hours, closed outside them, in the flow's time zone")
        void weekly() {
            assertEquals("open", at("2026-11-23T06:30:00Z"));
            assertEquals("closed", at("2026-11-23T13:30:00Z"), "17:00 Tehran is closing time");
            assertEquals("open", at("2026-11-23T04:30:00Z"), "08:00 Tehran");
            assertEquals("closed", at("2026-11-24T06:30:00Z"), "Tuesday is not listed");
        }

        @Test
        @DisplayName("Nowruz (1 Farvardin, Jalali) and a Gregorian date are holidays even within opening hours")
        void holidays() {
            assertEquals("holiday", at("2025-03-21T06:30:00Z"), "1 Farvardin 1404 was Friday 21 March 2025");
            assertEquals("holiday", at("2026-03-21T06:30:00Z"), "1 Farvardin 1405 was Saturday 21 March 2026");
            assertEquals("open", at("2026-03-28T06:30:00Z"));
            assertEquals("holiday", at("2026-12-25T06:30:00Z"));
            List<Node.OpenHours> everyDay = java.util.Arrays.stream(DayOfWeek.values())
                    .map(day -> new Node.OpenHours(day, LocalTime.of(8, 0), LocalTime.of(17, 0))).toList();
            Node.Hours h = (Node.Hours) f.nodes().get("h");
            Flow always = flow("h", new Node.Hours("h", everyDay, h.holidays(), "open", "closed", "holiday"),
                    f.nodes().get("open"), f.nodes().get("closed"), f.nodes().get("holiday"));
            assertEquals("holiday", at(always, "2026-12-25T06:30:00Z"));
            assertEquals("open", at(always, "2027-12-25T06:30:00Z"), "that Gregorian holiday was for 2026 only");
            assertEquals("holiday", at(always, "2027-03-21T06:30:00Z"), "Nowruz comes back every year");
        }
    }

    @Test
    @DisplayName("Self-service balance: found fills balance variables that a say node speaks as money")
    void selfService() {
        Flow f = flow("q", new Node.SelfService("q", Node.Query.BALANCE, "${account}", "say", "other"),
                new Node.Say("say", Node.SayKind.MONEY, "${balance.amount}", "${balance.currency}", Prompt.NONE,
                        Prompt.NONE, "end"));
        IvrSession s = start(f, "en", Map.of("account", "4992739"));
        IvrDecision d = interpreter.next(s, new AgiOutcome.Started(now));
        assertEquals(List.of(new IvrAction.QuerySelfService(Node.Query.BALANCE, "4992739")), d.actions());
        IvrDecision found = interpreter.next(d.session(), new AgiOutcome.DataFound(
                Optional.of(Map.of("amount", "1.00", "currency", "dollar")), now));
        assertEquals(List.of(new IvrAction.Play(List.of("en/num/1", "en/cur/dollar"))), found.actions());
        IvrDecision missing = interpreter.next(d.session(), new AgiOutcome.DataFound(Optional.empty(), now));
        assertEquals(List.of("other"), nodes(missing));
    }

    @Test
    @DisplayName("Enqueue hands the ACD the priority of the caller's segment and what the IVR learned")
    void enqueue() {
        Flow f = flow("q", new Node.Enqueue("q", "support", 1, Map.of("gold", 10), List.of("account",
                "customer.segment"), T, "other"));
        IvrSession s = start(f, "fa", Map.of("account", "4992739", "customer.segment", "gold", "secret", "x"));
        IvrDecision d = interpreter.next(s, new AgiOutcome.Started(now));
        assertEquals(List.of(new IvrAction.Enqueue("support", 10, "fa",
                Map.of("account", "4992739", "customer.segment", "gold"), T)), d.actions());
        IvrDecision taken = interpreter.next(d.session(), new AgiOutcome.EnqueueAnswered(true, "1", now));
        assertEquals(List.of(new IvrAction.SetChannelVariable("CC_NEXT", "hold")), taken.actions());
        assertEquals(Optional.of("enqueued"), taken.ended());
        IvrDecision refused = interpreter.next(d.session(), new AgiOutcome.EnqueueAnswered(false, "timeout", now));
        assertEquals(List.of("other"), nodes(refused));
        IvrSession plain = start(f, "en", Map.of("customer.segment", "bronze"));
        assertEquals(1, ((IvrAction.Enqueue) interpreter.next(plain, new AgiOutcome.Started(now)).actions().get(0))
                .priority());
    }

    @Test
    @DisplayName("Callback, voicemail and transfer")
    void callbackVoicemailTransfer() {
        Flow f = flow("cb", new Node.Callback("cb", "${caller.id}", "sales", p("we-will-call"), "vm"),
                new Node.Voicemail("vm", p("leave-message"), Duration.ofSeconds(60), "x"),
                new Node.Transfer("x", "SIP/${param.to}"));
        IvrSession s = start(f, "en", Map.of("caller.id", "5551234", "param.to", "2000"));
        IvrDecision d = interpreter.next(s, new AgiOutcome.Started(now));
        IvrAction.RequestCallback cb = (IvrAction.RequestCallback) d.actions().get(0);
        assertEquals("5551234", cb.number());
        assertEquals("sales", cb.queue());
        assertEquals(new IvrAction.Play(List.of("en/we-will-call")), d.actions().get(1));
        d = done(d);
        assertEquals(List.of(new IvrAction.Play(List.of("en/leave-message")),
                new IvrAction.RecordVoicemail("voicemail/1795417535.3", Duration.ofSeconds(60))), d.actions());
        d = done(d);
        assertEquals(List.of(new IvrAction.SetChannelVariable("CC_NEXT", "transfer"),
                new IvrAction.SetChannelVariable("CC_TRANSFER_TO", "SIP/2000")), d.actions());
        assertEquals(Optional.of("transferred"), d.ended());
    }

    @Test
    @DisplayName("The survey publishes a score of 1 to 5 and thanks the caller; other keys are asked again")
    void survey() {
        Flow f = flow("s", new Node.Survey("s", p("rate"), T, 1, p("one-to-five"), p("thanks"), "end"));
        IvrDecision d = digits(begin(f), "9");
        assertEquals(new IvrAction.Play(List.of("en/one-to-five")), d.actions().get(0));
        d = digits(d, "4");
        assertEquals(List.of(new IvrAction.AnswerSurvey(4), new IvrAction.Play(List.of("en/thanks")),
                new IvrAction.Hangup()), d.actions());
        IvrDecision none = digits(digits(begin(f), ""), "");
        assertFalse(none.actions().stream().anyMatch(a -> a instanceof IvrAction.AnswerSurvey));
    }

    @Test
    @DisplayName("A hang-up ends the session wherever the caller is")
    void hungUp() {
        Flow f = flow("p", new Node.Play("p", p("long"), "end"));
        IvrDecision d = interpreter.next(begin(f).session(), new AgiOutcome.HungUp(now));
        assertEquals(Optional.of("caller-hung-up"), d.ended());
        assertTrue(d.actions().isEmpty());
        assertThrows(IllegalStateException.class, () -> interpreter.next(d.session(), new AgiOutcome.Completed(now)));
    }

    @Test
    @DisplayName("A flow that loops without waiting for the caller, or a wrong outcome, fails safe instead of spinning")
    void failSafe() {
        Map<String, Node> loop = new HashMap<>();
        loop.put("a", new Node.SetVariables("a", Map.of("x", "1"), "b"));
        loop.put("b", new Node.SetVariables("b", Map.of("y", "2"), "a"));
        Flow f = new Flow("loop", "v", List.of("en"), TEHRAN, "a", loop);
        IvrDecision d = interpreter.next(start(f, "en", Map.of()), new AgiOutcome.Started(now));
        assertEquals(Optional.of("failed"), d.ended());
        Flow menu = flow("m", new Node.Menu("m", p("menu"), Map.of("1", "end"), T, 1, Prompt.NONE, "end", ""));
        IvrDecision wrong = interpreter.next(begin(menu).session(), new AgiOutcome.Completed(now));
        assertEquals(Optional.of("failed"), wrong.ended());
    }
}
