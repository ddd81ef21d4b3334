package cc.core.domain.report;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The queue report of a range {@code [from, to)}, built from interaction records fed one at a time in the order they
 * were offered ({@link #add}), then read with {@link #rows()} and {@link #ivr()}.
 *
 * <p>Feed the records offered in {@code [from, to + repeatContactDays)}: those after {@code to} only tell whether a
 * customer called again (first-contact resolution) and count nowhere else. Memory holds one tally per bucket and
 * queue plus the answered calls of the last {@code repeatContactDays}, not the range's records.
 */
public final class QueueReport {
    private final Instant from;
    private final Instant to;
    private final Buckets buckets;
    private Instant lastSlot;
    private Bucket lastSlotBucket;
    private final ReportSettings settings;
    private final Optional<String> onlyQueue;
    private final Map<String, Map<Bucket, Tally>> tallies = new TreeMap<>();
    private final Map<List<String>, long[]> ivr = new HashMap<>();
    private final Map<List<String>, Bucket> ivrBuckets = new HashMap<>();
    /** Answered calls still inside their repeat window, oldest first, and the same by customer key. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<String, List<Pending>> pendingByKey = new HashMap<>();
    private Instant last = Instant.MIN;

    public QueueReport(Instant from, Instant to, Buckets buckets, ReportSettings settings, Optional<String> onlyQueue) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the range must end after it starts: " + from + " .. " + to);
        }
        this.from = from;
        this.to = to;
        this.buckets = buckets;
        this.settings = settings;
        this.onlyQueue = onlyQueue;
        onlyQueue.ifPresent(q -> tallies.put(q, new TreeMap<>()));
    }

    /** The end of what must be fed: the range's end plus the repeat window. */
    public Instant readUntil() {
        return to.plus(settings.repeatWindow());
    }

    /** Counts one record; records must come in the order of their offer. */
    public void add(Interaction call) {
        if (call.offeredAt().isBefore(last)) {
            throw new IllegalArgumentException("records must come in the order of their offer: " + call.id());
        }
        last = call.offeredAt();
        expire(call.offeredAt());
        Optional<String> key = customerKey(call);
        if (key.isPresent() && call.direction() == Direction.INBOUND) {
            repeated(key.get(), call.offeredAt());
        }
        if (call.offeredAt().isBefore(from) || !call.offeredAt().isBefore(to)) {
            return;
        }
        Bucket bucket = buckets.of(call.offeredAt());
        countQueues(call, bucket, key);
        countIvr(call, bucket);
    }

    private void countQueues(Interaction call, Bucket bucket, Optional<String> key) {
        // first-contact resolution belongs to the last queue that answered, whichever queues the report shows, so a
        // queue's figures are the same in its own report and in the report of all queues
        String resolvedIn = "";
        for (Segment s : call.segments()) {
            if (s.kind() == SegmentKind.QUEUE && s.outcome().equals(Segment.ANSWERED) && !s.queue().isEmpty()) {
                resolvedIn = s.queue();
            }
            if (s.kind() != SegmentKind.QUEUE || !wanted(s.queue())) {
                continue;
            }
            Tally t = tally(s.queue(), bucket);
            t.offered++;
            Duration wait = s.duration().orElse(Duration.ZERO);
            switch (s.outcome()) {
                case Segment.ANSWERED:
                    t.answered++;
                    t.answerWait = t.answerWait.plus(wait);
                    if (wait.compareTo(settings.thresholdOf(s.queue())) <= 0) {
                        t.answeredInThreshold++;
                    }
                    break;
                case Segment.ABANDONED:
                    t.abandoned++;
                    if (wait.compareTo(settings.shortAbandon()) < 0) {
                        t.shortAbandoned++;
                    }
                    break;
                case Segment.OVERFLOW:
                    t.overflowed++;
                    break;
                default:
                    break;
            }
        }
        // talk by its queue; hold, wrap-up and transfers by the queue of the agent's conversation before them
        Map<String, String> agentQueue = new HashMap<>();
        for (Segment s : call.segments()) {
            switch (s.kind()) {
                case TALK:
                    agentQueue.put(s.agentId(), s.queue());
                    if (wanted(s.queue()) && !s.queue().isEmpty()) {
                        Tally t = tally(s.queue(), bucket);
                        t.talk = t.talk.plus(s.duration().orElse(Duration.ZERO));
                    }
                    break;
                case HOLD:
                case WRAP_UP:
                case TRANSFER: {
                    String q = agentQueue.getOrDefault(s.agentId(), "");
                    if (q.isEmpty() || !wanted(q)) {
                        break;
                    }
                    Tally t = tally(q, bucket);
                    if (s.kind() == SegmentKind.TRANSFER) {
                        t.transfersOut++;
                    } else if (s.kind() == SegmentKind.HOLD) {
                        t.hold = t.hold.plus(s.duration().orElse(Duration.ZERO));
                    } else {
                        t.wrapUp = t.wrapUp.plus(s.duration().orElse(Duration.ZERO));
                    }
                    break;
                }
                default:
                    break;
            }
        }
        if (!resolvedIn.isEmpty() && wanted(resolvedIn) && key.isPresent()) {
            Tally t = tally(resolvedIn, bucket);
            t.resolvable++;
            remember(new Pending(key.get(), call.offeredAt(), resolvedIn, t));
        }
    }

    private void remember(Pending p) {
        pending.addLast(p);
        pendingByKey.computeIfAbsent(p.key, k -> new ArrayList<>(1)).add(p);
    }

    /**
     * Adds stored figures of a 15-minute slot (or of a whole day, when the report's buckets are days or longer) to
     * the bucket they fall in. Every figure is additive, so stored slots and streamed calls mix freely, each counted
     * once.
     */
    public void addTotals(Instant slotStart, String queue, QueueFigures figures) {
        if (wanted(queue)) {
            tally(queue, slot(slotStart)).add(figures);
        }
    }

    /** Adds stored IVR containment of a slot (as {@link #addTotals}); left out of a one-queue report. */
    public void addIvrTotals(Instant slotStart, String flow, String exitNode, long contained, long hungUp) {
        if (onlyQueue.isPresent()) {
            return;
        }
        Bucket bucket = slot(slotStart);
        List<String> k = List.of(bucket.label(), bucket.start().toString(), flow, exitNode);
        ivrBuckets.putIfAbsent(k, bucket);
        long[] n = ivr.computeIfAbsent(k, x -> new long[2]);
        n[0] += contained;
        n[1] += hungUp;
    }

    /**
     * Takes back into the open a stored answered call whose repeat window had not passed when its day was stored
     * (its figures counted it resolved): it is resolved again unless a later record fed here repeats it in time.
     * Feed these in the order of their offer, before the records offered after them.
     */
    public void addOpenFirstContact(OpenFirstContact c) {
        if (c.offeredAt().isBefore(last)) {
            throw new IllegalArgumentException("open first contacts must come before the records after them");
        }
        if (!wanted(c.queue())) {
            return;
        }
        Tally t = tally(c.queue(), buckets.of(c.offeredAt()));
        t.resolvedFirstTime--;
        remember(new Pending(c.contactKey(), c.offeredAt(), c.queue(), t));
    }

    /**
     * The answered calls not yet repeated whose repeat window reaches past the last record fed: what a store must
     * keep to settle their first-contact resolution later ({@link #addOpenFirstContact}). Ask before {@link #rows()}.
     */
    public List<OpenFirstContact> openFirstContacts() {
        List<OpenFirstContact> out = new ArrayList<>();
        for (Pending p : pending) {
            if (!p.repeated) {
                out.add(new OpenFirstContact(p.key, p.offeredAt, p.queue));
            }
        }
        return out;
    }

    private void countIvr(Interaction call, Bucket bucket) {
        boolean queued = call.segments().stream().anyMatch(s -> s.kind() == SegmentKind.QUEUE
                || s.kind() == SegmentKind.TALK || s.kind() == SegmentKind.TRANSFER);
        if (queued || onlyQueue.isPresent()) {
            return;
        }
        Optional<Segment> stay = call.segments().stream().filter(s -> s.kind() == SegmentKind.IVR)
                .reduce((a, b) -> b);
        if (stay.isEmpty()) {
            return;
        }
        boolean completed = stay.get().outcome().equals(Segment.COMPLETED);
        boolean hungUp = stay.get().outcome().equals(Segment.CALLER_HUNG_UP);
        if (!completed && !hungUp) {
            return;
        }
        List<IvrStep> path = call.ivrPath();
        String node = path.isEmpty() ? "" : path.get(path.size() - 1).node();
        List<String> k = List.of(bucket.label(), bucket.start().toString(), stay.get().flow(), node);
        ivrBuckets.putIfAbsent(k, bucket);
        long[] n = ivr.computeIfAbsent(k, x -> new long[2]);
        n[completed ? 0 : 1]++;
    }

    /** The bucket of a stored slot; stored rows come slot by slot, so the last one is kept. */
    private Bucket slot(Instant start) {
        if (!start.equals(lastSlot)) {
            lastSlot = start;
            lastSlotBucket = buckets.of(start);
        }
        return lastSlotBucket;
    }

    private boolean wanted(String queue) {
        return onlyQueue.map(queue::equals).orElse(!queue.isEmpty());
    }

    private Tally tally(String queue, Bucket bucket) {
        return tallies.computeIfAbsent(queue, q -> new TreeMap<>()).computeIfAbsent(bucket, b -> new Tally());
    }

    /** Calls answered longer ago than the repeat window were resolved: nobody called again in time. */
    private void expire(Instant now) {
        Instant horizon = now.minus(settings.repeatWindow());
        while (!pending.isEmpty() && pending.peekFirst().offeredAt.isBefore(horizon)) {
            Pending p = pending.pollFirst();
            if (!p.repeated) {
                p.tally.resolvedFirstTime++;
            }
            List<Pending> same = pendingByKey.get(p.key);
            same.remove(p);
            if (same.isEmpty()) {
                pendingByKey.remove(p.key);
            }
        }
    }

    private void repeated(String key, Instant at) {
        for (Pending p : pendingByKey.getOrDefault(key, List.of())) {
            if (p.offeredAt.isBefore(at)) {
                p.repeated = true;
            }
        }
    }

    /** Who a repeat contact is matched on: the customer once identified, else the caller's number. */
    public static Optional<String> customerKey(Interaction call) {
        if (call.customerId().isPresent()) {
            return Optional.of("customer:" + call.customerId().get());
        }
        return call.callerNumber().isBlank() ? Optional.empty() : Optional.of("number:" + call.callerNumber());
    }

    /**
     * The rows, by queue then bucket, every bucket of the range present for each queue seen (zeros where nothing
     * happened) so a chart has no gaps. Call it once, after everything up to {@link #readUntil()} was fed.
     */
    public List<ReportRow<QueueFigures>> rows() {
        expire(Instant.MAX);
        List<Bucket> all = buckets.covering(from, to);
        List<ReportRow<QueueFigures>> out = new ArrayList<>();
        for (Map.Entry<String, Map<Bucket, Tally>> q : tallies.entrySet()) {
            for (Bucket b : all) {
                out.add(new ReportRow<>(b, q.getKey(), q.getValue().getOrDefault(b, new Tally()).figures()));
            }
        }
        return out;
    }

    /** Only the buckets where something was counted for a subject, in the order of {@link #rows()}. */
    public List<ReportRow<QueueFigures>> talliedRows() {
        expire(Instant.MAX);
        List<ReportRow<QueueFigures>> out = new ArrayList<>();
        tallies.forEach((subject, byBucket) -> byBucket.forEach((b, t) -> out.add(new ReportRow<>(b, subject,
                t.figures()))));
        return out;
    }

    /** IVR containment per bucket, flow and exit node, in bucket order. */
    public List<IvrFigures> ivr() {
        List<IvrFigures> out = new ArrayList<>();
        ivr.forEach((k, n) -> out.add(new IvrFigures(ivrBuckets.get(k), k.get(2), k.get(3), n[0], n[1])));
        out.sort(Comparator.comparing((IvrFigures f) -> f.bucket().start()).thenComparing(IvrFigures::flow)
                .thenComparing(IvrFigures::exitNode));
        return out;
    }

    private static final class Pending {
        final String key;
        final Instant offeredAt;
        final String queue;
        final Tally tally;
        boolean repeated;

        Pending(String key, Instant offeredAt, String queue, Tally tally) {
            this.key = key;
            this.offeredAt = offeredAt;
            this.queue = queue;
            this.tally = tally;
        }
    }

    private static final class Tally {
        long offered;
        long answered;
        long answeredInThreshold;
        long abandoned;
        long shortAbandoned;
        long overflowed;
        Duration answerWait = Duration.ZERO;
        Duration talk = Duration.ZERO;
        Duration hold = Duration.ZERO;
        Duration wrapUp = Duration.ZERO;
        long transfersOut;
        long resolvable;
        long resolvedFirstTime;

        void add(QueueFigures f) {
            offered += f.offered();
            answered += f.answered();
            answeredInThreshold += f.answeredInThreshold();
            abandoned += f.abandoned();
            shortAbandoned += f.shortAbandoned();
            overflowed += f.overflowed();
            answerWait = answerWait.plus(f.answerWait());
            talk = talk.plus(f.talk());
            hold = hold.plus(f.hold());
            wrapUp = wrapUp.plus(f.wrapUp());
            transfersOut += f.transfersOut();
            resolvable += f.resolvable();
            resolvedFirstTime += f.resolvedFirstTime();
        }

        QueueFigures figures() {
            return new QueueFigures(offered, answered, answeredInThreshold, abandoned, shortAbandoned, overflowed,
                    answerWait, talk, hold, wrapUp, transfersOut, resolvable, resolvedFirstTime);
        }
    }
}
