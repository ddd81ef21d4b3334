package cc.console.adapter.http;

import cc.console.app.ConsoleVerticle;
import cc.console.domain.auth.AccessRules;
import cc.console.domain.auth.Principal;
import cc.core.contract.AddDoNotCall;
import cc.core.contract.DialPreviewRecord;
import cc.core.contract.DialerAddresses;
import cc.core.contract.DoNotCallAdded;
import cc.core.contract.PreviewDialled;
import cc.core.contract.PreviewRecord;
import cc.core.contract.ScheduleCampaignCallback;
import cc.core.contract.SkipPreviewRecord;
import cc.core.contract.TakePreviewRecord;
import cc.core.domain.interaction.Direction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents' side of outbound campaigns: preview records ({@code /api/preview/...}), the do-not-call list
 * ({@code /api/do-not-call}) and callbacks on campaign contacts ({@code /api/campaigns/{id}/contacts/{contact}/callback}),
 * each a request to the dialer ({@link DialerAddresses}). The console remembers which record each agent holds (and
 * last dialled) from the dialer's replies so {@link AccessRules} can refuse with 403 an agent acting on another's
 * record before the dialer is asked; the dialer checks the reservation again (409).
 *
 * <p>Threading: handlers run on the HTTP server's event loops; the two maps are concurrent for that reason.
 */
final class PreviewWeb {
    private static final Logger log = LoggerFactory.getLogger(PreviewWeb.class);
    private static final long TIMEOUT_MS = 5_000;

    private final Vertx vertx;
    private final ConsoleVerticle console;
    /** The record each agent holds, by agent id, as the dialer last said. */
    private final Map<String, PreviewRecord> held = new ConcurrentHashMap<>();
    /** The record each agent last dialled: they may still book its callback or put its number on the list. */
    private final Map<String, PreviewRecord> dialled = new ConcurrentHashMap<>();

    PreviewWeb(Vertx vertx, ConsoleVerticle console) {
        this.vertx = vertx;
        this.console = console;
        DialerAddresses.registerCodecs(vertx.eventBus());
    }

    void mount(Router router) {
        router.post("/api/preview/next").handler(this::next);
        router.post("/api/preview/:campaign/:contact/dial").handler(this::dial);
        router.post("/api/preview/:campaign/:contact/skip").handler(this::skip);
        router.post("/api/do-not-call").handler(this::doNotCall);
        router.post("/api/campaigns/:id/contacts/:contact/callback").handler(this::callback);
    }

    private void next(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        if (!AccessRules.mayTakePreview(p)) {
            ApiReplies.fail(rc, 403, "preview records are for agents");
            return;
        }
        this.<PreviewRecord>ask(DialerAddresses.PREVIEW_NEXT, new TakePreviewRecord(p.agentId())).onSuccess(r -> {
            held.put(p.agentId(), r);
            ApiReplies.json(rc, 200, record(r));
        }).onFailure(e -> {
            if (e instanceof ReplyException x && x.failureCode() == 404) {
                held.remove(p.agentId());
                ApiReplies.fail(rc, 404, "no preview record to call now");
                return;
            }
            CampaignWeb.dialerError(rc, e);
        });
    }

    /** Who holds the record as far as this console knows (empty: nobody it handed it to). */
    private Optional<PreviewRecord> heldRecord(String campaignId, String contactId, Map<String, PreviewRecord> from,
                                               String agentId) {
        PreviewRecord r = from.get(agentId);
        return r != null && r.campaignId().equals(campaignId) && r.contactId().equals(contactId)
                ? Optional.of(r) : Optional.empty();
    }

    private Optional<String> holder(String campaignId, String contactId, Principal p) {
        return heldRecord(campaignId, contactId, held, p.agentId()).map(r -> p.agentId());
    }

    private void dial(RoutingContext rc) {
        Principal p = SignInWeb.principal(rc);
        String campaign = rc.pathParam("campaign");
        String contact = rc.pathParam("contact");
        if (!AccessRules.mayActOnPreview(p, holder(campaign, contact, p))) {
            ApiReplies.fail(rc, 403, "this preview record is not reserved to you");
            return;
        }
        PreviewRecord r = held.get(p.agentId());
        this.<PreviewDialled>ask(DialerAddresses.PREVIEW_DIAL, new DialPreviewRecord(campaign, contact, p.agentId()))
                .onSuccess(d -> {
                    held.remove(p.agentId(), r);
                    dialled.put(p.agentId(), r);
                    log.info("agent {} dials preview record {}/{} (attempt {})", p.agentId(), campaign, contact,
                            d.attemptId());
                    ApiReplies.json(rc, 202, new JsonObject().put("campaignId", campaign).put("contactId", contact)
                            .put("attemptId", d.attemptId()));
                }).onFailure(e -> {
                    if (e instanceof ReplyException x && x.failureCode() == 409) {
                        // refused (do-not-call, dial rules) or no longer theirs: the agent asks for the next one
                        held.remove(p.agentId(), r);
                    }
                    CampaignWeb.dialerError(rc, e);
                });
    }

    private void skip(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        Principal p = SignInWeb.principal(rc);
        String campaign = rc.pathParam("campaign");
        String contact = rc.pathParam("contact");
        if (!AccessRules.mayActOnPreview(p, holder(campaign, contact, p))) {
            ApiReplies.fail(rc, 403, "this preview record is not reserved to you");
            return;
        }
        String reason = b.getValue("reason") instanceof String s ? s : "";
        if (reason.length() > 200) {
            ApiReplies.fail(rc, 400, "reason: at most 200 characters");
            return;
        }
        this.ask(DialerAddresses.PREVIEW_SKIP, new SkipPreviewRecord(campaign, contact, p.agentId(), reason))
                .onSuccess(v -> {
                    held.remove(p.agentId());
                    ApiReplies.json(rc, 200, new JsonObject().put("campaignId", campaign).put("contactId", contact)
                            .put("skipped", true));
                }).onFailure(e -> CampaignWeb.dialerError(rc, e));
    }

    /**
     * Supervisors add any number; an agent adds the number of a call of theirs ({@code interactionId}) or of a preview
     * record they hold or dialled ({@code campaignId} + {@code contactId}), never a number they type.
     */
    private void doNotCall(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        Principal p = SignInWeb.principal(rc);
        String reason = b.getValue("reason") instanceof String s ? s : "";
        if (reason.length() > 200) {
            ApiReplies.fail(rc, 400, "reason: at most 200 characters");
            return;
        }
        Future<Optional<String>> number;
        if (AccessRules.mayAddAnyDoNotCall(p)) {
            Object n = b.getValue("number");
            if (!(n instanceof String s) || s.isBlank()) {
                ApiReplies.fail(rc, 400, "number: required");
                return;
            }
            number = Future.succeededFuture(Optional.of(s));
        } else if (b.getValue("interactionId") instanceof String id && !id.isBlank()) {
            number = console.interactions().find(id).map(i -> i.filter(x -> AccessRules.mayAddDoNotCallOf(p,
                    x.agentId())).map(x -> x.direction() == Direction.INBOUND ? x.callerNumber() : x.dialedNumber()));
        } else if (b.getValue("campaignId") instanceof String c && b.getValue("contactId") instanceof String k) {
            Optional<PreviewRecord> r = heldRecord(c, k, held, p.agentId())
                    .or(() -> heldRecord(c, k, dialled, p.agentId()));
            number = Future.succeededFuture(AccessRules.mayActOnPreview(p, r.map(x -> p.agentId()))
                    ? r.map(PreviewRecord::phone) : Optional.empty());
        } else {
            number = Future.succeededFuture(Optional.empty());
        }
        number.onSuccess(n -> {
            if (n.isEmpty() || n.get().isBlank()) {
                ApiReplies.fail(rc, 403, "agents may add only the number of their own call or preview record");
                return;
            }
            this.<DoNotCallAdded>ask(DialerAddresses.DNC_ADD, new AddDoNotCall(n.get(), reason, p.username()))
                    .onSuccess(a -> {
                        log.info("{} put {} on the do-not-call list", p.username(), a.number());
                        ApiReplies.json(rc, 201, new JsonObject().put("number", a.number())
                                .put("addedAt", a.addedAt().toString()));
                    }).onFailure(e -> CampaignWeb.dialerError(rc, e));
        }).onFailure(e -> ApiReplies.error(rc, e));
    }

    private void callback(RoutingContext rc) {
        JsonObject b = ApiReplies.body(rc);
        if (b == null) {
            return;
        }
        Principal p = SignInWeb.principal(rc);
        String campaign = rc.pathParam("id");
        String contact = rc.pathParam("contact");
        Optional<String> holder = heldRecord(campaign, contact, held, p.agentId())
                .or(() -> heldRecord(campaign, contact, dialled, p.agentId())).map(r -> p.agentId());
        if (!AccessRules.mayBookCampaignCallback(p, holder)) {
            ApiReplies.fail(rc, 403, "agents book callbacks only on preview records they hold or dialled");
            return;
        }
        Instant at;
        try {
            at = Instant.parse(b.getValue("at") instanceof String s ? s : "");
        } catch (DateTimeParseException e) {
            ApiReplies.fail(rc, 400, "at: must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
            return;
        }
        if (at.isBefore(console.clock().instant().minus(Duration.ofMinutes(1)))) {
            ApiReplies.fail(rc, 400, "at: a callback cannot be in the past");
            return;
        }
        this.<ScheduleCampaignCallback>ask(DialerAddresses.CAMPAIGN_CALLBACK,
                        new ScheduleCampaignCallback(campaign, contact, at, p.username()))
                .onSuccess(s -> ApiReplies.json(rc, 202, new JsonObject().put("campaignId", campaign)
                        .put("contactId", contact).put("at", s.at().toString())))
                .onFailure(e -> CampaignWeb.dialerError(rc, e));
    }

    static JsonObject record(PreviewRecord r) {
        return new JsonObject().put("campaignId", r.campaignId()).put("contactId", r.contactId()).put("name", r.name())
                .put("phone", r.phone()).put("customerId", r.customerId()).put("attempts", r.attempts())
                .put("lastOutcome", r.lastOutcome()).put("reservedUntil", r.reservedUntil().toString());
    }

    private <T> Future<T> ask(String address, Object request) {
        return vertx.eventBus().<T>request(address, request, new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .map(Message::body);
    }
}
