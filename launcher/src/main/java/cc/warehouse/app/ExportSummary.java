package cc.warehouse.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * What an export run did: files written for days never exported, files written again because the day's rows changed,
 * days read and found unchanged, rows written, and the partitions written (`<view>/date=<day>`, relative to the export directory).
 */
public record ExportSummary(Instant startedAt, int written, int rewritten, int unchanged, long rowsWritten,
                            List<String> partitions) {
    public ExportSummary {
        partitions = List.copyOf(partitions);
    }

    public JsonObject toJson() {
        return new JsonObject().put("startedAt", startedAt.toString()).put("written", written)
                .put("rewritten", rewritten).put("unchanged", unchanged).put("rowsWritten", rowsWritten)
                .put("partitions", new JsonArray(partitions));
    }
}
