package cc.core.app.callcontrol;

import cc.core.domain.callcontrol.CallControlBook.AuditEntry;
import io.vertx.core.Future;

import java.util.List;

/** Where the call-control audit log is kept. */
public interface CallControlAudit {
    /** Appends the entries, in order; fails when they could not be written. */
    Future<Void> append(List<AuditEntry> entries);

    /** The entries of one call, oldest first. */
    Future<List<AuditEntry>> ofInteraction(String interactionId);
}
