package cc.core.domain.report;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One outbound campaign's figures for one bucket: its dial attempts counted in the bucket they were placed in, its
 * decisions not to dial in the bucket they were taken in. Outcomes are the dialer's (an attempt still ringing is a
 * dial with no outcome yet).
 *
 * @param dials             attempts placed
 * @param connected         live people an agent answered
 * @param abandoned         live people no agent took in time (the regulator's abandoned calls)
 * @param machines          answering machines (AMD), false positives included
 * @param amdFalsePositives of the machines, live people answering-machine detection dropped
 * @param noAnswer          nobody answered
 * @param busy              the line was busy
 * @param failed            the network refused the call
 * @param conversions       attempts whose disposition means a sale (the dialer's conversion dispositions)
 * @param talk              agent talk on the connected calls
 * @param wrapUp            agents' wrap-up after the connected calls
 * @param billedMinutes     started minutes of answered calls, what the carrier bills
 * @param skipped           decisions not to dial by reason ({@code do-not-call}, {@code outside-hours},
 *                          {@code refused} for numbers the dial permissions refused...)
 */
public record CampaignFigures(long dials, long connected, long abandoned, long machines, long amdFalsePositives,
                              long noAnswer, long busy, long failed, long conversions, Duration talk, Duration wrapUp,
                              long billedMinutes, Map<String, Long> skipped) {
    public static final CampaignFigures ZERO = new CampaignFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO,
            Duration.ZERO, 0, Map.of());

    public CampaignFigures {
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(wrapUp, "wrapUp");
        skipped = Map.copyOf(skipped);
    }

    public CampaignFigures plus(CampaignFigures o) {
        Map<String, Long> s = new TreeMap<>(skipped);
        o.skipped.forEach((k, v) -> s.merge(k, v, Long::sum));
        return new CampaignFigures(dials + o.dials, connected + o.connected, abandoned + o.abandoned,
                machines + o.machines, amdFalsePositives + o.amdFalsePositives, noAnswer + o.noAnswer,
                busy + o.busy, failed + o.failed, conversions + o.conversions, talk.plus(o.talk),
                wrapUp.plus(o.wrapUp), billedMinutes + o.billedMinutes, s);
    }

    /** Calls a live person answered: connected to an agent or abandoned (the dialer's "contacts"). */
    public long contacts() {
        return connected + abandoned;
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Abandoned over live answers, as the US rule counts them (AMD false positives left out). */
    public Optional<Double> abandonRate() {
        return ratio(abandoned, connected + abandoned);
    }

    /** Ofcom's abandon rate: AMD false positives count as abandoned live calls. */
    public Optional<Double> abandonRateUk() {
        return ratio(abandoned + amdFalsePositives, connected + abandoned + amdFalsePositives);
    }

    /** Connected over dials. */
    public Optional<Double> connectRate() {
        return ratio(connected, dials);
    }

    /** Conversions over connected calls. */
    public Optional<Double> conversionRate() {
        return ratio(conversions, connected);
    }

    public Optional<Duration> averageTalk() {
        return connected == 0 ? Optional.empty() : Optional.of(talk.dividedBy(connected));
    }

    public Optional<Duration> averageWrapUp() {
        return connected == 0 ? Optional.empty() : Optional.of(wrapUp.dividedBy(connected));
    }

    private static Optional<Double> ratio(long num, long den) {
        return den == 0 ? Optional.empty() : Optional.of(num / (double) den);
    }
}
