package cc.launcher.cluster;

import cc.acd.app.AcdVerticle;
import cc.console.app.SharedSessions;
import cc.core.app.livestate.LeaseAsk;
import cc.core.app.livestate.LeaseForward;
import cc.core.app.livestate.LiveStateStore;
import cc.core.contract.Addresses;
import cc.core.contract.CallControlAddresses;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.MediaAddresses;
import cc.core.contract.RecordJson;
import cc.core.contract.TelephonyAddresses;
import cc.core.contract.WireRecordCodec;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * This node's place among several: a second, clustered Vert.x beside the node's own (Hazelcast membership over TCP
 * with the configured members, multicast off) that carries only what must cross nodes. The node's own event bus stays
 * local, so every module keeps its one-node semantics (a {@code send} never lands on another node's verticle by
 * round robin, a recorder never counts another node's events):
 * <ul>
 * <li>what the ACD publishes for browsers ({@link #RELAYED}) is published to the other nodes, which re-publish it
 * locally under {@link ClusterAddresses#fromPeers}, where only the console listens;</li>
 * <li>what every node says about calls ({@link #CALL_FACTS}) crosses the same way, for the interaction recorders;</li>
 * <li>a standby's ACD passes the requests it gets ({@link #toLeader}) to the node named by the routing lease in the
 * live-state store, which answers them as its own and sends the answer back; the dialer's standby does the same with
 * the dialer lease ({@link #forwardTo}), call control with the routing lease from every node ({@link
 * #toHolderEvenHere}), a chat desk with the node whose desk holds the chat ({@link #toNode});</li>
 * <li>console sessions live in a Hazelcast map ({@link #sessions()}).</li>
 * </ul>
 */
public final class ClusterNode implements AcdVerticle.StandbyForward, cc.console.app.ChatDesk.PeerDesks {
    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);
    /** What the routing node publishes for browsers: pops, agent states, wallboards, chat and email offers. */
    public static final List<String> RELAYED = List.of(Addresses.ACD_CALL_OFFERED, Addresses.ACD_AGENT_STATE_CHANGED,
            Addresses.ACD_QUEUE_STATS_UPDATED, MediaAddresses.OFFERED, MediaAddresses.OFFER_ENDED,
            MediaAddresses.ENDED, MediaAddresses.TRANSFERRED, MediaAddresses.STATS,
            // call control's states (hold, transfer, conference) and web chats' frames for the agents
            CallControlAddresses.CHANGED, ConsoleAddresses.CHAT_TO_AGENT);
    /**
     * What the IVR, the ACD and the recorder of a node say about calls, for the interaction recorders of the others
     * (call control's states cross in {@link #RELAYED}): one node records each Asterisk server's calls, but the IVR of
     * a call may run on another, the ACD on a third, and the recorder that takes over after a node dies must know the
     * whole call. The ACD's connections and call control's recording files cross for the other nodes' call control,
     * which follows every call so that the node taking routing over can control the calls connected before.
     */
    public static final List<String> CALL_FACTS = List.of(Addresses.IVR_SESSION_STARTED, Addresses.IVR_STEP_ENTERED,
            Addresses.IVR_INPUT_GIVEN, Addresses.IVR_SESSION_ENDED, Addresses.IVR_CUSTOMER_IDENTIFIED,
            Addresses.IVR_SURVEY_ANSWERED, Addresses.ACD_CALL_QUEUE_ENTERED, Addresses.ACD_CALL_QUEUE_LEFT,
            Addresses.ACD_OFFER_ENDED, cc.core.contract.AcdAddresses.CALL_SCORE_ROUTED,
            Addresses.INTERACTION_DISPOSED, cc.core.contract.AcdAddresses.CALL_CONNECTED,
            CallControlAddresses.RECORDING_CHANGED);
    /** What the node owning an Asterisk server's AMI link reads there, for the nodes that do not own it. */
    public static final List<String> TELEPHONY = List.of(TelephonyAddresses.CALL_EVENT,
            TelephonyAddresses.LINK_EVENT, TelephonyAddresses.LINK_STATE);
    /** Everything published to the other nodes, each address once. */
    private static final List<String> PUBLISHED_TO_PEERS = java.util.stream.Stream.of(RELAYED, CALL_FACTS, TELEPHONY)
            .flatMap(List::stream).distinct().toList();
    static final String PUBLISHED = "cc.cluster.published";
    static final String ADDRESS_HEADER = "cc-address";
    static final String ORIGIN_HEADER = ClusterAddresses.ORIGIN_HEADER;
    /** The record type of a relayed body sent as its JSON ({@link Relay}). */
    static final String TYPE_HEADER = "cc-type";
    /** The record types relayed bodies were read as, by name: only records of the project. */
    private static final java.util.Map<String, Class<? extends Record>> RELAYED_TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> relayedType(String name) {
        return RELAYED_TYPES.computeIfAbsent(name, n -> {
            try {
                Class<?> c = Class.forName(n, false, ClusterNode.class.getClassLoader());
                if (!n.startsWith("cc.") || !Record.class.isAssignableFrom(c)) {
                    throw new IllegalArgumentException("not a record of the project: " + n);
                }
                return (Class<? extends Record>) c;
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("no record type " + n);
            }
        });
    }

    /** How long a request asked of the lease holder may take there ({@link #askHolder}), in milliseconds. */
    static final String TIMEOUT_HEADER = "cc-timeout-ms";
    /** How long a forwarded request may take on the routing node before the standby answers 504. */
    static final long FORWARD_TIMEOUT_MS = 10_000;

    private final Vertx local;
    private final Vertx clustered;
    private final HazelcastClusterManager manager;
    private final String nodeId;
    private final LiveStateStore store;
    private String relayDeployment;

    private ClusterNode(Vertx local, Vertx clustered, HazelcastClusterManager manager, String nodeId,
                        LiveStateStore store) {
        this.local = local;
        this.clustered = clustered;
        this.manager = manager;
        this.nodeId = nodeId;
        this.store = store;
    }

    static String nodeAddress(String nodeId) {
        return "cc.cluster.node." + nodeId;
    }

    /** Joins the cluster and starts relaying; fails when membership cannot start (the port taken, a bad host). */
    public static Future<ClusterNode> start(Vertx local, ClusterSettings settings, String nodeId,
                                            LiveStateStore store) {
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(settings));
        VertxOptions options = new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                .setEventBusOptions(new EventBusOptions().setHost(settings.host()).setPort(settings.busPort())
                        .setClusterPublicHost(settings.host()));
        // built from a thread of its own: this node's Vert.x is not the clustered one's owner (no "already on a
        // Vert.x context" confusion of the two instances' contexts)
        java.util.concurrent.CompletableFuture<Vertx> built = new java.util.concurrent.CompletableFuture<>();
        Thread builder = new Thread(() -> Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        built.complete(ar.result());
                    } else {
                        built.completeExceptionally(ar.cause());
                    }
                }), "cc-cluster-join");
        builder.setDaemon(true);
        builder.start();
        return Future.fromCompletionStage(built, local.getOrCreateContext())
                .compose(clustered -> {
                    ClusterNode node = new ClusterNode(local, clustered, manager, nodeId, store);
                    return node.serve().map(node);
                })
                .onSuccess(n -> log.info("node {} joined cluster '{}' at {}:{} ({} members now)", nodeId,
                        settings.name(), settings.host(), settings.port(), manager.getNodes().size()));
    }

    private static Config hazelcast(ClusterSettings s) {
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(s.name());
        hz.setProperty("hazelcast.logging.type", "slf4j");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        hz.setProperty("hazelcast.local.localAddress", s.host());
        // a node that stops answering is out after 5 s (the default is a minute): its browsers' pushes and the
        // requests forwarded to it fail over no later than the routing lease does
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        hz.setProperty("hazelcast.wait.seconds.before.join", "1");
        NetworkConfig net = hz.getNetworkConfig();
        net.setPort(s.port()).setPortAutoIncrement(false);
        net.setPublicAddress(s.host() + ":" + s.port());
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(s.members());
        return hz;
    }

    /** The relays run on one context of the node's own Vert.x, so what it publishes crosses in the order published. */
    private Future<Void> serve() {
        WireRecordCodec.registerContracts(clustered.eventBus());
        return local.deployVerticle(new Relay()).map(id -> {
            relayDeployment = id;
            return null;
        });
    }

    private final class Relay extends VerticleBase {
        @Override
        public Future<?> start() {
            EventBus mine = vertx.eventBus();
            EventBus peers = clustered.eventBus();
            for (String address : PUBLISHED_TO_PEERS) {
                mine.consumer(address, m -> {
                    DeliveryOptions options = new DeliveryOptions().addHeader(ADDRESS_HEADER, address)
                            .addHeader(ORIGIN_HEADER, nodeId);
                    Object body = m.body();
                    if (body instanceof Record) {
                        // encoded once here, not once per peer by the record's wire codec
                        options.addHeader(TYPE_HEADER, body.getClass().getName());
                        body = RecordJson.encode((Record) body).toBuffer();
                    }
                    peers.publish(PUBLISHED, body, options);
                });
            }
            Promise<Void> published = Promise.promise();
            peers.consumer(PUBLISHED, m -> {
                String origin = m.headers().get(ORIGIN_HEADER);
                String address = m.headers().get(ADDRESS_HEADER);
                if (!nodeId.equals(origin) && PUBLISHED_TO_PEERS.contains(address)) {
                    Object body = m.body();
                    String type = m.headers().get(TYPE_HEADER);
                    if (type != null && body instanceof Buffer) {
                        try {
                            body = RecordJson.decode(relayedType(type), new JsonObject((Buffer) body));
                        } catch (RuntimeException e) {
                            log.warn("a record relayed from node {} on {} could not be read ({}); dropped", origin,
                                    address, e.toString());
                            return;
                        }
                    }
                    mine.publish(ClusterAddresses.fromPeers(address), body,
                            new DeliveryOptions().addHeader(ORIGIN_HEADER, origin));
                }
            }).completion().onComplete(published);
            Promise<Void> forwarded = Promise.promise();
            peers.consumer(nodeAddress(nodeId), this::answerForwarded).completion().onComplete(forwarded);
            return Future.all(published.future(), forwarded.future());
        }

        /** A request a standby passed here: asked on this node's bus as if made here, its answer sent back. */
        private void answerForwarded(Message<Object> m) {
            String address = m.headers().get(ADDRESS_HEADER);
            String from = m.headers().get(ClusterAddresses.FORWARDED_HEADER);
            if (address == null || from == null) {
                m.fail(400, "a forwarded request names its address and its node");
                return;
            }
            String timeout = m.headers().get(TIMEOUT_HEADER);
            vertx.eventBus().request(address, m.body(), new DeliveryOptions()
                            .addHeader(ClusterAddresses.FORWARDED_HEADER, from)
                            .setSendTimeout(timeout == null ? FORWARD_TIMEOUT_MS : Long.parseLong(timeout)))
                    .onComplete(r -> {
                        if (r.succeeded()) {
                            m.reply(r.result().body());
                        } else {
                            fail(m, r.cause());
                        }
                    });
        }
    }

    /**
     * A request this node's standby ACD got: sent to the node holding the routing lease, answered with its reply or
     * refusal; 503 when no node holds the lease (a takeover under way) or the lease is this node's own.
     */
    @Override
    public void toLeader(String address, Message<Object> request) {
        forward(AcdVerticle.LEASE, "no node routes calls right now; try again", false, address, request);
    }

    /**
     * Requests that only the holder of {@code lease} carries out (the dialer's preview records and click-to-talk),
     * passed by a node that does not hold it to the one that does, by the ACD's mechanism ({@link #toLeader}).
     */
    public LeaseForward forwardTo(String lease, String noHolder) {
        return (address, request) -> forward(lease, noHolder, false, address, request);
    }

    /**
     * As {@link #forwardTo}, for requests every node sends to the holder, this one included (call control: the
     * routing node's knows the calls): when this node holds the lease the request is answered here.
     */
    public LeaseForward toHolderEvenHere(String lease, String noHolder) {
        return (address, request) -> forward(lease, noHolder, true, address, request);
    }

    private void forward(String lease, String noHolder, boolean here, String address, Message<Object> request) {
        store.leaseHolder(lease).onComplete(ar -> {
            if (ar.failed() || ar.result().isEmpty() || (!here && ar.result().get().equals(nodeId))) {
                request.fail(503, noHolder);
                return;
            }
            String holder = ar.result().get();
            if (holder.equals(nodeId)) {
                local.eventBus().request(address, request.body(), new DeliveryOptions()
                                .addHeader(ClusterAddresses.FORWARDED_HEADER, nodeId).setSendTimeout(FORWARD_TIMEOUT_MS))
                        .onComplete(r -> answer(request, r, address, holder));
            } else {
                toNode(holder, address, request);
            }
        });
    }

    /**
     * Asks the holder of a lease, this node included, to answer a request on its own bus (a module using what one node
     * owns: a telephony server's AMI link). When the live-state store cannot be read, the holder it named last is
     * asked (the owner of a link goes on owning it through a store outage).
     */
    public LeaseAsk askHolder() {
        return (lease, address, body, timeoutMillis) -> store.leaseHolder(lease)
                .map(holder -> {
                    holder.ifPresentOrElse(h -> lastHolders.put(lease, h), () -> lastHolders.remove(lease));
                    return holder;
                })
                .recover(err -> Future.succeededFuture(java.util.Optional.ofNullable(lastHolders.get(lease))))
                .compose(holder -> {
                    if (holder.isEmpty()) {
                        return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503,
                                "no node holds the " + lease + " lease right now"));
                    }
                    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMillis)
                            .addHeader(ClusterAddresses.FORWARDED_HEADER, nodeId);
                    if (holder.get().equals(nodeId)) {
                        return local.eventBus().request(address, body, options).map(Message::body);
                    }
                    // the holder's own timeout answers first (504), this one is for a holder that does not answer
                    return clustered.eventBus().request(nodeAddress(holder.get()), body, options
                            .setSendTimeout(timeoutMillis + 1_000).addHeader(ADDRESS_HEADER, address)
                            .addHeader(TIMEOUT_HEADER, Long.toString(timeoutMillis))).map(Message::body);
                });
    }

    /** The holder of each lease as the store last said ({@link #askHolder}). */
    private final java.util.Map<String, String> lastHolders = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A request for another node's own handler ({@code address} there, e.g. the chat desk holding a visitor), answered
     * with that node's reply or refusal; 503 when it cannot be reached, 504 past {@link #FORWARD_TIMEOUT_MS}.
     */
    private void toNode(String node, String address, Message<Object> request) {
        ask(node, address, request.body(), FORWARD_TIMEOUT_MS).onComplete(r -> {
            if (r.succeeded()) {
                request.reply(r.result());
                return;
            }
            log.debug("request at {} passed to node {} failed: {}", address, node, r.cause().getMessage());
            ReplyException refused = (ReplyException) r.cause();
            // whether the node is gone or unreachable for now, the lease's caller is told it could not be reached
            request.fail(refused.failureCode() == 502 ? 503 : refused.failureCode(), refused.getMessage());
        });
    }

    /**
     * Asks another node's own handler at {@code address}: its reply, or a {@link ReplyException} (RECIPIENT_FAILURE)
     * with its refusal's code, 504 when it did not answer in time, 503 when no such node is in the cluster (it left, or
     * died and the cluster noticed), 502 when the cluster has it but it cannot be reached now (killed a moment ago).
     */
    @Override
    public Future<Object> ask(String node, String address, Object body, long timeoutMillis) {
        return clustered.eventBus().request(nodeAddress(node), body, new DeliveryOptions()
                        .addHeader(ADDRESS_HEADER, address).addHeader(ClusterAddresses.FORWARDED_HEADER, nodeId)
                        .setSendTimeout(timeoutMillis))
                .map(Message::body)
                .recover(cause -> Future.failedFuture(askRefusal(node, cause)));
    }

    private static ReplyException askRefusal(String node, Throwable cause) {
        if (cause instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
            return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503, "no node " + node + " in the cluster");
        }
        if (cause instanceof ReplyException re && re.failureType() != ReplyFailure.ERROR) {
            return refusal(cause);  // its own refusal, or 504
        }
        return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 502, "node " + node + " could not be reached: "
                + cause.getMessage());
    }

    private static void answer(Message<Object> request, io.vertx.core.AsyncResult<Message<Object>> r, String address,
                               String node) {
        if (r.succeeded()) {
            request.reply(r.result().body());
        } else {
            log.debug("request at {} passed to node {} failed: {}", address, node, r.cause().getMessage());
            fail(request, r.cause());
        }
    }

    /** The refusal relayed as it was; a node that did not answer in time 504, one unreachable 503. */
    private static void fail(Message<?> m, Throwable cause) {
        ReplyException r = refusal(cause);
        m.fail(r.failureCode(), r.getMessage());
    }

    private static ReplyException refusal(Throwable cause) {
        if (cause instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
            return re;
        } else if (cause instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT) {
            return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 504,
                    "the node holding the lease did not answer in time");
        }
        return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503,
                "the node holding the lease could not be reached: " + cause.getMessage());
    }

    /** The console sessions every node shares. */
    public SharedSessions sessions() {
        return new HazelcastSessions(manager.getHazelcastInstance().getMap(HazelcastSessions.MAP));
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    /** The ids of the Vert.x nodes now in the cluster (Hazelcast members), this one included. */
    public List<String> members() {
        return manager.getNodes();
    }

    /** Leaves the cluster (the others see this node go at once) and stops the relays. */
    public Future<Void> close() {
        Future<Void> relay = relayDeployment == null ? Future.succeededFuture()
                : local.undeploy(relayDeployment).recover(e -> Future.succeededFuture());
        return relay.compose(v -> clustered.close());
    }
}
