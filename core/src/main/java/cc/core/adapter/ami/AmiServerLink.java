package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateFailure;
import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.TelephonyException;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.VertxInternal;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The control link to one Asterisk server: its AMI connection, intake queue, channel book, reconnect and commands.
 *
 * <p>Threading: asterisk-java reads the socket on its reader thread and calls our listener from its single
 * dispatch thread (AsyncEventPump), which drops events once its 20,000-slot queue is full. The listener therefore
 * only copies the event into an {@link AmiSignal} and appends it to an unbounded lock-free queue; a drain task
 * running on this server's own Vert.x event-loop context takes the queued signals in order, up to
 * {@link AmiOptions#drainBatch()} per hop, with one {@code runOnContext} per batch. Everything else that changes
 * state (channel book, link state, timers, originate completion) runs on that context too. Commands may be sent
 * from any thread; they use asterisk-java's callback form and complete on the caller's context.
 */
final class AmiServerLink {
    private static final Logger LOG = LoggerFactory.getLogger(AmiServerLink.class);

    enum State { DOWN, UP, RECONNECTING, STOPPED }

    /** Where the link delivers what it learns: called on the link's context only. */
    interface Sink {
        void callEvent(CallEvent event);

        void linkEvent(LinkEvent event);
    }

    private record PendingOriginate(PromiseInternal<OriginateResult> promise, long guardTimer) {}

    private final AmiServerConfig config;
    private final AmiOptions options;
    private final VertxInternal vertx;
    private final ContextInternal context;
    private final InstantSource clock;
    private final AmiEventMapper mapper;
    private final Sink sink;
    private final ChannelBook book;

    private final ConcurrentLinkedQueue<AmiSignal> intake = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong drains = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final ConcurrentHashMap<String, PendingOriginate> originates = new ConcurrentHashMap<>();
    private final AtomicLong actionSeq = new AtomicLong();

    private volatile State state = State.DOWN;
    private volatile ManagerConnection connection;
    /** Which connection attempt is current; signals of older ones are ignored. Written on the context only. */
    private volatile long generation;

    // context-confined
    private boolean stopping;
    private int reconnectAttempt;
    private long reconnectTimer = -1;
    private long pingTimer = -1;
    private boolean pingOutstanding;
    private long pingSentNanos;

    AmiServerLink(AmiServerConfig config, AmiOptions options, Vertx vertx, InstantSource clock,
                  AmiEventMapper mapper, Sink sink) {
        this.config = config;
        this.options = options;
        this.vertx = (VertxInternal) vertx;
        this.context = this.vertx.createEventLoopContext();
        this.clock = clock;
        this.mapper = mapper;
        this.sink = sink;
        this.book = new ChannelBook(config.name());
    }

    String name() {
        return config.name();
    }

    boolean isUp() {
        return state == State.UP;
    }

    State state() {
        return state;
    }

    /** Signals taken from the wire (events, responses, link changes) since start. */
    long received() {
        return received.get();
    }

    /** Signals waiting between the wire and the context: grows when consumers fall behind; nothing is dropped. */
    long backlog() {
        return received.get() - handled.get();
    }

    /** How many hops onto the context the intake has made (one per batch). */
    long drainHops() {
        return drains.get();
    }

    /** Logs in for the first time; fails with a TelephonyException naming host, port and user. No retry. */
    Future<Void> start() {
        PromiseInternal<Void> done = context.promise();
        context.runOnContext(v -> connectOnce().onComplete(done));
        return done.future();
    }

    /**
     * Takes this server's link over from another node (several nodes, one owner per link): the channel book starts
     * from the legs that node's events showed, then the link logs in and resyncs like after a reconnect. A failed
     * login is tried again with the reconnect backoff until {@link #stop()}.
     */
    void takeOver(java.util.Collection<FollowedLegs.Followed> legs) {
        context.runOnContext(v -> {
            if (state == State.UP || state == State.RECONNECTING) {
                return;
            }
            stopping = false;
            book.seed(legs);
            connectOnce().onFailure(err -> {
                if (stopping) {
                    return;
                }
                state = State.RECONNECTING;
                LOG.warn("AMI {}: taking the link over failed ({}); trying again", config.name(), err.getMessage());
                scheduleReconnect();
            });
        });
    }

    Future<Void> stop() {
        PromiseInternal<Void> done = context.promise();
        context.runOnContext(v -> {
            stopping = true;
            cancelTimers();
            ManagerConnection c = connection;
            connection = null;
            state = State.STOPPED;
            failPendingOriginates();
            if (c == null) {
                done.complete();
                return;
            }
            logoffInBackground(c).onComplete(ar -> done.complete());
        });
        return done.future();
    }

    // ---- connection -------------------------------------------------------------------------------------------

    /** One connection attempt; on the context. */
    private Future<Void> connectOnce() {
        long gen = ++generation;
        // the library's connection with its reader guarded: no malformed frame can end the reader and drop the link
        GuardedManagerConnection c = new GuardedManagerConnection(config.host(), config.port(), config.username(),
                config.secret(), config.tls(), mapper::worthBuilding);
        c.setSocketTimeout((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        // the login's own request/response steps (Challenge, Login, CoreSettings) wait this long each
        c.setDefaultResponseTimeout(Math.max(1, options.actionTimeout().toMillis()));
        c.addEventListener(event -> onLibraryEvent(gen, c, event));
        return context.<Void>executeBlocking(() -> {
            c.login();
            return null;
        }, false).recover(err -> {
            logoffInBackground(c);
            return Future.failedFuture(AmiErrors.loginFailure(config, err));
        }).compose(v -> {
            if (stopping || gen != generation) {
                logoffInBackground(c);
                return Future.failedFuture(AmiErrors.notConnected(config.name(), "Login"));
            }
            connection = c;
            state = State.UP;
            reconnectAttempt = 0;
            enqueue(new AmiSignal.LinkEstablished(gen, clock.instant()));
            return Future.succeededFuture();
        });
    }

    /** asterisk-java's dispatch thread: copy, queue, return. */
    private void onLibraryEvent(long gen, ManagerConnection c, ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            // asterisk-java starts its own fixed-interval reconnect thread on a dropped socket; logging off the
            // connection (its socket is already closed) ends that thread so our backoff alone decides.
            if (c.getState() == ManagerConnectionState.RECONNECTING) {
                logoffQuietly(c);
            }
            enqueue(new AmiSignal.LinkLost(gen, "connection closed by " + config.host() + ":" + config.port(),
                    clock.instant()));
            return;
        }
        if (gen != generation) {
            return;
        }
        AmiSignal signal = mapper.map(event, clock.instant());
        if (signal != null) {
            enqueue(signal);
        }
    }

    private void enqueue(AmiSignal signal) {
        received.incrementAndGet();
        intake.offer(signal);
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        drains.incrementAndGet();
        int limit = options.drainBatch();
        AmiSignal signal;
        for (int n = 0; n < limit && (signal = intake.poll()) != null; n++) {
            handled.incrementAndGet();
            try {
                handle(signal);
            } catch (RuntimeException e) {
                LOG.error("AMI {}: handling {} failed", config.name(), signal.getClass().getSimpleName(), e);
            }
        }
        drainScheduled.set(false);
        if (!intake.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void handle(AmiSignal signal) {
        if (signal instanceof AmiSignal.OriginateOutcome) {
            completeOriginate((AmiSignal.OriginateOutcome) signal);
        } else if (signal instanceof AmiSignal.LinkEstablished) {
            AmiSignal.LinkEstablished s = (AmiSignal.LinkEstablished) signal;
            if (s.generation() == generation && state == State.UP) {
                LOG.info("AMI {}: logged in to {}", config.name(), config.describe());
                sink.linkEvent(new LinkEvent.LinkUp(config.name(), s.at()));
                book.markForResync();
                requestChannelList(s.generation(), connection);
                startPing();
            }
        } else if (signal instanceof AmiSignal.ChannelsListed) {
            AmiSignal.ChannelsListed s = (AmiSignal.ChannelsListed) signal;
            if (s.generation() == generation) {
                ChannelBook.Resync r = book.resync(s.channels(), s.at(), sink::callEvent);
                sink.linkEvent(new LinkEvent.LinkResynced(config.name(), s.at(), r.liveLegs(), r.endedWhileDown(),
                        r.startedWhileDown()));
            }
        } else if (signal instanceof AmiSignal.LinkLost) {
            onLinkLost((AmiSignal.LinkLost) signal);
        } else {
            book.apply(signal, sink::callEvent);
        }
    }

    private void requestChannelList(long gen, ManagerConnection c) {
        if (c == null) {
            return;
        }
        try {
            c.sendEventGeneratingAction(new CoreShowChannelsAction(), events -> onChannelList(gen, events));
        } catch (IOException | RuntimeException e) {
            LOG.warn("AMI {}: CoreShowChannels not sent: {}", config.name(), e.toString());
        }
    }

    /** asterisk-java's dispatch thread. */
    private void onChannelList(long gen, ResponseEvents events) {
        if (events == null || events.getResponse() == null || events.getResponse() instanceof ManagerError) {
            LOG.warn("AMI {}: CoreShowChannels failed ({}); the channel view is not resynced", config.name(),
                    events == null || events.getResponse() == null ? "no response" : events.getResponse().getMessage());
            return;
        }
        List<AmiSignal.LiveChannel> live = new ArrayList<>();
        for (ResponseEvent e : events.getEvents()) {
            if (e instanceof CoreShowChannelEvent) {
                CoreShowChannelEvent c = (CoreShowChannelEvent) e;
                if (c.getUniqueid() == null) {
                    continue;
                }
                String exten = c.getExten() != null ? c.getExten() : c.getExtension();
                live.add(new AmiSignal.LiveChannel(c.getUniqueid(),
                        c.getLinkedid() == null ? c.getUniqueid() : c.getLinkedid(),
                        AmiEventMapper.text(c.getChannel()), AmiEventMapper.text(c.getCallerIdNum()),
                        AmiEventMapper.text(c.getCallerIdName()), AmiEventMapper.text(exten),
                        AmiEventMapper.text(c.getContext()), AmiEventMapper.text(c.getBridgeid())));
            }
        }
        enqueue(new AmiSignal.ChannelsListed(gen, live, clock.instant()));
    }

    private void onLinkLost(AmiSignal.LinkLost lost) {
        if (lost.generation() != generation || state != State.UP) {
            return;
        }
        connection = null;
        cancelTimers();
        failPendingOriginates();
        if (stopping) {
            state = State.STOPPED;
            return;
        }
        state = State.RECONNECTING;
        LOG.warn("AMI {}: link to {} lost ({}); reconnecting", config.name(), config.describe(), lost.reason());
        sink.linkEvent(new LinkEvent.LinkDown(config.name(), lost.at(), lost.reason()));
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay = backoffMillis(reconnectAttempt++);
        reconnectTimer = context.setTimer(delay, id -> {
            reconnectTimer = -1;
            if (stopping) {
                return;
            }
            connectOnce().onFailure(err -> {
                if (stopping) {
                    return;
                }
                LOG.warn("AMI {}: reconnect attempt {} failed: {}", config.name(), reconnectAttempt, err.getMessage());
                scheduleReconnect();
            });
        });
    }

    private long backoffMillis(int attempt) {
        return backoffMillis(config.reconnectInitialBackoff().toMillis(), config.reconnectMaxBackoff().toMillis(),
                attempt, ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Exponential backoff from the initial wait, doubling per failed attempt up to the cap, jittered over the upper
     * half ({@code random} in [0, 1)) so that servers and instances do not retry in step.
     */
    static long backoffMillis(long initialMillis, long maxMillis, int attempt, double random) {
        long initial = Math.max(1, initialMillis);
        long max = Math.max(initial, maxMillis);
        long base = attempt >= 30 ? max : Math.min(max, initial << attempt);
        long half = base / 2;
        return half + (long) ((base - half) * random);
    }

    private void startPing() {
        if (pingTimer >= 0) {
            vertx.cancelTimer(pingTimer);
        }
        pingOutstanding = false;
        long interval = Math.max(1, options.pingInterval().toMillis());
        pingTimer = context.setPeriodic(interval, id -> pingTick());
    }

    private void pingTick() {
        ManagerConnection c = connection;
        if (state != State.UP || c == null) {
            return;
        }
        long gen = generation;
        if (pingOutstanding) {
            if (System.nanoTime() - pingSentNanos > options.pingTimeout().toNanos()) {
                LOG.warn("AMI {}: no Ping answer within {} ms", config.name(), options.pingTimeout().toMillis());
                enqueue(new AmiSignal.LinkLost(gen, "ping timeout", clock.instant()));
                logoffInBackground(c);
            }
            return;
        }
        pingOutstanding = true;
        pingSentNanos = System.nanoTime();
        try {
            c.sendAction(new PingAction(), response -> {
                if (response != null) {
                    context.runOnContext(v -> {
                        if (gen == generation) {
                            pingOutstanding = false;
                        }
                    });
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.debug("AMI {}: Ping not sent: {}", config.name(), e.toString());
        }
    }

    private void cancelTimers() {
        if (pingTimer >= 0) {
            vertx.cancelTimer(pingTimer);
            pingTimer = -1;
        }
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
    }

    /** Logoff waits for Asterisk's Goodbye (up to the response timeout), so it never runs on the event loop. */
    private Future<Void> logoffInBackground(ManagerConnection c) {
        return context.executeBlocking(() -> {
            logoffQuietly(c);
            return null;
        }, false);
    }

    /** Safe where the socket is already closed (no Logoff is written then), e.g. on asterisk-java's dispatch thread. */
    private static void logoffQuietly(ManagerConnection c) {
        try {
            ManagerConnectionState s = c.getState();
            if (s == ManagerConnectionState.CONNECTED || s == ManagerConnectionState.RECONNECTING) {
                c.logoff();
            }
        } catch (RuntimeException e) {
            LOG.debug("AMI logoff: {}", e.toString());
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /**
     * Sends one action with asterisk-java's callback form. The future completes on the caller's context with
     * {@code onSuccess} of the response, or fails: NOT_CONNECTED when the link is down or drops first,
     * NO_SUCH_CHANNEL / REFUSED on an error response, TIMEOUT after {@link AmiOptions#actionTimeout()}.
     */
    <T> Future<T> command(ManagerAction action, String what, Function<ManagerResponse, T> onSuccess) {
        ContextInternal caller = callerContext();
        ManagerConnection c = connection;
        if (state != State.UP || c == null) {
            return caller.failedFuture(AmiErrors.notConnected(config.name(), what));
        }
        PromiseInternal<T> promise = caller.promise();
        long timeoutMillis = Math.max(1, options.actionTimeout().toMillis());
        long timer = context.setTimer(timeoutMillis,
                id -> promise.tryFail(AmiErrors.timeout(config.name(), what, timeoutMillis)));
        try {
            c.sendAction(action, response -> {
                vertx.cancelTimer(timer);
                if (response == null) {
                    promise.tryFail(AmiErrors.lostBeforeResponse(config.name(), what));
                } else if (response instanceof ManagerError) {
                    promise.tryFail(AmiErrors.errorResponse(config.name(), what, response.getMessage()));
                } else {
                    try {
                        promise.tryComplete(onSuccess.apply(response));
                    } catch (RuntimeException e) {
                        promise.tryFail(e);
                    }
                }
            });
        } catch (IOException | IllegalStateException e) {
            vertx.cancelTimer(timer);
            promise.tryFail(AmiErrors.notConnected(config.name(), what));
        }
        return promise.future();
    }

    Future<OriginateResult> originate(OriginateRequest request) {
        ContextInternal caller = callerContext();
        String actionId = "cc-orig-" + actionSeq.incrementAndGet();
        OriginateAction action = new OriginateAction();
        action.setActionId(actionId);
        action.setChannel(request.dialString());
        if (request.target() instanceof OriginateRequest.DialplanTarget) {
            OriginateRequest.DialplanTarget t = (OriginateRequest.DialplanTarget) request.target();
            action.setContext(t.context());
            action.setExten(t.exten());
            action.setPriority(t.priority());
        } else {
            OriginateRequest.ApplicationTarget t = (OriginateRequest.ApplicationTarget) request.target();
            action.setApplication(t.application());
            action.setData(t.data());
        }
        if (!request.callerId().isEmpty()) {
            action.setCallerId(request.callerId());
        }
        action.setTimeout(request.ringTimeout().toMillis());
        action.setAsync(true);
        if (!request.variables().isEmpty()) {
            action.setVariables(new LinkedHashMap<>(request.variables()));
        }
        PromiseInternal<OriginateResult> result = caller.promise();
        long guardMillis = request.ringTimeout().plus(options.actionTimeout()).plus(options.originateGrace()).toMillis();
        long guard = context.setTimer(Math.max(1, guardMillis), id -> {
            if (originates.remove(actionId) != null) {
                result.tryFail(AmiErrors.timeout(config.name(), "Originate (OriginateResponse)", guardMillis));
            }
        });
        originates.put(actionId, new PendingOriginate(result, guard));
        command(action, "Originate", response -> null).onFailure(err -> {
            if (originates.remove(actionId) != null) {
                vertx.cancelTimer(guard);
                result.tryFail(err);
            }
        });
        return result.future();
    }

    private void completeOriginate(AmiSignal.OriginateOutcome outcome) {
        PendingOriginate pending = originates.remove(outcome.actionId());
        if (pending == null) {
            return;
        }
        vertx.cancelTimer(pending.guardTimer());
        if (outcome.success()) {
            pending.promise().tryComplete(new OriginateResult.Answered(outcome.channel(), outcome.uniqueId()));
        } else {
            OriginateFailure reason = OriginateFailure.ofAsteriskReason(outcome.reason());
            pending.promise().tryComplete(new OriginateResult.Failed(reason,
                    "OriginateResponse Failure, Reason " + outcome.reason() + ", for " + outcome.channel()));
        }
    }

    private void failPendingOriginates() {
        for (Map.Entry<String, PendingOriginate> e : originates.entrySet()) {
            if (originates.remove(e.getKey()) != null) {
                vertx.cancelTimer(e.getValue().guardTimer());
                e.getValue().promise().tryFail(new TelephonyException(TelephonyException.Kind.NOT_CONNECTED,
                        "AMI Originate on " + config.name() + ": the link dropped before the OriginateResponse"));
            }
        }
    }

    private ContextInternal callerContext() {
        ContextInternal current = vertx.getContext();
        return current != null ? current : context;
    }
}
