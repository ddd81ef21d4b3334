package cc.dialer.app;

import io.vertx.core.Future;

/** Where every dial and outcome is written. Threading: callable from any context; futures complete on the caller's. */
public interface DialAudit {
    Future<Void> record(AuditEntry entry);
}
