package cc.core.adapter.jdbc;

/** The schema cannot be brought up to date; the message names the module, script and what to do. */
public final class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
