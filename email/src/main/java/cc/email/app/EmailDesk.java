package cc.email.app;

import cc.core.app.interaction.InteractionStore;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.Segment;
import cc.email.domain.Acknowledgement;
import cc.email.domain.AttachmentLimit;
import cc.email.domain.CaseNumber;
import cc.email.domain.InboundMail;
import cc.email.domain.IntakeDecision;
import cc.email.domain.OutboundMail;
import cc.email.domain.Placeholders;
import cc.email.domain.Robot;
import cc.email.domain.ThreadState;
import cc.email.domain.Threading;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The email channel's service: takes each received message through the pure {@link IntakeDecision} (duplicate,
 * thread, robot, acknowledgement cap), stores it, routes new and reopened cases to the ACD
 * ({@link MediaAddresses#ENQUEUE}), acknowledges them, and sends the answers of the agent who holds a case
 * ({@link MediaAddresses#OFFER_ENDED} answered), closing the contact ({@link MediaAddresses#END} {@code answered}).
 *
 * <p>Threading: one owner, its own context. Messages from one sender are taken one at a time, in order, so a
 * customer's two quick messages cannot open two cases; different senders' go in parallel.
 */
public final class EmailDesk extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(EmailDesk.class);
    private static final Duration ACK_WINDOW = Duration.ofHours(24);

    private final EmailSettings settings;
    private final MailStore store;
    private final Mailer mailer;
    private final SenderLookup senders;
    private final ArticleSuggestions articles;
    private final InteractionStore interactions;
    private final InstantSource clock;
    private final Supplier<String> interactionIds;
    private final MeterRegistry metrics;
    private final Map<String, Future<?>> bySender = new HashMap<>();
    private Context own;

    public EmailDesk(EmailSettings settings, MailStore store, Mailer mailer, SenderLookup senders,
                     ArticleSuggestions articles, InteractionStore interactions, InstantSource clock,
                     Supplier<String> interactionIds, MeterRegistry metrics) {
        this.settings = settings;
        this.store = store;
        this.mailer = mailer;
        this.senders = senders;
        this.articles = articles;
        this.interactions = interactions;
        this.clock = clock;
        this.interactionIds = interactionIds;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        own = context;
        MediaAddresses.registerCodecs(vertx.eventBus());
        vertx.eventBus().<MediaOfferEnded>consumer(MediaAddresses.OFFER_ENDED, m -> onOfferEnded(m.body()));
        vertx.eventBus().<MediaEnded>consumer(MediaAddresses.ENDED, m -> onEnded(m.body()));
        return Future.succeededFuture();
    }

    /** Takes one received message; completes once it is stored (and routed and acknowledged, where it is due). */
    public Future<IntakeDecision> receive(InboundMail mail) {
        Promise<IntakeDecision> done = Promise.promise();
        own.runOnContext(v -> {
            Future<?> before = bySender.getOrDefault(mail.from(), Future.succeededFuture());
            Future<IntakeDecision> mine = before.transform(ar -> intake(mail));
            bySender.put(mail.from(), mine);
            mine.onComplete(ar -> {
                if (bySender.get(mail.from()) == mine) {
                    bySender.remove(mail.from());
                }
                done.handle(ar);
            });
        });
        return done.future();
    }

    private Future<IntakeDecision> intake(InboundMail received) {
        Instant now = clock.instant();
        AttachmentLimit.Outcome files = new AttachmentLimit(settings.maxAttachmentBytes()).apply(received.attachments());
        InboundMail mail = received.withAttachments(files.kept());
        String notes = String.join("\n", files.droppedNotes());
        Robot robot = Robot.of(mail);
        return store.known(mail.messageId(), Threading.parents(mail), CaseNumber.in(mail.subject()), mail.from(),
                        now.minus(ACK_WINDOW))
                .compose(known -> {
                    IntakeDecision d = IntakeDecision.decide(known.duplicate(), known.thread(), robot,
                            known.acknowledgements(), settings.maxAcksPerSenderPerDay());
                    return carryOut(d, known.thread(), mail, notes, now);
                })
                .onSuccess(d -> {
                    log.debug("{} from {} ({}): {}", mail.messageId(), mail.from(), mail.subject(), d);
                    metrics.counter("cc.email.received", "action", d.action().name().toLowerCase(java.util.Locale.ROOT),
                            "robot", robot.name().toLowerCase(java.util.Locale.ROOT)).increment();
                    if (!d.acknowledge() && d.action() != IntakeDecision.Action.IGNORE_DUPLICATE) {
                        log.debug("no acknowledgement for {} from {}: {}", mail.messageId(), mail.from(), d.why());
                    }
                });
    }

    private Future<IntakeDecision> carryOut(IntakeDecision d, Optional<ThreadState> thread, InboundMail mail,
                                            String notes, Instant now) {
        switch (d.action()) {
            case IGNORE_DUPLICATE:
                return Future.succeededFuture(d);
            case ADD_TO_OPEN:
            case ADD_TO_CLOSED:
                return store.addInbound(thread.get().threadId(), thread.get().interactionId(), mail, d.robot(), notes)
                        .map(d);
            case FILE_UNROUTED:
                return senders.byAddress(mail.from()).compose(sender -> store.create(newThread(mail, sender,
                        settings.queueFor(mail.recipients()), interactionIds.get(), false, now), mail, d.robot(), notes))
                        .map(d);
            case REOPEN: {
                String interactionId = interactionIds.get();
                String queue = settings.queueFor(mail.recipients());
                ThreadState t = thread.get();
                return store.reopen(t.threadId(), interactionId, queue, now)
                        .compose(v -> store.addInbound(t.threadId(), interactionId, mail, d.robot(), notes))
                        .compose(v -> store.thread(interactionId))
                        .compose(r -> route(r.orElseThrow(), mail, now, d.acknowledge()))
                        .map(d);
            }
            case NEW_THREAD: {
                String interactionId = interactionIds.get();
                return senders.byAddress(mail.from()).compose(sender -> {
                    MailStore.NewThread n = newThread(mail, sender, settings.queueFor(mail.recipients()),
                            interactionId, true, now);
                    return store.create(n, mail, d.robot(), notes).compose(t -> route(new ThreadRecord(t.threadId(),
                            t.caseNumber(), interactionId, n.subject(), n.customerAddress(), n.customerName(),
                            n.customerId(), n.language(), n.queue(), true, Optional.empty(),
                            List.of(mail.messageId())), mail, now, d.acknowledge()));
                }).map(d);
            }
            default:
                throw new IllegalStateException("unknown action " + d.action());
        }
    }

    private static MailStore.NewThread newThread(InboundMail mail, Optional<SenderLookup.Sender> sender, String queue,
                                                 String interactionId, boolean open, Instant now) {
        return new MailStore.NewThread(mail.subject(), mail.from(),
                sender.map(SenderLookup.Sender::name).orElse(mail.fromName()),
                sender.map(SenderLookup.Sender::customerId), sender.map(SenderLookup.Sender::language).orElse(""),
                queue, interactionId, open, now);
    }

    /** The interaction record, the ACD, then the acknowledgement (a failed acknowledgement does not undo routing). */
    private Future<Void> route(ThreadRecord t, InboundMail mail, Instant now, boolean acknowledge) {
        Interaction record = new Interaction(t.interactionId(), InteractionChannel.EMAIL, Direction.INBOUND, "", "",
                t.customerAddress(), t.customerName(), settings.address(), now, Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.of(t.queue()), Optional.empty(), Optional.empty(), "", "",
                t.customerId(), Optional.empty(), Optional.empty(), true);
        Map<String, String> data = new HashMap<>();
        data.put(EnqueueMedia.TOPIC_KEY, t.subject());
        data.put(EnqueueMedia.ADDRESS_KEY, t.customerAddress());
        t.customerId().ifPresent(id -> data.put(EnqueueMedia.CUSTOMER_KEY, Long.toString(id)));
        data.put("caseNumber", Long.toString(t.caseNumber()));
        EnqueueMedia enqueue = new EnqueueMedia(t.interactionId(), InteractionChannel.EMAIL, t.queue(),
                settings.priority(), t.language(), data, now);
        return interactions.save(record)
                .compose(v -> vertx.eventBus().request(MediaAddresses.ENQUEUE, enqueue))
                .onFailure(e -> log.warn("case {} ({}) not routed to queue {}: {}", t.caseNumber(),
                        t.interactionId(), t.queue(), e.getMessage()))
                .transform(ar -> acknowledge ? acknowledge(t, mail, now) : Future.succeededFuture());
    }

    private Future<Void> acknowledge(ThreadRecord t, InboundMail mail, Instant now) {
        return articles.bestFor(mail.subject() + "\n" + mail.text(), t.language(), settings.suggestedArticles())
                .recover(e -> {
                    log.warn("no article suggestions for case {}: {}", t.caseNumber(), e.getMessage());
                    return Future.succeededFuture(List.of());
                })
                .compose(found -> {
                    Acknowledgement ack = Acknowledgement.of(t.language(), t.caseNumber(), t.customerName(),
                            mail.subject(), found);
                    OutboundMail out = new OutboundMail(t.customerAddress(), t.customerName(), ack.subject(),
                            ack.body(), mail.messageId(), references(t.messageIds(), mail.messageId()), true);
                    return mailer.send(out).compose(id -> store.addOutbound(t.threadId(), t.interactionId(), id,
                            settings.address(), out, Optional.empty(), now));
                })
                .onSuccess(v -> metrics.counter("cc.email.acknowledgements").increment())
                .onFailure(e -> log.warn("acknowledgement of case {} to {} not sent: {}", t.caseNumber(),
                        t.customerAddress(), e.getMessage()))
                .recover(e -> Future.succeededFuture());
    }

    private static List<String> references(List<String> thread, String parent) {
        List<String> refs = new java.util.ArrayList<>(thread);
        refs.remove(parent);
        refs.add(parent);
        return refs;
    }

    /**
     * The agent holding the case answers it: sent with In-Reply-To the customer's last message and the thread's
     * References, the case number in the subject; stored; the contact ends as answered. Fails with
     * {@link IllegalStateException} when the agent does not hold it.
     */
    public Future<Void> reply(String interactionId, String agentId, boolean supervisor, String text) {
        if (text == null || text.isBlank()) {
            return Future.failedFuture(new IllegalArgumentException("text must not be empty"));
        }
        Instant now = clock.instant();
        return store.thread(interactionId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new java.util.NoSuchElementException("no email case " + interactionId));
            }
            ThreadRecord t = found.get();
            if (!t.open() || !t.interactionId().equals(interactionId)) {
                return Future.failedFuture(new IllegalStateException("case " + t.caseNumber() + " is closed"));
            }
            if (!supervisor && !t.holder().equals(Optional.of(agentId))) {
                return Future.failedFuture(new SecurityException("only the agent holding case " + t.caseNumber()
                        + " answers it"));
            }
            String parent = t.messageIds().isEmpty() ? "" : t.messageIds().get(t.messageIds().size() - 1);
            OutboundMail out = new OutboundMail(t.customerAddress(), t.customerName(),
                    CaseNumber.subject(t.subject(), t.caseNumber()), text, parent,
                    t.messageIds().isEmpty() ? List.of() : t.messageIds(), false);
            return mailer.send(out)
                    .compose(id -> store.addOutbound(t.threadId(), interactionId, id, settings.address(), out,
                            Optional.of(agentId), now))
                    .compose(v -> store.close(interactionId, now))
                    // the record's agent, answer and end are the ACD's facts: its recorder writes them from the END
                    .compose(v -> vertx.eventBus().request(MediaAddresses.END,
                            new EndMedia(interactionId, EndMedia.ANSWERED, now))
                            .<Void>mapEmpty()
                            .recover(e -> {
                                log.warn("the ACD did not take the end of {}: {}", interactionId, e.getMessage());
                                return Future.succeededFuture();
                            }))
                    .onSuccess(v -> metrics.counter("cc.email.replies").increment());
        });
    }

    /** Who holds the case routed as {@code interactionId}: empty when nobody (or no such case). */
    public Future<Optional<String>> holder(String interactionId) {
        return store.thread(interactionId).map(t -> t.filter(ThreadRecord::open).flatMap(ThreadRecord::holder));
    }

    /** The reply templates in the customer's language (all when none is), placeholders filled for this case. */
    public Future<JsonArray> templates(String interactionId, String agentName) {
        return store.thread(interactionId).map(found -> {
            JsonArray out = new JsonArray();
            found.ifPresent(t -> settings.templates().stream()
                    .filter(x -> t.language().isEmpty() || x.language().equals(t.language()))
                    .forEach(x -> out.add(new JsonObject().put("id", x.id()).put("language", x.language())
                            .put("title", x.title()).put("text", Placeholders.fill(x.text(), Map.of(
                                    "customerName", t.customerName().isBlank() ? t.customerAddress() : t.customerName(),
                                    "caseNumber", Long.toString(t.caseNumber()), "subject", t.subject(),
                                    "agentName", agentName))))));
            return out;
        });
    }

    public MailStore store() {
        return store;
    }

    private void onOfferEnded(MediaOfferEnded e) {
        if (Segment.ANSWERED.equals(e.outcome())) {
            store.hold(e.interactionId(), e.agentId(), e.at())
                    .onFailure(x -> log.warn("holder of {} not stored: {}", e.interactionId(), x.getMessage()));
        }
    }

    private void onEnded(MediaEnded e) {
        store.close(e.interactionId(), e.at())
                .onFailure(x -> log.warn("end of {} not stored: {}", e.interactionId(), x.getMessage()));
    }
}
