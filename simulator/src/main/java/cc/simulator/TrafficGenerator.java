package cc.simulator;

/** Running Poisson traffic; stop it to end arrivals (calls already placed carry on). */
public interface TrafficGenerator extends AutoCloseable {
    void stop();

    /** Calls placed so far. */
    long placed();

    boolean isRunning();

    @Override
    default void close() {
        stop();
    }
}
