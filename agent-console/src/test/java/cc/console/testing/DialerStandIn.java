package cc.console.testing;

import cc.core.contract.BuildSegmentList;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignList;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignReportQuery;
import cc.core.contract.CampaignView;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ContactListIndex;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ImportContactList;
import cc.core.contract.ListCampaigns;
import cc.core.contract.ListContactLists;
import cc.core.contract.SaveCampaign;
import cc.core.testkit.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The dialer's side of {@link DialerAddresses} for the console's tests: a stand-in at the module boundary (the console
 * must not depend on the dialer module). It answers every request the way the contract's javadoc says, validating
 * each field and failing with 400 (a wrong value, naming the field), 404 (unknown campaign) or 409 (not in a state
 * for it), so the console's pass-through is tested against real refusals. It keeps campaigns and lists in memory;
 * segments are matched against five fixed customers; the report's figures are fixed per day, with money computed
 * from the campaign's prices. Every request is kept in {@link #requests} so tests can check {@code byUser}.
 */
public final class DialerStandIn {
    /** A customer the segment conditions run over. */
    record Customer(String name, String phone, String segment, String language, String timeZone,
                    Map<String, Double> scores, int daysSinceLastContact) {}

    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("مریم کریمی", "09121112233", "gold", "fa", "Asia/Tehran", Map.of("value", 0.91, "churnRisk", 0.2), 40),
            new Customer("Reza Ahmadi", "09122223344", "gold", "fa", "Asia/Tehran", Map.of("value", 0.85, "churnRisk", 0.7), 12),
            new Customer("Sara Mohammadi", "09123334455", "gold", "en", "Asia/Tehran", Map.of("value", 0.55, "churnRisk", 0.4), 90),
            new Customer("Hossein Rahimi", "09124445566", "silver", "fa", "Asia/Tehran", Map.of("value", 0.62, "churnRisk", 0.1), 5),
            new Customer("Nina Novak", "02071234567", "silver", "en", "Europe/London", Map.of("value", 0.30, "churnRisk", 0.9), 200));

    private static final Set<String> MODES = Set.of("PREVIEW", "PROGRESSIVE", "PREDICTIVE");
    private static final Set<String> OUTCOMES = Set.of("BUSY", "NO_ANSWER", "MACHINE", "ABANDONED", "FAILED");
    private static final Set<String> REGULATORS = Set.of("US-TSR", "UK-Ofcom");
    private static final Set<String> MACHINE_ACTIONS = Set.of("HANGUP", "MESSAGE", "AGENT");
    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "in");

    /** Every request received, in order. */
    public final List<Record> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CampaignView> campaigns = new LinkedHashMap<>();
    private final Map<String, ContactListIndex.Entry> lists = new LinkedHashMap<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    private DialerStandIn() {}

    /** Answers the dialer's addresses on this Vert.x until {@link #unregister()}. */
    public static DialerStandIn register(Vertx vertx) {
        DialerStandIn d = new DialerStandIn();
        d.on(vertx, DialerAddresses.CAMPAIGN_LIST, (ListCampaigns q) -> d.list());
        d.on(vertx, DialerAddresses.CAMPAIGN_SAVE, d::save);
        d.on(vertx, DialerAddresses.CAMPAIGN_CONTROL, d::control);
        d.on(vertx, DialerAddresses.CAMPAIGN_REPORT, d::report);
        d.on(vertx, DialerAddresses.LIST_FROM_SEGMENT, d::segment);
        d.on(vertx, DialerAddresses.LIST_IMPORT, d::importCsv);
        d.on(vertx, DialerAddresses.LIST_INDEX, (ListContactLists q) -> d.index());
        return d;
    }

    /** Stops answering, as when the dialer is down. */
    public void unregister() {
        Await.result(Future.all(consumers.stream().map(MessageConsumer::unregister).toList()));
        consumers.clear();
    }

    /** The latest request of this type. */
    public <T extends Record> T last(Class<T> type) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (type.isInstance(requests.get(i))) {
                return type.cast(requests.get(i));
            }
        }
        throw new AssertionError("the dialer received no " + type.getSimpleName());
    }

    /** Sets a campaign's figures as a running dialer would report them. */
    public synchronized void progress(String campaignId, long dialled, int inFlight, int remaining, double abandonRate) {
        CampaignView v = campaigns.get(campaignId);
        campaigns.put(campaignId, new CampaignView(v.definition(), v.status(), v.contacts(), dialled, inFlight,
                remaining, abandonRate, v.changedAt()));
    }

    /** A refusal carried back to the requester with its status, as the dialer replies. */
    private static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private <Q extends Record> void on(Vertx vertx, String address, Function<Q, Record> handler) {
        consumers.add(vertx.eventBus().<Q>consumer(address, (Message<Q> m) -> {
            requests.add(m.body());
            try {
                Record reply;
                synchronized (this) {
                    reply = handler.apply(m.body());
                }
                m.reply(reply);
            } catch (Refused r) {
                m.fail(r.status, r.getMessage());
            }
        }));
        Await.result(consumers.get(consumers.size() - 1).completion());
    }

    private static Refused bad(String message) {
        return new Refused(400, message);
    }

    // ---- campaigns ----

    private CampaignList list() {
        return new CampaignList(List.copyOf(campaigns.values()));
    }

    private CampaignView save(SaveCampaign s) {
        CampaignDefinition d = s.definition();
        validate(d);
        CampaignView old = campaigns.get(d.id());
        if (old != null && old.status().equals("RUNNING")) {
            throw new Refused(409, "campaign " + d.id() + " is RUNNING; pause it before changing it");
        }
        int contacts = d.listIds().stream().mapToInt(id -> lists.get(id).contacts()).sum();
        CampaignView v = new CampaignView(d, old == null ? "DRAFT" : old.status(), contacts, 0, 0, contacts, 0,
                old == null ? Instant.now() : old.changedAt());
        campaigns.put(d.id(), v);
        return v;
    }

    private void validate(CampaignDefinition d) {
        if (!d.id().matches("[A-Za-z0-9_-]{1,64}")) {
            throw bad("id: letters, digits, '-' and '_' only (1 to 64)");
        }
        if (d.name().isBlank()) {
            throw bad("name: required");
        }
        if (d.listIds().isEmpty()) {
            throw bad("listIds: choose at least one call list");
        }
        for (String id : d.listIds()) {
            if (!lists.containsKey(id)) {
                throw bad("listIds: no call list '" + id + "'");
            }
        }
        if (!MODES.contains(d.mode())) {
            throw bad("mode: must be PREVIEW, PROGRESSIVE or PREDICTIVE");
        }
        if (d.lastDay().isBefore(d.firstDay())) {
            throw bad("lastDay: must not be before firstDay");
        }
        if (!d.closes().isAfter(d.opens())) {
            throw bad("closes: must be after opens");
        }
        d.retryDelays().forEach((outcome, delay) -> {
            if (!OUTCOMES.contains(outcome)) {
                throw bad("retryDelays: unknown outcome '" + outcome + "'");
            }
            if (delay.isNegative()) {
                throw bad("retryDelays." + outcome + ": must not be negative");
            }
        });
        if (d.maxAttempts() < 1) {
            throw bad("maxAttempts: must be at least 1");
        }
        if (d.currency() == null || !d.currency().matches("[A-Z]{3}")) {
            throw bad("currency: an ISO 4217 code such as IRR");
        }
        Map<String, BigDecimal> money = Map.of("costPerDial", d.costPerDial(), "costPerMinute", d.costPerMinute(),
                "revenuePerConversion", d.revenuePerConversion());
        money.forEach((field, amount) -> {
            if (amount == null || amount.signum() < 0) {
                throw bad(field + ": must not be negative");
            }
        });
        if (!REGULATORS.contains(d.regulator())) {
            throw bad("regulator: must be US-TSR or UK-Ofcom");
        }
        if (d.maxLines() < 1) {
            throw bad("maxLines: must be at least 1");
        }
        if (d.queue() == null || d.queue().isBlank()) {
            throw bad("queue: required");
        }
        if (!MACHINE_ACTIONS.contains(d.machineAction())) {
            throw bad("machineAction: must be HANGUP, MESSAGE or AGENT");
        }
        if (!CampaignDefinition.RECORDING_CHOICES.contains(d.recording())) {
            throw bad("recording: must be inherit, always, never or on-demand");
        }
    }

    private CampaignView control(ControlCampaign c) {
        CampaignView v = campaigns.get(c.campaignId());
        if (v == null) {
            throw new Refused(404, "no campaign " + c.campaignId());
        }
        String next;
        switch (c.action()) {
            case "START":
                if (v.status().equals("STOPPED") || v.status().equals("FINISHED")) {
                    throw new Refused(409, "campaign " + c.campaignId() + " is " + v.status() + "; it cannot start again");
                }
                next = "RUNNING";
                break;
            case "PAUSE":
                if (!v.status().equals("RUNNING")) {
                    throw new Refused(409, "campaign " + c.campaignId() + " is " + v.status() + ", not RUNNING");
                }
                next = "PAUSED";
                break;
            case "STOP":
                if (v.status().equals("STOPPED")) {
                    throw new Refused(409, "campaign " + c.campaignId() + " is already STOPPED");
                }
                next = "STOPPED";
                break;
            default:
                throw bad("action: must be START, PAUSE or STOP");
        }
        CampaignView changed = new CampaignView(v.definition(), next, v.contacts(), v.dialled(), v.inFlight(),
                v.remaining(), v.abandonRateWindow(), Instant.now());
        campaigns.put(c.campaignId(), changed);
        return changed;
    }

    /** 120 dials, 30 live answers (29 connected, 1 abandoned), 4 conversions a day, priced by the definition. */
    private CampaignReport report(CampaignReportQuery q) {
        CampaignView v = campaigns.get(q.campaignId());
        if (v == null) {
            throw new Refused(404, "no campaign " + q.campaignId());
        }
        if (q.to().isBefore(q.from())) {
            throw bad("to: must not be before from");
        }
        CampaignDefinition d = v.definition();
        List<CampaignReport.Day> days = new ArrayList<>();
        for (LocalDate day = q.from(); !day.isAfter(q.to()); day = day.plusDays(1)) {
            long dials = 120;
            long talkMinutes = 58;
            long conversions = 4;
            BigDecimal cost = d.costPerDial().multiply(BigDecimal.valueOf(dials))
                    .add(d.costPerMinute().multiply(BigDecimal.valueOf(talkMinutes)));
            BigDecimal revenue = d.revenuePerConversion().multiply(BigDecimal.valueOf(conversions));
            days.add(new CampaignReport.Day(day, dials, 30, 29, 1, 0, 1 / 30.0, 0.021, 1 / 30.0, talkMinutes,
                    1.25, talkMinutes / 1.25, conversions, d.currency(), cost, revenue,
                    cost.signum() == 0 ? java.util.Optional.empty()
                            : java.util.Optional.of(revenue.subtract(cost).divide(cost, 4, RoundingMode.HALF_EVEN))));
        }
        return new CampaignReport(q.campaignId(), days);
    }

    // ---- call lists ----

    private ContactListIndex index() {
        List<ContactListIndex.Entry> newestFirst = new ArrayList<>(lists.values());
        java.util.Collections.reverse(newestFirst);
        return new ContactListIndex(newestFirst);
    }

    private void checkNewList(String listId, String name) {
        if (!listId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw bad("listId: letters, digits, '-' and '_' only (1 to 64)");
        }
        if (name.isBlank()) {
            throw bad("name: required");
        }
        if (lists.containsKey(listId)) {
            throw new Refused(409, "listId: a call list '" + listId + "' exists");
        }
    }

    private ContactListBuilt segment(BuildSegmentList b) {
        checkNewList(b.listId(), b.name());
        if (b.limit() < 0) {
            throw bad("limit: must not be negative");
        }
        List<Customer> matched = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < b.conditions().size(); i++) {
            BuildSegmentList.Condition c = b.conditions().get(i);
            if (!OPERATORS.contains(c.operator())) {
                throw bad("conditions[" + i + "].operator: one of = != < <= > >= in");
            }
            int at = i;
            matched.removeIf(x -> !holds(x, c, at));
        }
        matched.sort(Comparator.comparingDouble((Customer x) -> x.scores().getOrDefault("value", 0.0)).reversed());
        if (b.limit() > 0 && matched.size() > b.limit()) {
            matched = matched.subList(0, b.limit());
        }
        List<String> sample = matched.stream().limit(5).map(x -> x.name() + " <" + x.phone() + ">").toList();
        if (!b.preview()) {
            lists.put(b.listId(), new ContactListIndex.Entry(b.listId(), b.name(), "segment", matched.size(),
                    Instant.now(), b.byUser()));
        }
        return new ContactListBuilt(b.listId(), b.name(), !b.preview(), matched.size(), matched.size(), 0, List.of(),
                sample);
    }

    private static boolean holds(Customer x, BuildSegmentList.Condition c, int i) {
        String field = c.field();
        if (field.startsWith("score.") || field.equals("daysSinceLastContact")) {
            double actual = field.equals("daysSinceLastContact") ? x.daysSinceLastContact()
                    : x.scores().getOrDefault(field.substring("score.".length()), 0.0);
            if (c.operator().equals("in")) {
                throw bad("conditions[" + i + "].operator: 'in' is for text fields");
            }
            double wanted;
            try {
                wanted = Double.parseDouble(c.value());
            } catch (NumberFormatException e) {
                throw bad("conditions[" + i + "].value: '" + c.value() + "' is not a number");
            }
            int cmp = Double.compare(actual, wanted);
            switch (c.operator()) {
                case "=": return cmp == 0;
                case "!=": return cmp != 0;
                case "<": return cmp < 0;
                case "<=": return cmp <= 0;
                case ">": return cmp > 0;
                default: return cmp >= 0;
            }
        }
        String actual;
        switch (field) {
            case "segment": actual = x.segment(); break;
            case "language": actual = x.language(); break;
            case "timeZone": actual = x.timeZone(); break;
            default: throw bad("conditions[" + i + "].field: unknown field '" + field + "'");
        }
        switch (c.operator()) {
            case "=": return actual.equals(c.value());
            case "!=": return !actual.equals(c.value());
            case "in": return List.of(c.value().split("\\s*,\\s*")).contains(actual);
            default: throw bad("conditions[" + i + "].operator: only = != in for " + field);
        }
    }

    /** Plain comma-separated fields (the tests' files have no quoted commas); line 1 is the header. */
    private ContactListBuilt importCsv(ImportContactList in) {
        checkNewList(in.listId(), in.name());
        String[] lines = in.csv().split("\r?\n");
        List<String> header = List.of(lines[0].split("\\s*,\\s*", -1)).stream().map(String::strip).toList();
        int phone = header.indexOf("phone");
        if (phone < 0) {
            throw bad("csv: the header row needs a phone column");
        }
        int name = header.indexOf("name");
        int rows = 0;
        int duplicates = 0;
        Set<String> seen = new HashSet<>();
        List<ContactListBuilt.Problem> problems = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            rows++;
            String[] f = lines[n].split(",", -1);
            if (f.length != header.size()) {
                problems.add(new ContactListBuilt.Problem(n + 1, "has " + f.length + " fields, the header has "
                        + header.size(), lines[n]));
                continue;
            }
            String number = f[phone].strip().replaceAll("[\\s-]", "");
            if (!number.matches("\\+?[0-9]{8,15}")) {
                problems.add(new ContactListBuilt.Problem(n + 1, "phone: '" + f[phone].strip()
                        + "' is not a phone number", lines[n]));
                continue;
            }
            if (!seen.add(number)) {
                duplicates++;
                continue;
            }
            accepted.add((name < 0 ? "" : f[name].strip()) + " <" + number + ">");
        }
        lists.put(in.listId(), new ContactListIndex.Entry(in.listId(), in.name(), "csv", accepted.size(),
                Instant.now(), in.byUser()));
        return new ContactListBuilt(in.listId(), in.name(), true, rows, accepted.size(), duplicates, problems,
                accepted.stream().limit(5).toList());
    }
}
