package cc.core.domain.report;

import java.time.Instant;
import java.util.Objects;

/**
 * An answered call counted resolved at first contact when its day's figures were stored, though its repeat window
 * was still open: a later contact of the same customer may yet make it a repeat.
 *
 * @param contactKey who a repeat is matched on ({@code customer:42} or {@code number:0912...})
 * @param queue      the queue that answered it last, whose figures hold it
 */
public record OpenFirstContact(String contactKey, Instant offeredAt, String queue) {
    public OpenFirstContact {
        Objects.requireNonNull(contactKey, "contactKey");
        Objects.requireNonNull(offeredAt, "offeredAt");
        Objects.requireNonNull(queue, "queue");
    }
}
