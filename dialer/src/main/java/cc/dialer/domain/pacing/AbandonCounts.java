package cc.dialer.domain.pacing;

/**
 * The counts of one regulator's window as it stands at one moment.
 *
 * @param rule              the rule the counts are for
 * @param connected         live calls an agent took in time
 * @param abandonedCalls    live calls no agent took in time
 * @param amdFalsePositives live people dropped by answering-machine detection
 */
public record AbandonCounts(RegulatorRule rule, long connected, long abandonedCalls, long amdFalsePositives) {

    public static AbandonCounts empty(RegulatorRule rule) {
        return new AbandonCounts(rule, 0, 0, 0);
    }

    /** The denominator by the rule's definition. */
    public long live() {
        return rule.live(connected, abandonedCalls, amdFalsePositives);
    }

    /** The numerator by the rule's definition. */
    public long abandoned() {
        return rule.abandoned(abandonedCalls, amdFalsePositives);
    }

    /** Abandoned over live, 0 when nothing was answered yet. */
    public double rate() {
        long live = live();
        return live == 0 ? 0 : (double) abandoned() / live;
    }

    /** How many abandoned calls the window could take now and stay at or under the limit; negative when over. */
    public double abandonBudget() {
        return rule.limit() * live() - abandoned();
    }

    public boolean withinLimit() {
        return abandoned() <= rule.limit() * live() + 1e-9;
    }
}
