package cc.console.adapter.http;

import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.core.contract.BuildSegmentList;
import cc.core.contract.CampaignDefinition;
import cc.core.contract.CampaignList;
import cc.core.contract.CampaignReport;
import cc.core.contract.CampaignReportQuery;
import cc.core.contract.CampaignView;
import cc.core.contract.ContactListBuilt;
import cc.core.contract.ContactListIndex;
import cc.core.contract.ControlCampaign;
import cc.core.contract.DialerAddresses;
import cc.core.contract.ImportContactList;
import cc.core.contract.ListCampaigns;
import cc.core.contract.ListContactLists;
import cc.core.contract.SaveCampaign;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The campaign managers' API: campaigns under {@code /api/campaigns}, call lists under {@code /api/call-lists}. Each
 * endpoint is a thin translation to a {@link DialerAddresses} request: the dialer owns campaigns and lists, decides
 * what is valid and keeps the audit log ({@code byUser} is the signed-in user); the console only checks the shape of
 * the JSON, the role ({@link AccessRules#mayManageCampaigns}) and the CSRF token (in {@link ConsoleWeb}).
 *
 * <p>Dialer failures keep their status (400 bad value, 404 unknown campaign or list, 409 not in a state for it) and
 * their message, which names the field; no dialer on the bus is 503, no answer in time 504.
 *
 * <p>Threading: handlers run on the HTTP server's event loops and only wait on the event bus.
 */
final class CampaignWeb {
    /** The largest CSV call list accepted in one upload. */
    static final int CSV_LIMIT_BYTES = 5 * 1024 * 1024;
    static final String IMPORT = "/api/call-lists/import";
    private static final Logger log = LoggerFactory.getLogger(CampaignWeb.class);
    /** Building a list from a large customer base or importing 5 MiB of CSV takes the dialer longer than a lookup. */
    private static final long LOOKUP_TIMEOUT_MS = 5_000;
    private static final long BUILD_TIMEOUT_MS = 30_000;
    private static final int MAX_REPORT_DAYS = 366;

    private final Vertx vertx;
    /** Who asks, as the dialer's audit log names them: the signed-in user, or the back-office API's key. */
    private final Function<RoutingContext, String> user;

    CampaignWeb(Vertx vertx) {
        this(vertx, rc -> SignInWeb.principal(rc).username());
    }

    /** @param user who asks, for {@code byUser} in the dialer's audit log */
    CampaignWeb(Vertx vertx, Function<RoutingContext, String> user) {
        this.vertx = vertx;
        this.user = user;
        // the records must have their codec even where the server registered only some contracts
        DialerAddresses.registerCodecs(vertx.eventBus());
    }

    /**
     * Must come before the API's common body handler: the CSV upload may be larger than any JSON request, so the
     * session, CSRF token and role are checked before up to 5 MiB is read into memory.
     */
    void mountUpload(Router router, Handler<RoutingContext> authenticate) {
        router.post(IMPORT).handler(authenticate);
        router.post(IMPORT).handler(rc -> managed(rc, rc::next));
        router.post(IMPORT).handler(BodyHandler.create(false).setBodyLimit(CSV_LIMIT_BYTES));
    }

    void mount(Router router) {
        mountAt(router, "/api", CampaignWeb::managed);
        router.post(IMPORT).handler(rc -> managed(rc, () -> importCsv(rc)));
    }

    /**
     * The campaign and call-list routes under {@code prefix} ({@code /api} for the console, {@code /backoffice/v1}
     * for other systems), each behind {@code guard}, which runs the action or answers the refusal itself.
     */
    void mountAt(Router router, String prefix, BiConsumer<RoutingContext, Runnable> guard) {
        router.get(prefix + "/campaigns").handler(rc -> guard.accept(rc, () -> list(rc)));
        router.get(prefix + "/campaigns/:id").handler(rc -> guard.accept(rc, () -> one(rc)));
        router.put(prefix + "/campaigns/:id").handler(rc -> guard.accept(rc, () -> save(rc)));
        for (String action : new String[] {"start", "pause", "stop"}) {
            router.post(prefix + "/campaigns/:id/" + action).handler(rc -> guard.accept(rc, () -> control(rc, action)));
        }
        router.get(prefix + "/campaigns/:id/report").handler(rc -> guard.accept(rc, () -> report(rc)));
        router.get(prefix + "/call-lists").handler(rc -> guard.accept(rc, () -> lists(rc)));
        router.post(prefix + "/call-lists/segment").handler(rc -> guard.accept(rc, () -> segment(rc)));
    }

    private void list(RoutingContext rc) {
        this.<CampaignList>ask(DialerAddresses.CAMPAIGN_LIST, new ListCampaigns(), LOOKUP_TIMEOUT_MS)
                .onSuccess(l -> ApiReplies.json(rc, 200, new JsonObject().put("campaigns",
                        new JsonArray(l.campaigns().stream().map(CampaignJson::view).toList()))))
                .onFailure(e -> dialerError(rc, e));
    }

    /** The contract has no single-campaign request; the list is small (campaigns, not contacts). */
    private void one(RoutingContext rc) {
        String id = rc.pathParam("id");
        this.<CampaignList>ask(DialerAddresses.CAMPAIGN_LIST, new ListCampaigns(), LOOKUP_TIMEOUT_MS)
                .onSuccess(l -> l.campaigns().stream().filter(v -> v.definition().id().equals(id)).findFirst()
                        .ifPresentOrElse(v -> ApiReplies.json(rc, 200, CampaignJson.view(v)),
                                () -> ApiReplies.fail(rc, 404, "no campaign " + id)))
                .onFailure(e -> dialerError(rc, e));
    }

    private void save(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        String id = rc.pathParam("id");
        if (b.containsKey("id") && !id.equals(b.getValue("id"))) {
            ApiReplies.fail(rc, 400, "id: the body says '" + b.getValue("id") + "' but the address says '" + id + "'");
            return;
        }
        CampaignDefinition d;
        try {
            d = CampaignJson.definition(id, b);
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return;
        }
        String by = user.apply(rc);
        this.<CampaignView>ask(DialerAddresses.CAMPAIGN_SAVE, new SaveCampaign(d, by), LOOKUP_TIMEOUT_MS)
                .onSuccess(v -> {
                    log.info("campaign {} saved by {}", id, by);
                    ApiReplies.json(rc, 200, CampaignJson.view(v));
                })
                .onFailure(e -> dialerError(rc, e));
    }

    private void control(RoutingContext rc, String action) {
        String id = rc.pathParam("id");
        String by = user.apply(rc);
        String command = action.toUpperCase(Locale.ROOT);
        this.<CampaignView>ask(DialerAddresses.CAMPAIGN_CONTROL, new ControlCampaign(id, command, by),
                        LOOKUP_TIMEOUT_MS)
                .onSuccess(v -> {
                    log.info("campaign {}: {} by {}, now {}", id, command, by, v.status());
                    ApiReplies.json(rc, 200, CampaignJson.view(v));
                })
                .onFailure(e -> dialerError(rc, e));
    }

    private void report(RoutingContext rc) {
        LocalDate from;
        LocalDate to;
        try {
            from = CampaignJson.date(query(rc, "from"), "from");
            to = CampaignJson.date(query(rc, "to"), "to");
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return;
        }
        if (to.isBefore(from)) {
            ApiReplies.fail(rc, 400, "to: must not be before from");
            return;
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_REPORT_DAYS) {
            ApiReplies.fail(rc, 400, "to: a report covers at most " + MAX_REPORT_DAYS + " days");
            return;
        }
        this.<CampaignReport>ask(DialerAddresses.CAMPAIGN_REPORT,
                        new CampaignReportQuery(rc.pathParam("id"), from, to), LOOKUP_TIMEOUT_MS)
                .onSuccess(r -> ApiReplies.json(rc, 200, CampaignJson.report(r)))
                .onFailure(e -> dialerError(rc, e));
    }

    private void lists(RoutingContext rc) {
        this.<ContactListIndex>ask(DialerAddresses.LIST_INDEX, new ListContactLists(), LOOKUP_TIMEOUT_MS)
                .onSuccess(i -> ApiReplies.json(rc, 200, CampaignJson.index(i)))
                .onFailure(e -> dialerError(rc, e));
    }

    private void segment(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        BuildSegmentList request;
        try {
            request = CampaignJson.segment(b, user.apply(rc));
        } catch (IllegalArgumentException e) {
            ApiReplies.fail(rc, 400, e.getMessage());
            return;
        }
        this.<ContactListBuilt>ask(DialerAddresses.LIST_FROM_SEGMENT, request, BUILD_TIMEOUT_MS)
                .onSuccess(c -> ApiReplies.json(rc, c.saved() ? 201 : 200, CampaignJson.built(c)))
                .onFailure(e -> dialerError(rc, e));
    }

    /**
     * The CSV travels as the request body ({@code text/csv}, UTF-8) with the list's id and name in the query, so a
     * 5 MiB file is not re-encoded inside JSON. Text in another encoding is refused rather than guessed: Persian
     * names from a Windows-1256 export would otherwise reach the customers' records garbled.
     */
    private void importCsv(RoutingContext rc) {
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT).replace(" ", "");
        if (!lower.startsWith("text/csv")) {
            ApiReplies.fail(rc, 415, "send the call list as Content-Type: text/csv; charset=utf-8");
            return;
        }
        if (lower.contains("charset=") && !lower.contains("charset=utf-8")) {
            ApiReplies.fail(rc, 415, "send the call list as UTF-8 (charset=utf-8)");
            return;
        }
        String listId = query(rc, "listId").strip();
        String name = query(rc, "name").strip();
        if (listId.isEmpty() || name.isEmpty()) {
            ApiReplies.fail(rc, 400, (listId.isEmpty() ? "listId" : "name") + ": required, as a query parameter");
            return;
        }
        byte[] bytes = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
        String csv;
        try {
            csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            ApiReplies.fail(rc, 400, "the file is not UTF-8 text; save it as \"CSV UTF-8\" and upload it again");
            return;
        }
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        if (csv.isBlank()) {
            ApiReplies.fail(rc, 400, "the file is empty; it needs a header row with at least phone");
            return;
        }
        Principal p = SignInWeb.principal(rc);
        this.<ContactListBuilt>ask(DialerAddresses.LIST_IMPORT, new ImportContactList(listId, name, csv, p.username()),
                        BUILD_TIMEOUT_MS)
                .onSuccess(c -> {
                    log.info("call list {} imported by {}: {} rows, {} accepted, {} duplicates, {} refused", listId,
                            p.username(), c.rows(), c.accepted(), c.duplicates(), c.problems().size());
                    ApiReplies.json(rc, c.saved() ? 201 : 200, CampaignJson.built(c));
                })
                .onFailure(e -> dialerError(rc, e));
    }

    // ---- helpers ----

    private static void managed(RoutingContext rc, Runnable action) {
        if (!AccessRules.mayManageCampaigns(SignInWeb.principal(rc))) {
            ApiReplies.fail(rc, 403, "campaigns and call lists are for supervisors and admins");
            return;
        }
        action.run();
    }

    private <T> Future<T> ask(String address, Object request, long timeoutMs) {
        return vertx.eventBus().<T>request(address, request, new DeliveryOptions().setSendTimeout(timeoutMs))
                .map(Message::body);
    }

    private static String query(RoutingContext rc, String name) {
        String v = rc.queryParams().get(name);
        return v == null ? "" : v;
    }

    /**
     * The dialer's refusal as the manager should see it. Its 400/404/409/503 pass through with its message; any
     * other code is the dialer breaking, logged here once and shown as 502.
     */
    static void dialerError(RoutingContext rc, Throwable e) {
        if (!(e instanceof ReplyException r)) {
            ApiReplies.error(rc, e);
            return;
        }
        switch (r.failureType()) {
            case NO_HANDLERS:
                ApiReplies.fail(rc, 503, "the dialer is not running: campaigns and call lists are unavailable until it is");
                return;
            case TIMEOUT:
                ApiReplies.fail(rc, 504, "the dialer did not answer in time; try again");
                return;
            default:
                int code = r.failureCode();
                if (code == 400 || code == 404 || code == 409 || code == 503) {
                    ApiReplies.fail(rc, code, String.valueOf(r.getMessage()));
                } else {
                    log.warn("dialer failed {} {}: {} {}", rc.request().method(), rc.request().path(), code,
                            r.getMessage());
                    ApiReplies.fail(rc, 502, "the dialer failed: " + r.getMessage());
                }
        }
    }
}
