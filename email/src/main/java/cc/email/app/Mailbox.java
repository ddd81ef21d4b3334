package cc.email.app;

import cc.email.domain.InboundMail;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * The mailbox customers write to (IMAP). It hands every new message to the intake and marks it read only once the
 * intake's future succeeded, so a message the server could not store is read again after a restart.
 */
public interface Mailbox extends AutoCloseable {
    void start(Function<InboundMail, Future<?>> intake);

    @Override
    void close();
}
