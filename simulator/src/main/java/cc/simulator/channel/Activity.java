package cc.simulator.channel;

/**
 * What a channel is doing right now (an application, a ring, a bridge). Runs on the simulator's event loop.
 * {@link #interrupt()} stops it without continuing the dialplan: the caller decides what happens next.
 */
public interface Activity {
    void interrupt();

    /** True for AGI: a hangup does not stop it; it is told and keeps running until the script ends. */
    default boolean survivesHangup() {
        return false;
    }

    default void onHangup() {
    }
}
