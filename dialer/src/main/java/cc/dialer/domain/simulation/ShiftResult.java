package cc.dialer.domain.simulation;

/**
 * What one simulated shift produced.
 *
 * @param agents            agents on the shift
 * @param shiftSeconds      its length
 * @param dials             calls placed
 * @param liveAnswers       calls a live person answered
 * @param abandoned         live calls no agent took within the patience
 * @param talkSeconds       agent talk time inside the shift
 * @param dialsPerSecond    calls placed at each second of the shift
 * @param livePerHour       live answers in each hour of the shift
 * @param abandonedPerHour  abandoned calls in each hour of the shift
 */
public record ShiftResult(int agents, int shiftSeconds, long dials, long liveAnswers, long abandoned,
                          double talkSeconds, int[] dialsPerSecond, long[] livePerHour, long[] abandonedPerHour) {

    /** Talk minutes per agent hour logged in. */
    public double talkMinutesPerAgentHour() {
        return agents == 0 ? 0 : talkSeconds / 60.0 / (agents * shiftSeconds / 3600.0);
    }

    /** Abandoned over live answers for the whole shift. */
    public double abandonRate() {
        return liveAnswers == 0 ? 0 : (double) abandoned / liveAnswers;
    }

    /** The highest hourly abandon rate of the shift (hours with fewer than 20 live answers are left out). */
    public double worstHourAbandonRate() {
        double worst = 0;
        for (int h = 0; h < livePerHour.length; h++) {
            if (livePerHour[h] >= 20) {
                worst = Math.max(worst, (double) abandonedPerHour[h] / livePerHour[h]);
            }
        }
        return worst;
    }

    /** Mean dials per second over {@code [fromSecond, toSecond)}. */
    public double dialRate(int fromSecond, int toSecond) {
        long sum = 0;
        for (int i = fromSecond; i < toSecond; i++) {
            sum += dialsPerSecond[i];
        }
        return (double) sum / (toSecond - fromSecond);
    }
}
