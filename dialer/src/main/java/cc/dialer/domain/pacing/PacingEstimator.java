package cc.dialer.domain.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * Learns a campaign's {@link PacingEstimates} from what its calls do: dials placed and how they ended, talk and
 * wrap-up times, and whether live calls reached an agent in time.
 *
 * <p>The answer probability comes from the dials of a recent window, counting the ones still ringing by how likely
 * they still are to be answered (so a burst of quick answers is seen at once, not when the slow no-answers time
 * out). A shorter window runs beside it; when the two disagree by more than chance allows, the answer rate has
 * shifted and the long window restarts from the short one, so a change in the answer rate is followed within a
 * minute instead of a window.
 *
 * <p>The safety factor is tuned by stochastic approximation: each abandoned call raises it a little, each connected
 * call lowers it a little less, so the abandon rate settles at the target whatever the estimates get wrong.
 *
 * <p>Threading: not thread-safe; owned by the campaign's owner. Time is passed in; nothing reads a clock.
 */
public final class PacingEstimator {

    /**
     * How the estimator starts and how fast it learns.
     *
     * @param priors              the estimates before anything is observed
     * @param priorWeight         how many dials the prior answer probability is worth
     * @param window              how far back the answer probability looks (and at least {@code minDials} dials)
     * @param minDials            the fewest dials the long window keeps
     * @param shortWindow         the window that watches for a shift in the answer rate
     * @param samples             how many recent ring, talk and wrap-up durations the distributions are built from
     * @param targetAbandonRate   the abandon rate the safety factor is tuned towards (below the regulator's limit)
     * @param tuningGain          how far one abandoned call moves the safety factor
     * @param minSafety           the lowest safety factor
     * @param maxSafety           the highest safety factor
     */
    public record Config(PacingEstimates priors, double priorWeight, Duration window, int minDials,
                         Duration shortWindow, int samples, double targetAbandonRate, double tuningGain,
                         double minSafety, double maxSafety) {
        public Config {
            Objects.requireNonNull(priors, "priors");
            if (targetAbandonRate <= 0 || targetAbandonRate >= 1) {
                throw new IllegalArgumentException("targetAbandonRate must be between 0 and 1");
            }
            if (minSafety > maxSafety || samples < 10 || minDials < 1) {
                throw new IllegalArgumentException("inconsistent estimator config");
            }
        }

        /** Defaults tuned with the pacing simulation: 2.2% target under a 3% limit. */
        public static Config defaults(PacingEstimates priors) {
            return new Config(priors, 20, Duration.ofMinutes(5), 200, Duration.ofSeconds(60), 1000, 0.022, 0.1,
                    -3.0, 4.0);
        }
    }

    private static final class Dial {
        final long id;
        final double placedAt;
        int state; // 0 ringing, 1 live answer, 2 other end

        Dial(long id, double placedAt) {
            this.id = id;
            this.placedAt = placedAt;
        }
    }

    private final Config config;
    private final ArrayDeque<Dial> recent = new ArrayDeque<>();
    private final Map<Long, Dial> ringing = new HashMap<>();
    private final Samples liveRing;
    private final Samples otherRing;
    private final Samples talk;
    private final Samples wrapUp;
    private double answerProbability;
    private double safetyFactor;

    public PacingEstimator(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        PacingEstimates p = config.priors();
        this.answerProbability = p.answerProbability();
        this.safetyFactor = p.safetyFactor();
        this.liveRing = new Samples(config.samples(), p.liveRing());
        this.otherRing = new Samples(config.samples(), p.otherRing());
        this.talk = new Samples(config.samples(), p.talk());
        this.wrapUp = new Samples(config.samples(), p.wrapUp());
    }

    /** A dial left; {@code dialId} names it in the calls below. */
    public void dialPlaced(long dialId, Instant at) {
        Dial d = new Dial(dialId, seconds(at));
        recent.addLast(d);
        ringing.put(dialId, d);
    }

    /** A live person answered the dial. */
    public void answeredLive(long dialId, Instant at) {
        Dial d = ringing.remove(dialId);
        if (d != null) {
            d.state = 1;
            liveRing.add(seconds(at) - d.placedAt);
        }
    }

    /** The dial ended any other way: busy, no answer, answering machine, failure. */
    public void endedOtherwise(long dialId, Instant at) {
        Dial d = ringing.remove(dialId);
        if (d != null) {
            d.state = 2;
            otherRing.add(seconds(at) - d.placedAt);
        }
    }

    public void talkEnded(Duration talkTime) {
        talk.add(talkTime.toMillis() / 1000.0);
    }

    public void wrapUpEnded(Duration wrapUpTime) {
        wrapUp.add(wrapUpTime.toMillis() / 1000.0);
    }

    /** A live call connected or was abandoned: tunes the safety factor towards the target abandon rate. */
    public void liveOutcome(LiveOutcome outcome, RegulatorRule rule) {
        boolean counted = outcome == LiveOutcome.ABANDONED
                || outcome == LiveOutcome.AMD_FALSE_POSITIVE && rule.countsAmdFalsePositives();
        double target = config.targetAbandonRate();
        double step = counted ? 1 - target : -target;
        safetyFactor = Math.max(config.minSafety(), Math.min(config.maxSafety(),
                safetyFactor + config.tuningGain() * step));
    }

    /** The estimates as of {@code now}. */
    public PacingEstimates estimates(Instant now) {
        double t = seconds(now);
        Distribution live = liveRing.distribution();
        Distribution other = otherRing.distribution();
        evict(t);
        double shortStart = t - config.shortWindow().toSeconds();
        Estimate all = estimate(t, Double.NEGATIVE_INFINITY, live, other);
        Estimate recentOnly = estimate(t, shortStart, live, other);
        double q = all.q;
        if (recentOnly.effective >= 30) {
            double sd = Math.sqrt(Math.max(q * (1 - q), 0.01) / recentOnly.effective);
            if (Math.abs(recentOnly.q - q) > 3 * sd) {
                while (!recent.isEmpty() && recent.peekFirst().placedAt < shortStart) {
                    forgetOldest();
                }
                q = recentOnly.q;
            }
        }
        answerProbability = q;
        return new PacingEstimates(q, live, other, talk.distribution(), wrapUp.distribution(), safetyFactor);
    }

    private record Estimate(double q, double effective) {}

    /** Expectation-maximisation over the dials placed since {@code from}: ringing ones weigh by their odds. */
    private Estimate estimate(double now, double from, Distribution live, Distribution other) {
        int answered = 0;
        int total = 0;
        double effective = 0;
        Iterator<Dial> it = recent.descendingIterator();
        double[] pendingLive = new double[recent.size()];
        double[] pendingOther = new double[recent.size()];
        int pending = 0;
        while (it.hasNext()) {
            Dial d = it.next();
            if (d.placedAt < from) {
                break;
            }
            total++;
            if (d.state == 1) {
                answered++;
                effective++;
            } else if (d.state == 2) {
                effective++;
            } else {
                double e = now - d.placedAt;
                pendingLive[pending] = live.survival(e);
                pendingOther[pending] = other.survival(e);
                effective += 1 - Math.max(pendingLive[pending], pendingOther[pending]);
                pending++;
            }
        }
        double prior = config.priors().answerProbability();
        double w = config.priorWeight();
        double q = answerProbability;
        for (int iter = 0; iter < 4; iter++) {
            double expected = answered;
            for (int i = 0; i < pending; i++) {
                double a = q * pendingLive[i];
                double den = a + (1 - q) * pendingOther[i];
                expected += den <= 1e-12 ? q : a / den;
            }
            q = (expected + w * prior) / (total + w);
        }
        return new Estimate(q, effective);
    }

    private void evict(double now) {
        double oldest = now - config.window().toSeconds();
        while (recent.size() > config.minDials() && recent.peekFirst().placedAt < oldest) {
            forgetOldest();
        }
    }

    /** A dial whose end is never reported (a lost event) leaves with the window instead of lingering. */
    private void forgetOldest() {
        Dial d = recent.pollFirst();
        if (d.state == 0) {
            ringing.remove(d.id);
        }
    }

    private static double seconds(Instant at) {
        return at.getEpochSecond() + at.getNano() / 1e9;
    }

    /** The most recent durations of one kind, mixed with the prior until there are enough of them. */
    private static final class Samples {
        private final double[] values;
        private final Distribution prior;
        private int count;
        private int next;
        private int sinceBuilt;
        private Distribution built;

        Samples(int capacity, Distribution prior) {
            this.values = new double[capacity];
            this.prior = prior;
            this.built = prior;
        }

        void add(double seconds) {
            values[next] = seconds;
            next = (next + 1) % values.length;
            count = Math.min(count + 1, values.length);
            sinceBuilt++;
        }

        /** Rebuilt after every tenth of the buffer (at least 20 new samples) to keep the per-second cost flat. */
        Distribution distribution() {
            if (count >= 30 && sinceBuilt >= Math.max(20, values.length / 10)
                    || count >= 30 && built == prior) {
                built = Distribution.ofSamples(values, count);
                sinceBuilt = 0;
            }
            return built;
        }
    }
}
