package cc.core.adapter.ami;

import cc.core.app.livestate.LeaseAsk;
import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.app.telephony.TelephonyException;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.TelephonyAddresses;
import cc.core.contract.TelephonyAddresses.LinkState;
import cc.core.contract.TelephonyAddresses.RelayedCallEvents;
import cc.core.contract.TelephonyAddresses.RelayedLinkEvent;
import cc.core.contract.TelephonyAddresses.TelephonyCommand;
import cc.core.contract.TelephonyAddresses.TelephonyOutcome;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.VertxInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The telephony port of a node among several ({@code cluster.enabled}): each Asterisk server's AMI link is owned by
 * one node, the one that records that server's calls (its {@code recorder.<server>} lease), and taken over by another
 * when that node dies or stops. Asterisk sees one manager connection per server, and every event is read once.
 *
 * <ul>
 * <li>The owner delivers its link's events to this node's modules and publishes them ({@link
 * TelephonyAddresses#CALL_EVENT}); the other nodes hear them under {@link ClusterAddresses#fromPeers} and deliver
 * them to their modules alike, so every node's recorder, ACD and call control follow every call.</li>
 * <li>A command for a server this node does not own (an originate by the routing or the dialling node, a hold by call
 * control) goes to the owner ({@link TelephonyAddresses#COMMAND}, through the lease), which carries it out on its link
 * and answers; its refusal comes back as the same {@link TelephonyException} kind.</li>
 * <li>Every node follows the live legs of every server from the events ({@link FollowedLegs}); the node taking a link
 * over starts its channel book from them, so the channel list read after its login closes the calls that ended
 * while no node owned the link (cause {@code link-lost}) and starts those that began, as after a reconnect.</li>
 * </ul>
 *
 * <p>Threading: the commands complete on the caller's context; events of an owned server come on its link's context,
 * those of the others on this port's own context, in the order the owner published them.
 */
public final class ClusterTelephony implements Telephony {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTelephony.class);
    /** How often the owner says whether its link is logged in, and for how long the others believe it. */
    static final long LINK_STATE_EVERY_MS = 2_000;
    static final long LINK_STATE_BELIEVED_MS = 3 * LINK_STATE_EVERY_MS;
    /** A command other than an originate may take this long at the owner (its AMI response timeout and the hop). */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    /** An originate takes its ring time, then this long at most (response, grace, the hop). */
    private static final Duration ORIGINATE_MARGIN = Duration.ofSeconds(30);

    private final VertxInternal vertx;
    private final AmiTelephony links;
    private final String nodeId;
    private final Function<String, String> leaseOf;
    private final FollowedLegs followed = new FollowedLegs();
    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    /** Per server not owned here: until when (System.nanoTime) the owner's last word says its link is up. */
    private final Map<String, Long> peerUpUntil = new ConcurrentHashMap<>();
    private final EventHandlers<CallEvent> callHandlers = new EventHandlers<>("call event");
    private final EventHandlers<LinkEvent> linkHandlers = new EventHandlers<>("link event");
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final ContextInternal context;
    private volatile LeaseAsk ask;
    private volatile boolean started;
    private long stateTimer = -1;

    /**
     * @param links   this node's AMI links, none started: each is started when this node comes to own it
     * @param leaseOf the lease that names the owner of a server's link (the recorder's)
     */
    public ClusterTelephony(Vertx vertx, AmiTelephony links, String nodeId, Function<String, String> leaseOf) {
        this.vertx = (VertxInternal) vertx;
        this.links = links;
        this.nodeId = nodeId;
        this.leaseOf = leaseOf;
        this.context = this.vertx.createEventLoopContext();
        TelephonyAddresses.registerCodecs(vertx.eventBus());
        links.onCallEvent(this::fromOwnLink);
        links.onLinkEvent(this::fromOwnLink);
    }

    /** How commands reach the owner of a link: set when the node has joined the others. */
    public void askThrough(LeaseAsk ask) {
        this.ask = ask;
    }

    /** This node owns {@code server}'s link now (it took the recorder's lease): logs in, from the legs followed. */
    public void gained(String server) {
        if (owned.add(server)) {
            LOG.info("node {} owns the AMI link to {} now", nodeId, server);
        }
        if (started) {
            links.takeOver(server, followed.legs(server));
        }
    }

    /** Another node owns {@code server}'s link now: this node logs off it and follows that node's events. */
    public void lost(String server) {
        if (owned.remove(server)) {
            LOG.warn("node {} no longer owns the AMI link to {}; logging off it", nodeId, server);
        }
        links.release(server);
    }

    /** Starts hearing the other nodes' links and answering their commands; logs in to the servers owned here. */
    public Future<Void> start() {
        PromiseInternal<Void> done = context.promise();
        context.runOnContext(v -> {
            var bus = vertx.eventBus();
            MessageConsumer<RelayedCallEvents> calls = bus.consumer(ClusterAddresses.fromPeers(
                    TelephonyAddresses.CALL_EVENT), m -> m.body().events().forEach(this::fromPeer));
            MessageConsumer<RelayedLinkEvent> linkEvents = bus.consumer(ClusterAddresses.fromPeers(
                    TelephonyAddresses.LINK_EVENT), m -> fromPeer(m.body().event()));
            MessageConsumer<LinkState> states = bus.consumer(ClusterAddresses.fromPeers(
                    TelephonyAddresses.LINK_STATE), m -> fromPeer(m.body()));
            MessageConsumer<TelephonyCommand> commands = bus.consumer(TelephonyAddresses.COMMAND, this::answer);
            consumers.addAll(List.of(calls, linkEvents, states, commands));
            stateTimer = vertx.setPeriodic(LINK_STATE_EVERY_MS, id -> sayLinkStates());
            Future.all(calls.completion(), linkEvents.completion(), states.completion(), commands.completion())
                    .onComplete(ar -> {
                        started = true;
                        owned.forEach(server -> links.takeOver(server, followed.legs(server)));
                        done.complete();
                    });
        });
        return done.future();
    }

    /** Logs off every link and stops answering. */
    public Future<Void> stop() {
        started = false;
        PromiseInternal<Void> done = context.promise();
        context.runOnContext(v -> {
            vertx.cancelTimer(stateTimer);
            consumers.forEach(MessageConsumer::unregister);
            consumers.clear();
            owned.clear();
            links.stop().onComplete(ar -> done.complete());
        });
        return done.future();
    }

    // ---- events ------------------------------------------------------------------------------------------------

    private void fromOwnLink(CallEvent event) {
        if (!owned.contains(event.leg().server())) {
            return;  // a last word of a link being released: the new owner's resync tells it
        }
        followed.apply(event);
        deliver(event);
        outgoing.computeIfAbsent(event.leg().server(), s -> new Outgoing()).add(event);
    }

    /** Per server owned here: the events read and not yet published, published once per intake batch of its link. */
    private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

    /**
     * The events of one server's link waiting to be published. The link delivers on its own context, a batch of
     * signals per task; the first event of a batch schedules one publication after it on the same context, so the
     * other nodes get the batch in one message (the relay's cost, two JSON encodings and decodings per message and
     * peer, is per message) and in order.
     */
    private final class Outgoing {
        private List<CallEvent> events = new ArrayList<>();

        /** On the link's context. */
        void add(CallEvent event) {
            events.add(event);
            if (events.size() == 1) {
                vertx.getOrCreateContext().runOnContext(v -> publish());
            }
        }

        private void publish() {
            List<CallEvent> batch = events;
            events = new ArrayList<>();
            if (!batch.isEmpty()) {
                vertx.eventBus().publish(TelephonyAddresses.CALL_EVENT, new RelayedCallEvents(batch));
            }
        }
    }

    private void fromOwnLink(LinkEvent event) {
        if (!owned.contains(event.server())) {
            return;
        }
        deliver(event);
        vertx.eventBus().publish(TelephonyAddresses.LINK_EVENT, new RelayedLinkEvent(event));
    }

    private void fromPeer(CallEvent event) {
        if (owned.contains(event.leg().server())) {
            return;  // another node still talking of a link this node owns now
        }
        followed.apply(event);
        deliver(event);
    }

    private void fromPeer(LinkEvent event) {
        if (owned.contains(event.server())) {
            return;
        }
        peerUpUntil.put(event.server(), event instanceof LinkEvent.LinkDown ? 0L
                : System.nanoTime() + LINK_STATE_BELIEVED_MS * 1_000_000);
        deliver(event);
    }

    private void fromPeer(LinkState state) {
        if (!owned.contains(state.server())) {
            peerUpUntil.put(state.server(), state.up() ? System.nanoTime() + LINK_STATE_BELIEVED_MS * 1_000_000 : 0L);
        }
    }

    private void sayLinkStates() {
        for (String server : owned) {
            vertx.eventBus().publish(TelephonyAddresses.LINK_STATE, new LinkState(server, nodeId,
                    links.isUp(server)));
        }
    }

    private void deliver(CallEvent event) {
        callHandlers.deliver(event);
    }

    private void deliver(LinkEvent event) {
        linkHandlers.deliver(event);
    }

    @Override
    public void onCallEvent(Consumer<CallEvent> handler) {
        callHandlers.add(handler);
    }

    @Override
    public void onLinkEvent(Consumer<LinkEvent> handler) {
        linkHandlers.add(handler);
    }

    @Override
    public boolean isUp(String server) {
        if (owned.contains(server)) {
            return links.isUp(server);
        }
        Long until = peerUpUntil.get(server);
        return until != null && until - System.nanoTime() > 0;
    }

    /** Whether this node owns {@code server}'s AMI link now. */
    public boolean owns(String server) {
        return owned.contains(server);
    }

    // ---- commands ----------------------------------------------------------------------------------------------

    @Override
    public Future<OriginateResult> originate(OriginateRequest request) {
        if (owned.contains(request.server())) {
            return links.originate(request);
        }
        return remote(new TelephonyCommand(request.server(), "originate", List.of(), Optional.of(request)),
                request.ringTimeout().plus(ORIGINATE_MARGIN)).map(o -> o.originate().orElseThrow());
    }

    @Override
    public Future<Void> redirect(String server, String channel, String context, String exten, int priority) {
        return owned.contains(server) ? links.redirect(server, channel, context, exten, priority)
                : remoteVoid(server, "redirect", channel, context, exten, Integer.toString(priority));
    }

    @Override
    public Future<Void> bridge(String server, String channel1, String channel2) {
        return owned.contains(server) ? links.bridge(server, channel1, channel2)
                : remoteVoid(server, "bridge", channel1, channel2);
    }

    @Override
    public Future<Void> hangup(String server, String channel, int cause) {
        return owned.contains(server) ? links.hangup(server, channel, cause)
                : remoteVoid(server, "hangup", channel, Integer.toString(cause));
    }

    @Override
    public Future<Void> setVariable(String server, String channel, String name, String value) {
        return owned.contains(server) ? links.setVariable(server, channel, name, value)
                : remoteVoid(server, "setVariable", channel, name, value);
    }

    @Override
    public Future<Optional<String>> getVariable(String server, String channel, String name) {
        return owned.contains(server) ? links.getVariable(server, channel, name)
                : remote(command(server, "getVariable", channel, name), COMMAND_TIMEOUT).map(TelephonyOutcome::value);
    }

    @Override
    public Future<Void> redirectBoth(String server, String channel, String extraChannel, String context,
                                     String exten) {
        return owned.contains(server) ? links.redirectBoth(server, channel, extraChannel, context, exten)
                : remoteVoid(server, "redirectBoth", channel, extraChannel, context, exten);
    }

    @Override
    public Future<Void> blindTransfer(String server, String transferer, String context, String exten) {
        return owned.contains(server) ? links.blindTransfer(server, transferer, context, exten)
                : remoteVoid(server, "blindTransfer", transferer, context, exten);
    }

    @Override
    public Future<Void> attendedTransfer(String server, String transferer, String context, String exten) {
        return owned.contains(server) ? links.attendedTransfer(server, transferer, context, exten)
                : remoteVoid(server, "attendedTransfer", transferer, context, exten);
    }

    @Override
    public Future<Void> cancelAttendedTransfer(String server, String transferer) {
        return owned.contains(server) ? links.cancelAttendedTransfer(server, transferer)
                : remoteVoid(server, "cancelAttendedTransfer", transferer);
    }

    @Override
    public Future<String> startRecording(String server, String channel, String file) {
        return owned.contains(server) ? links.startRecording(server, channel, file)
                : remote(command(server, "startRecording", channel, file), COMMAND_TIMEOUT)
                .map(o -> o.value().orElse(""));
    }

    @Override
    public Future<Void> muteRecording(String server, String channel, boolean muted) {
        return owned.contains(server) ? links.muteRecording(server, channel, muted)
                : remoteVoid(server, "muteRecording", channel, Boolean.toString(muted));
    }

    @Override
    public Future<Void> stopRecording(String server, String channel, String recordingId) {
        return owned.contains(server) ? links.stopRecording(server, channel, recordingId)
                : remoteVoid(server, "stopRecording", channel, recordingId == null ? "" : recordingId);
    }

    @Override
    public Future<Void> leaveConference(String server, String conference, String channel) {
        return owned.contains(server) ? links.leaveConference(server, conference, channel)
                : remoteVoid(server, "leaveConference", conference, channel);
    }

    private static TelephonyCommand command(String server, String name, String... args) {
        return new TelephonyCommand(server, name, List.of(args), Optional.empty());
    }

    private Future<Void> remoteVoid(String server, String name, String... args) {
        return remote(command(server, name, args), COMMAND_TIMEOUT).mapEmpty();
    }

    /** Asks the owner of the command's server; completes on the caller's context with the owner's outcome. */
    private Future<TelephonyOutcome> remote(TelephonyCommand command, Duration timeout) {
        ContextInternal caller = vertx.getOrCreateContext();
        PromiseInternal<TelephonyOutcome> result = caller.promise();
        LeaseAsk through = ask;
        if (through == null) {
            result.fail(new TelephonyException(TelephonyException.Kind.NOT_CONNECTED, "node " + nodeId
                    + " does not own the AMI link to " + command.server() + " and has not joined the other nodes"));
            return result.future();
        }
        through.ask(leaseOf.apply(command.server()), TelephonyAddresses.COMMAND, command, timeout.toMillis())
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        result.complete((TelephonyOutcome) ar.result());
                    } else {
                        result.fail(asTelephonyFailure(command, ar.cause()));
                    }
                });
        return result.future();
    }

    private static TelephonyException asTelephonyFailure(TelephonyCommand command, Throwable err) {
        TelephonyException.Kind[] kinds = TelephonyException.Kind.values();
        if (err instanceof ReplyException) {
            ReplyException re = (ReplyException) err;
            int code = re.failureCode() - TelephonyAddresses.FAILURE_BASE;
            if (re.failureType() == ReplyFailure.RECIPIENT_FAILURE && code >= 0 && code < kinds.length) {
                return new TelephonyException(kinds[code], re.getMessage());
            }
            if (re.failureType() == ReplyFailure.TIMEOUT || re.failureCode() == 504) {
                return new TelephonyException(TelephonyException.Kind.TIMEOUT, "AMI " + command.command() + " on "
                        + command.server() + ": the node owning the link did not answer in time");
            }
        }
        return new TelephonyException(TelephonyException.Kind.NOT_CONNECTED, "AMI " + command.command() + " on "
                + command.server() + ": no node owning the link could be asked (" + err.getMessage() + ")");
    }

    /** A command another node (or this one, asking the holder) sent to the owner of a link: carried out here. */
    private void answer(Message<TelephonyCommand> m) {
        TelephonyCommand c = m.body();
        if (!owned.contains(c.server())) {
            m.fail(TelephonyAddresses.FAILURE_BASE + TelephonyException.Kind.NOT_CONNECTED.ordinal(),
                    "node " + nodeId + " does not own the AMI link to " + c.server() + " (a takeover under way)");
            return;
        }
        Future<TelephonyOutcome> done;
        try {
            done = carryOut(c);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(ar -> {
            if (ar.succeeded()) {
                m.reply(ar.result());
            } else if (ar.cause() instanceof TelephonyException) {
                TelephonyException e = (TelephonyException) ar.cause();
                m.fail(TelephonyAddresses.FAILURE_BASE + e.kind().ordinal(), e.getMessage());
            } else {
                m.fail(TelephonyAddresses.FAILURE_BASE + TelephonyException.Kind.REFUSED.ordinal(),
                        "AMI " + c.command() + " on " + c.server() + " failed: " + ar.cause().getMessage());
            }
        });
    }

    private Future<TelephonyOutcome> carryOut(TelephonyCommand c) {
        List<String> a = c.args();
        String s = c.server();
        switch (c.command()) {
            case "originate":
                return links.originate(c.originate().orElseThrow(() -> new IllegalArgumentException(
                        "an originate without its request"))).map(r -> new TelephonyOutcome(Optional.of(r),
                        Optional.empty()));
            case "redirect":
                return none(links.redirect(s, a.get(0), a.get(1), a.get(2), Integer.parseInt(a.get(3))));
            case "bridge":
                return none(links.bridge(s, a.get(0), a.get(1)));
            case "hangup":
                return none(links.hangup(s, a.get(0), Integer.parseInt(a.get(1))));
            case "setVariable":
                return none(links.setVariable(s, a.get(0), a.get(1), a.get(2)));
            case "getVariable":
                return links.getVariable(s, a.get(0), a.get(1)).map(v -> new TelephonyOutcome(Optional.empty(), v));
            case "redirectBoth":
                return none(links.redirectBoth(s, a.get(0), a.get(1), a.get(2), a.get(3)));
            case "blindTransfer":
                return none(links.blindTransfer(s, a.get(0), a.get(1), a.get(2)));
            case "attendedTransfer":
                return none(links.attendedTransfer(s, a.get(0), a.get(1), a.get(2)));
            case "cancelAttendedTransfer":
                return none(links.cancelAttendedTransfer(s, a.get(0)));
            case "startRecording":
                return links.startRecording(s, a.get(0), a.get(1))
                        .map(id -> new TelephonyOutcome(Optional.empty(), Optional.of(id)));
            case "muteRecording":
                return none(links.muteRecording(s, a.get(0), Boolean.parseBoolean(a.get(1))));
            case "stopRecording":
                return none(links.stopRecording(s, a.get(0), a.get(1)));
            case "leaveConference":
                return none(links.leaveConference(s, a.get(0), a.get(1)));
            default:
                return Future.failedFuture(new TelephonyException(TelephonyException.Kind.REFUSED,
                        "no telephony command named " + c.command()));
        }
    }

    private static Future<TelephonyOutcome> none(Future<Void> f) {
        return f.map(v -> new TelephonyOutcome(Optional.empty(), Optional.empty()));
    }
}
