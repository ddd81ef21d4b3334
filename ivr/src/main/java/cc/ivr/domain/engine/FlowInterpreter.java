package cc.ivr.domain.engine;

import cc.core.domain.customer.Customer;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.calendar.JalaliDate;
import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.Node;
import cc.ivr.domain.speech.Currency;
import cc.ivr.domain.speech.Speech;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a flow: given where the caller is and what just happened, says what to do next. Pure: no I/O, no clock
 * (time comes in on the outcome), no shared state, so one instance serves every session on any thread.
 *
 * <p>Nodes that need nothing from the outside (set, branch, hours) are passed through at once; the walk stops at the
 * first node that needs an outcome (audio played, keys, a lookup, the ACD's answer) or at the end of the flow.
 */
public final class FlowInterpreter {
    /** More hops than this without waiting for anything means the flow loops; the session fails safe. */
    static final int MAX_HOPS = 200;

    public static final String COMPLETED = "completed";
    public static final String CALLER_HUNG_UP = "caller-hung-up";
    public static final String ENQUEUED = "enqueued";
    public static final String TRANSFERRED = "transferred";
    public static final String FAILED = "failed";
    /** The flow handed the caller back to the dialplan ({@code return} node), e.g. a Dial U() subroutine's answer. */
    public static final String RETURNED = "returned";

    public IvrDecision next(IvrSession session, AgiOutcome outcome) {
        if (session.ended()) {
            throw new IllegalStateException("session " + session.uniqueId() + " has ended");
        }
        if (outcome instanceof AgiOutcome.HungUp) {
            return new IvrDecision(session.finished(), List.of(), List.of(), List.of(), Optional.of(CALLER_HUNG_UP));
        }
        Transition t;
        if (outcome instanceof AgiOutcome.Started) {
            t = new Goto(session.flow().start(), "", Map.of(), List.of());
        } else {
            Optional<Node> current = session.flow().node(session.node());
            t = current.isPresent() ? resume(session, current.get(), outcome)
                    : failed("no current node '" + session.node() + "'");
        }
        return follow(session, t, outcome.at());
    }

    private IvrDecision follow(IvrSession s, Transition t, Instant at) {
        List<IvrAction> actions = new ArrayList<>();
        List<IvrStep> entered = new ArrayList<>();
        List<IvrStep> keyed = new ArrayList<>();
        int hops = 0;
        while (true) {
            if (t instanceof Goto) {
                Goto g = (Goto) t;
                if (!g.input.isEmpty()) {
                    // the keys were pressed at the node being left, not at the one they lead to
                    keyed.add(new IvrStep(s.node(), g.input, at));
                }
                s = s.with(g.vars);
                actions.addAll(g.effects);
                Optional<Node> n = s.flow().node(g.node);
                if (++hops > MAX_HOPS) {
                    t = failed("more than " + MAX_HOPS + " nodes without waiting for the caller");
                } else if (n.isEmpty()) {
                    t = failed("no node '" + g.node + "'");
                } else {
                    entered.add(new IvrStep(g.node, "", at));
                    s = s.at(g.node, 0);
                    t = enter(s, n.get(), at);
                }
            } else if (t instanceof Await) {
                Await a = (Await) t;
                s = s.with(a.vars).at(s.node(), a.attempts);
                actions.addAll(a.actions);
                return new IvrDecision(s, actions, entered, keyed, Optional.empty());
            } else {
                Finish f = (Finish) t;
                s = s.with(f.vars).finished();
                actions.addAll(f.actions);
                return new IvrDecision(s, actions, entered, keyed, Optional.of(f.outcome));
            }
        }
    }

    // ---- entering a node ----

    private Transition enter(IvrSession s, Node node, Instant at) {
        String lang = s.language();
        Map<String, String> vars = s.variables();
        if (node instanceof Node.Answer) {
            return await(new IvrAction.Answer());
        }
        if (node instanceof Node.Play) {
            return await(new IvrAction.Play(((Node.Play) node).prompt().in(lang)));
        }
        if (node instanceof Node.Menu) {
            Node.Menu m = (Node.Menu) node;
            return await(new IvrAction.CollectDigits(m.prompt().in(lang), m.timeout(), 1, ""));
        }
        if (node instanceof Node.Collect) {
            Node.Collect c = (Node.Collect) node;
            return await(new IvrAction.CollectDigits(c.prompt().in(lang), c.timeout(), c.maxDigits(), c.terminator()));
        }
        if (node instanceof Node.Say) {
            return await(new IvrAction.Play(say(s, (Node.Say) node, at)));
        }
        if (node instanceof Node.ChooseLanguage) {
            Node.ChooseLanguage c = (Node.ChooseLanguage) node;
            return await(new IvrAction.CollectDigits(c.prompt().in(lang), c.timeout(), 1, ""));
        }
        if (node instanceof Node.SetVariables) {
            Node.SetVariables sv = (Node.SetVariables) node;
            Map<String, String> values = new LinkedHashMap<>();
            sv.values().forEach((k, v) -> values.put(k, Templates.fill(v, vars)));
            List<IvrAction> effects = new ArrayList<>();
            String newLang = values.get("lang");
            if (newLang != null && !newLang.equals(lang) && s.flow().languages().contains(newLang)) {
                effects.add(new IvrAction.SetChannelVariable("CHANNEL(language)", newLang));
            }
            return new Goto(sv.next(), "", values, effects);
        }
        if (node instanceof Node.LookupCustomer) {
            Node.LookupCustomer l = (Node.LookupCustomer) node;
            String key = Templates.fill(l.key(), vars).trim();
            return key.isEmpty() ? new Goto(l.notFound(), "", Map.of(), List.of())
                    : await(new IvrAction.LookupCustomer(l.by(), key));
        }
        if (node instanceof Node.Lookup) {
            Node.Lookup l = (Node.Lookup) node;
            Map<String, String> keys = new LinkedHashMap<>();
            l.keys().forEach((k, v) -> {
                String value = Templates.fill(v, vars).trim();
                if (!value.isEmpty()) {
                    keys.put(k, value);
                }
            });
            return await(new IvrAction.AskLookup(Templates.fill(l.lookup(), vars).trim(), keys, l.budget()));
        }
        if (node instanceof Node.Http) {
            Node.Http h = (Node.Http) node;
            Map<String, String> headers = new LinkedHashMap<>();
            h.headers().forEach((k, v) -> headers.put(k, Templates.fill(v, vars)));
            return await(new IvrAction.CallHttp(h.method(), Templates.fill(h.url(), vars), headers,
                    Templates.fill(h.body(), vars), h.timeout()));
        }
        if (node instanceof Node.Hours) {
            return new Goto(hours(s.flow(), (Node.Hours) node, at), "", Map.of(), List.of());
        }
        if (node instanceof Node.Branch) {
            Node.Branch b = (Node.Branch) node;
            for (Node.Rule r : b.rules()) {
                if (Rules.holds(r, s.variable(r.variable()))) {
                    return new Goto(r.next(), "", Map.of(), List.of());
                }
            }
            return new Goto(b.otherwise(), "", Map.of(), List.of());
        }
        if (node instanceof Node.SelfService) {
            Node.SelfService q = (Node.SelfService) node;
            String key = Templates.fill(q.key(), vars).trim();
            return key.isEmpty() ? new Goto(q.notFound(), "", Map.of(), List.of())
                    : await(new IvrAction.QuerySelfService(q.query(), key));
        }
        if (node instanceof Node.Enqueue) {
            Node.Enqueue e = (Node.Enqueue) node;
            int priority = e.priorityBySegment().getOrDefault(s.variable("customer.segment"), e.priority());
            // a template, so one flow serves the queue each caller asked for (click-to-talk passes it in the request)
            return await(new IvrAction.Enqueue(Templates.fill(e.queue(), vars).trim(), priority, lang,
                    data(e.data(), vars), e.timeout()));
        }
        if (node instanceof Node.Callback) {
            Node.Callback c = (Node.Callback) node;
            String number = Templates.fill(c.number(), vars).trim();
            return await(new IvrAction.RequestCallback(number, c.queue(), lang, data(List.of(), vars)),
                    new IvrAction.Play(c.confirm().in(lang)));
        }
        if (node instanceof Node.Voicemail) {
            Node.Voicemail v = (Node.Voicemail) node;
            String file = "voicemail/" + s.uniqueId().replaceAll("[^A-Za-z0-9.\\-]", "_");
            return new Await(List.of(new IvrAction.Play(v.prompt().in(lang)),
                    new IvrAction.RecordVoicemail(file, v.maxLength())), 0, Map.of("voicemail.file", file));
        }
        if (node instanceof Node.Transfer) {
            String to = Templates.fill(((Node.Transfer) node).to(), vars);
            return new Finish(List.of(new IvrAction.SetChannelVariable("CC_NEXT", "transfer"),
                    new IvrAction.SetChannelVariable("CC_TRANSFER_TO", to)), TRANSFERRED, Map.of());
        }
        if (node instanceof Node.Survey) {
            Node.Survey v = (Node.Survey) node;
            return await(new IvrAction.CollectDigits(v.prompt().in(lang), v.timeout(), 1, ""));
        }
        if (node instanceof Node.Return) {
            Node.Return r = (Node.Return) node;
            List<IvrAction> last = new ArrayList<>();
            List<String> said = r.prompt().in(lang);
            if (!said.isEmpty()) {
                last.add(new IvrAction.Play(said));
            }
            r.variables().forEach((k, v) -> last.add(new IvrAction.SetChannelVariable(k, Templates.fill(v, vars))));
            return new Finish(last, RETURNED, Map.of());
        }
        if (node instanceof Node.Hangup) {
            List<IvrAction> last = new ArrayList<>();
            List<String> bye = ((Node.Hangup) node).prompt().in(lang);
            if (!bye.isEmpty()) {
                last.add(new IvrAction.Play(bye));
            }
            last.add(new IvrAction.Hangup());
            return new Finish(last, COMPLETED, Map.of());
        }
        return failed("node type " + node.getClass().getSimpleName() + " has no interpretation");
    }

    // ---- resuming a node with its outcome ----

    private Transition resume(IvrSession s, Node node, AgiOutcome o) {
        String lang = s.language();
        if (node instanceof Node.Answer || node instanceof Node.Play || node instanceof Node.Say
                || node instanceof Node.Callback || node instanceof Node.Voicemail) {
            return o instanceof AgiOutcome.Completed ? new Goto(node.exits().get(0), "", Map.of(), List.of())
                    : unexpected(node, o);
        }
        if (node instanceof Node.Menu) {
            Node.Menu m = (Node.Menu) node;
            if (!(o instanceof AgiOutcome.Digits)) {
                return unexpected(node, o);
            }
            String d = ((AgiOutcome.Digits) o).digits();
            String choice = m.choices().get(d);
            if (choice != null) {
                return new Goto(choice, d, m.variable().isEmpty() ? Map.of() : Map.of(m.variable(), d), List.of());
            }
            return retry(s, m.retries(), m.fallback(), d, m.invalid().in(lang),
                    new IvrAction.CollectDigits(m.prompt().in(lang), m.timeout(), 1, ""));
        }
        if (node instanceof Node.Collect) {
            Node.Collect c = (Node.Collect) node;
            if (!(o instanceof AgiOutcome.Digits)) {
                return unexpected(node, o);
            }
            String d = ((AgiOutcome.Digits) o).digits();
            if (valid(c, d)) {
                return new Goto(c.next(), d, Map.of(c.variable(), d), List.of());
            }
            return retry(s, c.retries(), c.fallback(), d, c.invalid().in(lang),
                    new IvrAction.CollectDigits(c.prompt().in(lang), c.timeout(), c.maxDigits(), c.terminator()));
        }
        if (node instanceof Node.ChooseLanguage) {
            Node.ChooseLanguage c = (Node.ChooseLanguage) node;
            if (!(o instanceof AgiOutcome.Digits)) {
                return unexpected(node, o);
            }
            String d = ((AgiOutcome.Digits) o).digits();
            String picked = c.choices().get(d);
            if (picked != null && s.flow().languages().contains(picked)) {
                return new Goto(c.next(), d, Map.of("lang", picked),
                        List.of(new IvrAction.SetChannelVariable("CHANNEL(language)", picked)));
            }
            return retry(s, c.retries(), c.next(), d, List.of(),
                    new IvrAction.CollectDigits(c.prompt().in(lang), c.timeout(), 1, ""));
        }
        if (node instanceof Node.Survey) {
            Node.Survey v = (Node.Survey) node;
            if (!(o instanceof AgiOutcome.Digits)) {
                return unexpected(node, o);
            }
            String d = ((AgiOutcome.Digits) o).digits();
            if (d.length() == 1 && d.charAt(0) >= '1' && d.charAt(0) <= '5') {
                List<IvrAction> effects = new ArrayList<>();
                effects.add(new IvrAction.AnswerSurvey(d.charAt(0) - '0'));
                if (!v.thanks().in(lang).isEmpty()) {
                    effects.add(new IvrAction.Play(v.thanks().in(lang)));
                }
                return new Goto(v.next(), d, Map.of("survey.score", d), effects);
            }
            return retry(s, v.retries(), v.next(), d, v.invalid().in(lang),
                    new IvrAction.CollectDigits(v.prompt().in(lang), v.timeout(), 1, ""));
        }
        if (node instanceof Node.LookupCustomer) {
            Node.LookupCustomer l = (Node.LookupCustomer) node;
            if (!(o instanceof AgiOutcome.CustomerFound)) {
                return unexpected(node, o);
            }
            Optional<Customer> c = ((AgiOutcome.CustomerFound) o).customer();
            if (c.isEmpty()) {
                return new Goto(l.notFound(), "", Map.of("customer.found", "no"), List.of());
            }
            Customer cu = c.get();
            Map<String, String> vars = new HashMap<>();
            vars.put("customer.found", "yes");
            vars.put("customer.id", Long.toString(cu.id()));
            vars.put("customer.name", cu.name());
            vars.put("customer.segment", cu.segment());
            vars.put("customer.language", cu.language());
            vars.put("customer.account", cu.accountNumber());
            return new Goto(l.found(), "", vars, List.of());
        }
        if (node instanceof Node.Lookup) {
            Node.Lookup l = (Node.Lookup) node;
            if (!(o instanceof AgiOutcome.LookupAnswered)) {
                return unexpected(node, o);
            }
            AgiOutcome.LookupAnswered a = (AgiOutcome.LookupAnswered) o;
            Map<String, String> vars = new HashMap<>();
            vars.put(l.as() + ".status", a.status());
            vars.put(l.as() + ".count", Integer.toString(a.rows().size()));
            for (int i = 0; i < a.rows().size(); i++) {
                String row = l.as() + "." + (i + 1) + ".";
                a.rows().get(i).forEach((k, v) -> vars.put(row + k, v));
            }
            if (!a.reason().isEmpty()) {
                vars.put(l.as() + ".reason", a.reason());
            }
            String next = "found".equals(a.status()) ? l.found() : "none".equals(a.status()) ? l.none()
                    : l.unavailable();
            return new Goto(next, "", vars, List.of());
        }
        if (node instanceof Node.Http) {
            Node.Http h = (Node.Http) node;
            if (o instanceof AgiOutcome.HttpAnswered) {
                AgiOutcome.HttpAnswered a = (AgiOutcome.HttpAnswered) o;
                Map<String, String> vars = new HashMap<>();
                vars.put(h.as() + ".status", Integer.toString(a.status()));
                if (a.status() >= 200 && a.status() < 300) {
                    a.fields().forEach((k, v) -> vars.put(h.as() + "." + k, v));
                    return new Goto(h.next(), "", vars, List.of());
                }
                vars.put(h.as() + ".error", "status " + a.status());
                return new Goto(h.fallback(), "", vars, List.of());
            }
            if (o instanceof AgiOutcome.HttpFailed) {
                return new Goto(h.fallback(), "", Map.of(h.as() + ".error", ((AgiOutcome.HttpFailed) o).reason()),
                        List.of());
            }
            return unexpected(node, o);
        }
        if (node instanceof Node.SelfService) {
            Node.SelfService q = (Node.SelfService) node;
            if (!(o instanceof AgiOutcome.DataFound)) {
                return unexpected(node, o);
            }
            Optional<Map<String, String>> fields = ((AgiOutcome.DataFound) o).fields();
            if (fields.isEmpty()) {
                return new Goto(q.notFound(), "", Map.of(), List.of());
            }
            String prefix = q.query() == Node.Query.BALANCE ? "balance." : "order.";
            Map<String, String> vars = new HashMap<>();
            fields.get().forEach((k, v) -> vars.put(prefix + k, v));
            return new Goto(q.found(), "", vars, List.of());
        }
        if (node instanceof Node.Enqueue) {
            Node.Enqueue e = (Node.Enqueue) node;
            if (!(o instanceof AgiOutcome.EnqueueAnswered)) {
                return unexpected(node, o);
            }
            AgiOutcome.EnqueueAnswered a = (AgiOutcome.EnqueueAnswered) o;
            if (a.accepted()) {
                return new Finish(List.of(new IvrAction.SetChannelVariable("CC_NEXT", "hold")), ENQUEUED,
                        Map.of("queue", e.queue()));
            }
            return new Goto(e.fallback(), "", Map.of("enqueue.error", a.detail()), List.of());
        }
        return unexpected(node, o);
    }

    // ---- helpers ----

    private static Transition retry(IvrSession s, int retries, String fallback, String input, List<String> invalid,
                                    IvrAction.CollectDigits again) {
        int attempts = s.attempts() + 1;
        if (attempts > retries) {
            return new Goto(fallback, input, Map.of(), List.of());
        }
        List<IvrAction> actions = new ArrayList<>();
        if (!invalid.isEmpty()) {
            actions.add(new IvrAction.Play(invalid));
        }
        actions.add(again);
        return new Await(actions, attempts, Map.of());
    }

    static boolean valid(Node.Collect c, String d) {
        if (d.length() < c.minDigits() || d.length() > c.maxDigits() || d.isEmpty()) {
            return false;
        }
        if (c.pattern().isPresent() && !c.pattern().get().matcher(d).matches()) {
            return false;
        }
        return c.checksum().isEmpty() || c.checksum().get().accepts(d);
    }

    static String hours(Flow flow, Node.Hours h, Instant at) {
        ZonedDateTime local = at.atZone(flow.zone());
        LocalDate date = local.toLocalDate();
        JalaliDate jalali = JalaliDate.from(date);
        for (Node.Holiday hd : h.holidays()) {
            int y = hd.jalali() ? jalali.year() : date.getYear();
            int m = hd.jalali() ? jalali.month() : date.getMonthValue();
            int d = hd.jalali() ? jalali.day() : date.getDayOfMonth();
            if (m == hd.month() && d == hd.day() && (hd.year().isEmpty() || hd.year().get() == y)) {
                return h.onHoliday();
            }
        }
        LocalTime time = local.toLocalTime();
        for (Node.OpenHours o : h.open()) {
            if (o.day() == local.getDayOfWeek() && !time.isBefore(o.from()) && time.isBefore(o.to())) {
                return h.whenOpen();
            }
        }
        return h.whenClosed();
    }

    /** The fragments of a say node; a value that cannot be read as its kind is skipped (nothing is said for it). */
    static List<String> say(IvrSession s, Node.Say n, Instant at) {
        List<String> out = new ArrayList<>(n.before().in(s.language()));
        Speech speech = Speech.of(s.language());
        String value = Templates.fill(n.value(), s.variables()).trim();
        try {
            switch (n.kind()) {
                case NUMBER:
                    out.addAll(speech.number(new BigDecimal(value).longValue()));
                    break;
                case DIGITS:
                    out.addAll(speech.digits(value));
                    break;
                case DATE:
                    out.addAll(speech.date(value.isEmpty() ? at.atZone(s.flow().zone()).toLocalDate()
                            : LocalDate.parse(value)));
                    break;
                case TIME:
                    out.addAll(speech.time(value.isEmpty() ? at.atZone(s.flow().zone()).toLocalTime()
                            : LocalTime.parse(value)));
                    break;
                case MONEY:
                    out.addAll(speech.money(new BigDecimal(value),
                            Currency.parse(Templates.fill(n.currency(), s.variables()))));
                    break;
                default:
                    break;
            }
        } catch (RuntimeException unreadable) {
            // a lookup that returned nothing usable must not cut the call short; the after-prompt still plays
        }
        out.addAll(n.after().in(s.language()));
        return out;
    }

    private static Map<String, String> data(List<String> names, Map<String, String> vars) {
        if (names.isEmpty()) {
            return vars;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            if (vars.containsKey(n)) {
                out.put(n, vars.get(n));
            }
        }
        return out;
    }

    private static Transition await(IvrAction... actions) {
        return new Await(List.of(actions), 0, Map.of());
    }

    private static Transition unexpected(Node node, AgiOutcome o) {
        return failed("node '" + node.id() + "' cannot use " + o.getClass().getSimpleName());
    }

    private static Transition failed(String why) {
        return new Finish(List.of(), FAILED, Map.of("failure", why));
    }

    /** What entering or resuming a node leads to. */
    private interface Transition {}

    /** Go on to another node now, having learned {@code vars} and with {@code effects} to run first. */
    private static final class Goto implements Transition {
        final String node;
        final String input;
        final Map<String, String> vars;
        final List<IvrAction> effects;

        Goto(String node, String input, Map<String, String> vars, List<IvrAction> effects) {
            this.node = node;
            this.input = input;
            this.vars = vars;
            this.effects = effects;
        }
    }

    /** Stay at the current node and wait for the outcome of {@code actions}. */
    private static final class Await implements Transition {
        final List<IvrAction> actions;
        final int attempts;
        final Map<String, String> vars;

        Await(List<IvrAction> actions, int attempts, Map<String, String> vars) {
            this.actions = actions;
            this.attempts = attempts;
            this.vars = vars;
        }
    }

    /** The session ends after {@code actions}. */
    private static final class Finish implements Transition {
        final List<IvrAction> actions;
        final String outcome;
        final Map<String, String> vars;

        Finish(List<IvrAction> actions, String outcome, Map<String, String> vars) {
            this.actions = actions;
            this.outcome = outcome;
            this.vars = vars;
        }
    }
}
