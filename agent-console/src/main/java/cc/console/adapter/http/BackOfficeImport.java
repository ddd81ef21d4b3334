package cc.console.adapter.http;

import cc.console.domain.backoffice.CsvLine;
import cc.console.domain.backoffice.CustomerInput;
import cc.core.app.customer.CustomerRegistry;
import cc.core.domain.customer.CustomerProfile;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static cc.console.adapter.http.ApiReplies.fail;
import static cc.console.adapter.http.ApiReplies.json;

/**
 * Bulk import of customers ({@code POST /backoffice/v1/customers/import?source=<system>}), CSV ({@code text/csv},
 * a header line then one customer per line) or JSON lines ({@code application/x-ndjson}, one object per line),
 * UTF-8. Streamed: lines are read as they arrive and upserted {@value #BATCH} at a time, the request paused while a
 * batch is written, so a file of any size holds only a batch in memory. A batch is one transaction with a savepoint
 * per line: a bad line is rolled back alone and reported (line number and reason), the others go on. The answer is the report: created, updated, unchanged
 * and rejected, with the first {@value #MAX_REPORTED} rejections.
 *
 * <p>Threading: on the request's event loop; the batches' JDBC on the database's worker pool, one after another.
 */
final class BackOfficeImport {
    static final int BATCH = 200;
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_REPORTED = 1000;
    private static final Logger log = LoggerFactory.getLogger(BackOfficeImport.class);

    private final CustomerRegistry customers;

    BackOfficeImport(CustomerRegistry customers) {
        this.customers = customers;
    }

    void handle(RoutingContext rc) {
        String type = Optional.ofNullable(rc.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("")
                .toLowerCase(Locale.ROOT).replace(" ", "");
        boolean csv = type.startsWith("text/csv");
        boolean lines = type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/json-lines");
        if (!csv && !lines) {
            rc.request().resume();
            fail(rc, 415, "send Content-Type: text/csv or application/x-ndjson (JSON lines), UTF-8");
            return;
        }
        if (type.contains("charset=") && !type.contains("charset=utf-8")) {
            rc.request().resume();
            fail(rc, 415, "send the file as UTF-8 (charset=utf-8)");
            return;
        }
        String source = Optional.ofNullable(rc.queryParams().get("source")).orElse("");
        Optional<String> bad = CustomerInput.checkSource(source);
        if (bad.isPresent()) {
            rc.request().resume();
            fail(rc, 400, bad.get() + " (the query parameter naming the system the customers come from)");
            return;
        }
        new Run(rc, csv, source, BackOfficeWeb.caller(rc)).start();
    }

    /** One import in progress. */
    private final class Run {
        private final RoutingContext rc;
        private final boolean csv;
        private final String source;
        private final String caller;
        private RecordParser parser;
        private List<String> header;
        private int line;
        private final List<Integer> batchLines = new ArrayList<>();
        private final List<CustomerProfile> batch = new ArrayList<>();
        /** The batches written so far, one after another. */
        private Future<Void> written = Future.succeededFuture();
        private int created;
        private int updated;
        private int unchanged;
        private int rejected;
        private final JsonArray rejections = new JsonArray();
        /** Set when the import stopped early (a bad header, a line too long, the database failing). */
        private boolean stopped;

        Run(RoutingContext rc, boolean csv, String source, String caller) {
            this.rc = rc;
            this.csv = csv;
            this.source = source;
            this.caller = caller;
        }

        void start() {
            HttpServerRequest req = rc.request();
            if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT))) {
                rc.response().writeContinue();
            }
            parser = RecordParser.newDelimited("\n", req);
            parser.maxRecordSize(MAX_LINE_BYTES);
            parser.exceptionHandler(e -> stop(400, "line " + (line + 1) + " is longer than " + MAX_LINE_BYTES / 1024
                    + " KiB, or the upload broke off: " + e.getMessage()));
            parser.handler(this::line);
            parser.endHandler(v -> finish());
            req.resume();
        }

        private void line(Buffer bytes) {
            line++;
            if (stopped) {
                return;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.getBytes()))
                        .toString();
            } catch (CharacterCodingException e) {
                reject(line, "", "not UTF-8 text");
                return;
            }
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isBlank()) {
                return;
            }
            CustomerInput.Result input;
            if (csv) {
                List<String> cells;
                try {
                    cells = CsvLine.split(text);
                } catch (IllegalArgumentException e) {
                    if (header == null) {
                        stop(400, "header: " + e.getMessage());
                    } else {
                        reject(line, "", e.getMessage());
                    }
                    return;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    CustomerInput.checkHeader(header).ifPresent(reason -> stop(400, reason));
                    return;
                }
                input = CustomerInput.fromCsv(source, header, cells);
            } else {
                JsonObject o;
                try {
                    o = new JsonObject(text);
                } catch (DecodeException | ClassCastException e) {
                    reject(line, "", "not a JSON object");
                    return;
                }
                input = CustomerInput.fromMap(source, Optional.empty(), o.getMap());
            }
            if (input instanceof CustomerInput.Invalid bad) {
                reject(line, "", bad.reason());
                return;
            }
            batchLines.add(line);
            batch.add(((CustomerInput.Valid) input).profile());
            if (batch.size() >= BATCH) {
                parser.pause();
                write().onComplete(r -> {
                    if (!stopped) {
                        parser.resume();
                    }
                });
            }
        }

        /** Queues the batch held behind the ones being written. */
        private Future<Void> write() {
            List<Integer> lines = List.copyOf(batchLines);
            List<CustomerProfile> profiles = List.copyOf(batch);
            batchLines.clear();
            batch.clear();
            written = written.compose(v -> profiles.isEmpty() ? Future.succeededFuture()
                    : customers.upsertAll(profiles).map(items -> {
                        for (int i = 0; i < items.size(); i++) {
                            CustomerRegistry.Item item = items.get(i);
                            if (item.failure().isPresent()) {
                                reject(lines.get(i), profiles.get(i).externalId(), item.failure().get().getMessage());
                            } else {
                                switch (item.outcome().orElseThrow().change()) {
                                    case CREATED -> created++;
                                    case UPDATED -> updated++;
                                    case UNCHANGED -> unchanged++;
                                }
                            }
                        }
                        return null;
                    }));
            written = written.recover(e -> {
                log.warn("customer import by {} stopped at line {}: {}", caller, lines.isEmpty() ? line
                        : lines.get(0), e.getMessage());
                stop(503, "the database failed while storing the lines from " + (lines.isEmpty() ? line
                        : lines.get(0)) + " on; the lines before were stored; send the file again (an upsert twice"
                        + " changes nothing)");
                return Future.failedFuture(e);
            });
            return written;
        }

        private void finish() {
            if (stopped) {
                return;
            }
            write().onSuccess(v -> {
                if (!stopped) {
                    log.info("customer import by {} from {}: {} created, {} updated, {} unchanged, {} rejected",
                            caller, source, created, updated, unchanged, rejected);
                    json(rc, 200, report());
                }
            });
        }

        private void reject(int at, String externalId, String reason) {
            rejected++;
            if (rejections.size() < MAX_REPORTED) {
                JsonObject r = new JsonObject().put("line", at).put("reason", reason);
                if (!externalId.isEmpty()) {
                    r.put("externalId", externalId);
                }
                rejections.add(r);
            }
        }

        private void stop(int status, String message) {
            if (stopped) {
                return;
            }
            stopped = true;
            // the rest of the upload is read and dropped, so the client sees the answer rather than a reset
            parser.resume();
            json(rc, status, report().put("error", message));
        }

        private JsonObject report() {
            return new JsonObject().put("source", source).put("created", created).put("updated", updated)
                    .put("unchanged", unchanged).put("rejected", rejected).put("rejections", rejections)
                    .put("rejectionsOmitted", Math.max(0, rejected - rejections.size()));
        }
    }
}
