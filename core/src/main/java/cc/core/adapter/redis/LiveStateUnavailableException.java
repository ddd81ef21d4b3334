package cc.core.adapter.redis;

/** Redis could not be reached or did not answer in time; the message names the server and what was asked. */
public final class LiveStateUnavailableException extends RuntimeException {
    public LiveStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
