package cc.core.contract;

import java.time.Duration;

/**
 * The data warehouse's export (launcher, {@code cc.warehouse.app.WarehouseExporter}): {@link #EXPORT} runs it now.
 * Body a JSON object {@code {"requestedBy": "<user>"}}; the reply a JSON object with {@code written},
 * {@code rewritten}, {@code unchanged}, {@code rowsWritten} and {@code partitions}; failure 409 when the export is
 * off ({@code warehouse.enabled: false}).
 */
public final class WarehouseAddresses {
    public static final String EXPORT = "cc.warehouse.export";
    /** How long a requester waits for a run: a first run may write days of every view. */
    public static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(30);

    private WarehouseAddresses() {
    }
}
