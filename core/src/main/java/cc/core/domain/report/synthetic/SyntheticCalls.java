package cc.core.domain.report.synthetic;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import cc.core.domain.report.StateSpell;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Days of inbound calls of a contact center and its agents' state spells, generated from a seed (each day from the
 * seed and its date, so any day is the same whatever else was generated). Calls arrive by a daily curve (quiet
 * nights, peaks late morning and afternoon, a quiet Friday); some are served by the IVR, the others queue: answered
 * after ringing an agent (talk, sometimes hold or a transfer, wrap-up, sometimes a survey answer), abandoned (some
 * within seconds), or overflowed to the next queue after the wait limit. Callers are the customers
 * {@code 1..customers} (as {@code SyntheticHistory} numbers them; a few popular ones call often, so repeats within
 * days happen) or unidentified numbers. Agents work shifts (night, early, late), take breaks, lunch and training,
 * and take calls only when free: their spells (logged-out, available, ringing, on-call, wrap-up, paused) are the
 * same story as the calls.
 */
public final class SyntheticCalls {
    /** Share of a day's calls by local hour. */
    private static final double[] HOURLY = {0.4, 0.3, 0.2, 0.2, 0.2, 0.4, 1, 2.5, 5, 7.5, 9, 9, 7, 6.5, 7.5, 8, 8.5,
            7.5, 6, 4.5, 3.5, 2.5, 1.5, 0.8};
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(150);
    private static final List<String> PAUSES = List.of("break", "lunch", "break", "training");
    private static final List<String> SELF_SERVICE = List.of("balance", "order-status", "opening-hours");

    /**
     * What to generate.
     *
     * @param callsPerDay the mean on a weekday (a Friday has a third of it)
     * @param agents      at least two per queue
     */
    public record Shape(double callsPerDay, int queues, int agents, int customers) {
        public Shape {
            if (callsPerDay <= 0 || queues < 1 || agents < 2 * queues || customers < 1) {
                throw new IllegalArgumentException("calls, queues, customers positive; at least two agents a queue");
            }
        }

        /** Enough agents for the calls (about one per hundred calls a day), queues and customers to match. */
        public static Shape of(double callsPerDay) {
            int queues = callsPerDay < 500 ? 3 : 8;
            int agents = Math.max(2 * queues, (int) Math.ceil(callsPerDay / 90));
            return new Shape(callsPerDay, queues, agents, (int) Math.max(200, callsPerDay * 8));
        }
    }

    /** A generated day: its calls in the order of their offer, and its agents' spells (within the day). */
    public record Day(LocalDate date, List<Interaction> calls, List<StateSpell> spells) {}

    private final long seed;
    private final ZoneId zone;
    private final Shape shape;
    private final List<String> queues = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();

    public SyntheticCalls(long seed, ZoneId zone, Shape shape) {
        this.seed = seed;
        this.zone = zone;
        this.shape = shape;
        for (int i = 0; i < shape.queues(); i++) {
            queues.add(List.of("sales", "support", "billing", "vip", "retention", "tech", "orders", "claims")
                    .get(i % 8) + (i < 8 ? "" : "-" + i / 8));
        }
        for (int i = 0; i < shape.agents(); i++) {
            agents.add(String.format(Locale.ROOT, "agent-%03d", i));
        }
    }

    /** Calls to the given queues, answered by the given agents (a center's configured ones, for its demo). */
    public SyntheticCalls(long seed, ZoneId zone, double callsPerDay, int customers, List<String> queueIds,
                          List<String> agentIds) {
        this.seed = seed;
        this.zone = zone;
        this.shape = new Shape(callsPerDay, queueIds.size(), agentIds.size(), customers);
        queues.addAll(queueIds);
        agents.addAll(agentIds);
    }

    public List<String> queues() {
        return List.copyOf(queues);
    }

    public String agentId(int i) {
        return agents.get(i);
    }

    public Day day(LocalDate date) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + date.toEpochDay());
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Agent> agents = agents(date, start, end, rng);
        double mean = shape.callsPerDay() * (date.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 0.35 : 1.0);
        int count = (int) Math.max(0, Math.round(mean * (0.9 + 0.2 * rng.nextDouble())));
        double total = 0;
        for (double h : HOURLY) {
            total += h;
        }
        List<Instant> arrivals = new ArrayList<>(count);
        long daySeconds = Duration.between(start, end).getSeconds();
        for (int i = 0; i < count; i++) {
            double pick = rng.nextDouble() * total;
            int hour = 0;
            while (pick > HOURLY[hour] && hour < 23) {
                pick -= HOURLY[hour++];
            }
            long at = Math.min(daySeconds - 1, hour * 3600L + rng.nextInt(3600));
            arrivals.add(start.plusSeconds(at).plusMillis(rng.nextInt(1000)));
        }
        arrivals.sort(Comparator.naturalOrder());
        List<Interaction> calls = new ArrayList<>(count);
        for (int i = 0; i < arrivals.size(); i++) {
            calls.add(call(String.format(Locale.ROOT, "syn-%s-%06d", date, i), arrivals.get(i), agents, end, rng));
        }
        List<StateSpell> spells = new ArrayList<>();
        for (Agent a : agents) {
            a.close(end, spells);
        }
        return new Day(date, calls, spells);
    }

    private List<Agent> agents(LocalDate date, Instant start, Instant end, SplittableRandom rng) {
        List<Agent> out = new ArrayList<>();
        for (int i = 0; i < shape.agents(); i++) {
            String primary = queues.get(i % queues.size());
            String second = rng.nextDouble() < 0.3 ? queues.get((i + 1) % queues.size()) : primary;
            // 1 in 12 at night, then early and late shifts; one day off a week each
            boolean off = (date.getDayOfWeek().getValue() + i) % 7 == 0;
            int from = i % 12 == 0 ? 0 : i % 2 == 0 ? 7 : 14;
            int hours = i % 12 == 0 ? 8 : 9;
            Instant login = start.plus(Duration.ofHours(from)).plusSeconds(rng.nextInt(600));
            Instant logout = login.plus(Duration.ofHours(hours));
            if (logout.isAfter(end.minus(Duration.ofMinutes(45)))) {
                logout = end.minus(Duration.ofMinutes(45));
            }
            Agent a = new Agent(agentId(i), primary, second, start, off ? end : login, off ? end : logout);
            if (!off) {
                for (int p = 0; p < PAUSES.size(); p++) {
                    String reason = PAUSES.get(p);
                    if (reason.equals("training") && rng.nextDouble() < 0.7) {
                        continue;
                    }
                    a.pauses.add(new Pause(login.plus(Duration.ofMinutes(100L * (p + 1) + rng.nextInt(30))), reason,
                            Duration.ofMinutes(reason.equals("lunch") ? 30 : 15).plusSeconds(rng.nextInt(120))));
                }
            }
            out.add(a);
        }
        return out;
    }

    private Interaction call(String id, Instant at, List<Agent> agents, Instant dayEnd, SplittableRandom rng) {
        boolean known = rng.nextDouble() < 0.75;
        // a skewed pick: low ids (popular customers) call much more often
        long customer = 1 + (long) (shape.customers() * Math.pow(rng.nextDouble(), 2.5));
        String number = known ? String.format(Locale.ROOT, "09%09d", 120_000_000L + customer)
                : String.format(Locale.ROOT, "09%09d", 300_000_000L + rng.nextInt(Math.max(1, shape.customers() * 3)));
        Interaction c = Interaction.newCall(id, Direction.INBOUND, "pbx", id, number, "", "02100000", at);
        if (known) {
            c = c.withCustomer(customer);
        }
        Instant menu = at.plusSeconds(6 + rng.nextInt(6));
        c = c.withIvrStep(new IvrStep("welcome", "", at)).withIvrStep(new IvrStep("menu", "", menu));
        double kind = rng.nextDouble();
        if (kind < 0.25) {
            String node = SELF_SERVICE.get(rng.nextInt(SELF_SERVICE.size()));
            Instant done = menu.plusSeconds(10 + rng.nextInt(60));
            boolean completed = rng.nextDouble() < 0.8;
            return c.withIvrInput("menu", String.valueOf(1 + SELF_SERVICE.indexOf(node)))
                    .withIvrStep(new IvrStep(node, "", menu.plusSeconds(2)))
                    .withSegment(new Segment(SegmentKind.IVR, at, Optional.of(done), "", "", "main",
                            completed ? Segment.COMPLETED : Segment.CALLER_HUNG_UP, ""))
                    .answered(at).ended(done, "normal");
        }
        if (kind < 0.28) {
            Instant gone = at.plusSeconds(2 + rng.nextInt(8));
            return c.withSegment(new Segment(SegmentKind.IVR, at, Optional.of(gone), "", "", "main",
                    Segment.CALLER_HUNG_UP, "")).answered(at).ended(gone, "normal");
        }
        int q = (int) Math.min(queues.size() - 1, queues.size() * Math.pow(rng.nextDouble(), 1.5));
        Instant enter = menu.plusSeconds(3 + rng.nextInt(5));
        c = c.withIvrInput("menu", String.valueOf(q + 4)).withIvrStep(new IvrStep("to-" + queues.get(q), "",
                        enter))
                .withSegment(new Segment(SegmentKind.IVR, at, Optional.of(enter), "", "", "main", Segment.ENQUEUED,
                        "")).answered(at);
        Duration patience = Duration.ofMillis((long) (1_000 + -Math.log(1 - rng.nextDouble()) * 100_000));
        return queue(c, q, enter, enter.plus(patience), agents, dayEnd, rng, true);
    }

    private Interaction queue(Interaction c, int q, Instant enter, Instant givesUp, List<Agent> agents,
                              Instant dayEnd, SplittableRandom rng, boolean mayOverflow) {
        String queue = queues.get(q);
        Agent best = null;
        Instant ready = Instant.MAX;
        for (Agent a : agents) {
            if (a.serves(queue)) {
                Instant free = a.freeFor(enter);
                if (free.isBefore(a.logout) && free.isBefore(ready)) {
                    best = a;
                    ready = free;
                }
            }
        }
        Duration ring = Duration.ofMillis(2_000 + rng.nextInt(6_000));
        Instant answer = best == null ? Instant.MAX : ready.plus(ring);
        Instant limit = enter.plus(WAIT_LIMIT);
        if (mayOverflow && queues.size() > 1 && answer.isAfter(limit) && givesUp.isAfter(limit)) {
            int next = (q + 1) % queues.size();
            c = c.withSegment(new Segment(SegmentKind.QUEUE, enter, Optional.of(limit), "", queue, "", Segment.OVERFLOW,
                    "queue:" + queues.get(next) + " wait-limit")).withQueue(queues.get(next));
            return queue(c, next, limit, givesUp, agents, dayEnd, rng, false);
        }
        if (answer.isAfter(givesUp)) {
            return c.withQueue(queue).withSegment(new Segment(SegmentKind.QUEUE, enter, Optional.of(givesUp), "",
                    queue, "", Segment.ABANDONED, "")).ended(givesUp, "normal");
        }
        Instant ringAt = ready.isBefore(enter) ? enter : ready;
        Duration talk = Duration.ofMillis((long) Math.min(1_200_000, 20_000 - Math.log(1 - rng.nextDouble()) * 200_000));
        Instant talkEnd = answer.plus(talk);
        Duration wrap = Duration.ofMillis(5_000 + rng.nextInt(60_000));
        c = c.withQueue(queue).withAgent(best.id)
                .withSegment(new Segment(SegmentKind.QUEUE, enter, Optional.of(answer), "", queue, "",
                        Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.OFFER, ringAt, Optional.of(answer), best.id, queue, "",
                        Segment.ANSWERED, ""))
                .withSegment(new Segment(SegmentKind.TALK, answer, Optional.of(talkEnd), best.id, queue, "",
                        rng.nextBoolean() ? Segment.CALLER_HUNG_UP : Segment.AGENT_HUNG_UP, ""));
        if (rng.nextDouble() < 0.15 && talk.getSeconds() > 40) {
            Instant h = answer.plusSeconds(10 + rng.nextInt((int) talk.getSeconds() - 35));
            c = c.withSegment(new Segment(SegmentKind.HOLD, h, Optional.of(h.plusSeconds(5 + rng.nextInt(20))),
                    best.id, "", "", "resumed", ""));
        }
        if (rng.nextDouble() < 0.05) {
            c = c.withSegment(new Segment(SegmentKind.TRANSFER, talkEnd, Optional.of(talkEnd), best.id, "", "",
                    "transferred", "number:02188880000"));
        }
        c = c.withSegment(new Segment(SegmentKind.WRAP_UP, talkEnd, Optional.of(talkEnd.plus(wrap)), best.id, "", "",
                Segment.ENDED, ""));
        best.busy(ringAt, answer, talkEnd, talkEnd.plus(wrap));
        double outcome = rng.nextDouble();
        c = c.withDisposition(outcome < 0.6 ? "resolved" : outcome < 0.85 ? "follow-up" : "sale", "");
        if (rng.nextDouble() < 0.3) {
            c = c.withSatisfaction(Math.min(5, 1 + (int) (5 * Math.sqrt(rng.nextDouble()))));
        }
        return c.ended(talkEnd, "normal");
    }

    private record Pause(Instant plannedAt, String reason, Duration length) {}

    /** One agent's day: shift, planned pauses, and the state changes so far (always in time order). */
    private static final class Agent {
        final String id;
        final String primary;
        final String second;
        final Instant dayStart;
        final Instant login;
        final Instant logout;
        final List<Pause> pauses = new ArrayList<>();
        final List<Instant> at = new ArrayList<>();
        final List<String> states = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        Instant freeAt;

        Agent(String id, String primary, String second, Instant dayStart, Instant login, Instant logout) {
            this.id = id;
            this.primary = primary;
            this.second = second;
            this.dayStart = dayStart;
            this.login = login;
            this.logout = logout;
            this.freeAt = login;
            change(dayStart, "logged-out", "");
            change(login, "available", "");
        }

        boolean serves(String queue) {
            return queue.equals(primary) || queue.equals(second);
        }

        /** When the agent could take a call that comes at {@code t}, after taking the pauses due by then. */
        Instant freeFor(Instant t) {
            while (!pauses.isEmpty()) {
                Pause p = pauses.get(0);
                Instant now = freeAt.isAfter(t) ? freeAt : t;
                if (p.plannedAt.isAfter(now)) {
                    break;
                }
                pauses.remove(0);
                Instant from = freeAt.isAfter(p.plannedAt) ? freeAt : p.plannedAt;
                if (!from.isBefore(logout)) {
                    continue;
                }
                change(from, "paused", p.reason);
                freeAt = from.plus(p.length);
                change(freeAt, "available", "");
            }
            return freeAt.isAfter(t) ? freeAt : t;
        }

        void busy(Instant ring, Instant answer, Instant talkEnd, Instant wrapEnd) {
            change(ring, "ringing", "");
            change(answer, "on-call", "");
            change(talkEnd, "wrap-up", "");
            change(wrapEnd, "available", "");
            freeAt = wrapEnd;
        }

        private void change(Instant when, String state, String reason) {
            if (!at.isEmpty() && at.get(at.size() - 1).equals(when)) {
                at.remove(at.size() - 1);
                states.remove(states.size() - 1);
                reasons.remove(reasons.size() - 1);
            }
            at.add(when);
            states.add(state);
            reasons.add(reason);
        }

        /** The day's spells: the pauses still due before logout taken, logged out from then to the day's end. */
        void close(Instant dayEnd, List<StateSpell> out) {
            freeFor(logout.minusSeconds(1));
            Instant off = freeAt.isAfter(logout) ? freeAt : logout;
            if (off.isBefore(dayEnd)) {
                change(off, "logged-out", "");
            }
            for (int i = 0; i < at.size(); i++) {
                Instant end = i + 1 < at.size() ? at.get(i + 1) : dayEnd;
                if (end.isAfter(at.get(i))) {
                    out.add(new StateSpell(id, states.get(i), reasons.get(i), at.get(i), Optional.of(end)));
                }
            }
        }
    }
}
