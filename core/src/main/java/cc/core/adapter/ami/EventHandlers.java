package cc.core.adapter.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The handlers registered for one kind of telephony event; each gets every event, one failing handler logged and
 * skipped so the others still hear it.
 */
final class EventHandlers<E> {
    private static final Logger LOG = LoggerFactory.getLogger(EventHandlers.class);
    private final String kind;
    private final List<Consumer<E>> handlers = new CopyOnWriteArrayList<>();

    /** @param kind what the events are, for the log ("call event") */
    EventHandlers(String kind) {
        this.kind = kind;
    }

    void add(Consumer<E> handler) {
        handlers.add(handler);
    }

    void deliver(E event) {
        for (Consumer<E> h : handlers) {
            try {
                h.accept(event);
            } catch (RuntimeException e) {
                LOG.error("{} handler failed on {}", kind, event, e);
            }
        }
    }
}
