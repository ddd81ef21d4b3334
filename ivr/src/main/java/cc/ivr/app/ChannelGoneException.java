package cc.ivr.app;

/** The caller's channel cannot take commands any more: the caller hung up, or the link to Asterisk is gone. */
public final class ChannelGoneException extends RuntimeException {
    private final boolean callerHungUp;

    public ChannelGoneException(String message, boolean callerHungUp) {
        super(message, null, false, false);
        this.callerHungUp = callerHungUp;
    }

    public boolean callerHungUp() {
        return callerHungUp;
    }
}
