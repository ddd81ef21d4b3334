package cc.core.app.integration;

import cc.core.domain.integration.BusinessEvent;

/**
 * An event as the outbox holds it: {@code seq} is its position, increasing in commit order of the outbox table's
 * identity (a consumer's cursor is the last {@code seq} it delivered).
 */
public record StoredEvent(long seq, BusinessEvent event) {
}
