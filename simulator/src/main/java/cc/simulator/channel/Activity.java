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

    /**
     * The channel is moved into a bridge (AMI Bridge, or another channel's Bridge()). Asterisk does this by yanking
     * the channel: a masquerade moves it to a new channel structure and leaves whatever ran on it on a dead copy, so
     * from the application's side it looks like a hangup. Most activities just stop.
     */
    default void leaveForBridge() {
        interrupt();
    }
}
