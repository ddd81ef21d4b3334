package cc.console.app;

import cc.console.domain.chat.Chat;
import cc.console.domain.chat.ChatBook;
import cc.console.domain.chat.ChatOutput;
import cc.core.contract.ChatAgentStep;
import cc.core.contract.ChatStepDone;
import cc.core.contract.ChatToAgent;
import cc.core.contract.ClusterAddresses;
import cc.core.contract.ConsoleAddresses;
import cc.core.contract.EndMedia;
import cc.core.contract.EnqueueMedia;
import cc.core.contract.MediaAddresses;
import cc.core.contract.MediaEnded;
import cc.core.contract.MediaOfferEnded;
import cc.core.contract.MediaQueued;
import cc.core.contract.TransferMedia;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.Segment;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The owner of every open web chat: runs {@link ChatBook} on its own context and carries out what it decides (frames
 * to visitors' sockets, pushes to agents' live channels through {@link LiveHub}, requests to the ACD on
 * {@link MediaAddresses}, rows in the {@link ChatStore}); listens to the ACD's offer ends (an agent took the chat)
 * and ends. With several nodes ({@link #withPeers}) a chat stays on the desk of the node its visitor reached: the
 * frames for its agent are relayed to every node, and the agent's steps made on another node come back here. When the
 * visitor comes back on another node, that node's desk takes the chat over (this one lets it go once its writes are
 * stored); when this node dies, the desk of the node the visitor or the agent reaches next takes it over from the
 * store. The lines this node had not yet stored when it died are lost with it.
 *
 * <p>Threading: the public methods may be called from any thread (the HTTP event loops); they hop onto this
 * verticle's context, where the book and the visitors' sockets are touched, and complete their futures there.
 */
public final class ChatDesk extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ChatDesk.class);
    private static final long BUS_TIMEOUT_MS = 5_000;
    /**
     * How long a visitor's page waits for the desk that has its chat to let it go before it is told to try again: a
     * killed node does not answer, and is out of the cluster (and its chats free to take) within about 5 s.
     */
    private static final long RELEASE_TIMEOUT_MS = 2_000;
    private static final long TICK_MS = 1_000;
    /** How often a desk looks for open chats of nodes that are gone (several nodes). */
    static final long ORPHAN_SWEEP_MS = 10_000;
    /** How long a node's desk may take to say it is there. */
    private static final long PRESENT_TIMEOUT_MS = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A visitor's socket, as the desk sees it. Implementations are thread-safe. */
    public interface VisitorLink {
        void send(String text);

        void close();
    }

    /** A visitor's start or return: the chat and its token, or the refusal. */
    public record Entry(Optional<Chat> chat, Optional<ChatOutput.Refused> refused) {}

    private final ChatBook book;
    private final ChatStore store;
    private final LiveHub hub;
    private final InstantSource clock;
    private final Map<String, VisitorLink> visitors = new HashMap<>();
    /** Made at start (it needs this verticle's Vert.x); on the desk's context. */
    private ChatWriter writer;
    private final DeliveryOptions bus = new DeliveryOptions().setSendTimeout(BUS_TIMEOUT_MS);

    public ChatDesk(ChatBook book, ChatStore store, LiveHub hub, InstantSource clock) {
        this.book = book;
        this.store = store;
        this.hub = hub;
        this.clock = clock;
    }

    /**
     * Several nodes: where a request goes that another node's desk must answer (the chat's visitor is connected
     * there). The node's answer or refusal answers {@code request}.
     */
    public interface PeerDesks {
        /** This node's id (the desk of the chats its store opens). */
        String nodeId();

        /**
         * Asks another node's own handler at {@code address}; fails with a
         * {@link io.vertx.core.eventbus.ReplyException} carrying that node's refusal code, 504 when it did not answer
         * in time, or {@link #UNREACHABLE} when no such node is in the cluster (it died or left).
         */
        Future<Object> ask(String nodeId, String address, Object body, long timeoutMillis);

        /** The failure code of {@link #ask} when the node is not in the cluster. */
        int UNREACHABLE = 503;
    }

    private Optional<PeerDesks> peers = Optional.empty();
    /** Chats whose desk is on another node, by chat id: that node's id (learnt from the frames it relays here). */
    private final Map<String, String> peerChats = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > PEER_CHATS_KEPT;
        }
    };
    private static final int PEER_CHATS_KEPT = 10_000;

    /**
     * With several nodes: agents connected here get the frames of chats whose visitor is on another node, and their
     * steps in those chats go to that node's desk. Call before deploying.
     */
    public ChatDesk withPeers(PeerDesks peers) {
        this.peers = Optional.of(java.util.Objects.requireNonNull(peers, "peers"));
        return this;
    }

    @Override
    public Future<?> start() {
        writer = new ChatWriter(store, vertx);
        MediaAddresses.registerCodecs(vertx.eventBus());
        ConsoleAddresses.registerCodecs(vertx.eventBus());
        // the ACD's offer ends and ends, from this node's ACD or (several nodes) from the routing node
        for (String address : List.of(MediaAddresses.OFFER_ENDED, ClusterAddresses.fromPeers(MediaAddresses.OFFER_ENDED))) {
            vertx.eventBus().<MediaOfferEnded>consumer(address, m -> {
                MediaOfferEnded e = m.body();
                if (Segment.ANSWERED.equals(e.outcome())) {
                    carryOut(book.answered(e.interactionId(), e.agentId(), clock.instant()));
                }
            });
        }
        for (String address : List.of(MediaAddresses.ENDED, ClusterAddresses.fromPeers(MediaAddresses.ENDED))) {
            vertx.eventBus().<MediaEnded>consumer(address, m -> carryOut(book.acdEnded(
                    m.body().interactionId(), m.body().agentId(), m.body().reason(), clock.instant())));
        }
        vertx.eventBus().<ChatAgentStep>consumer(ConsoleAddresses.CHAT_AGENT_STEP, this::onAgentStep);
        vertx.eventBus().<cc.core.contract.ChatRelease>consumer(ConsoleAddresses.CHAT_RELEASE, this::onRelease);
        vertx.eventBus().<ChatToAgent>consumer(ClusterAddresses.fromPeers(ConsoleAddresses.CHAT_TO_AGENT), m -> {
            String origin = m.headers().get(ClusterAddresses.ORIGIN_HEADER);
            if (origin != null) {
                peerChats.put(m.body().chatId(), origin);
            }
            hub.sendChat(m.body().agentId(), m.body().text());
        });
        vertx.eventBus().consumer(ConsoleAddresses.CHAT_DESK_PRESENT,
                m -> m.reply(peers.map(PeerDesks::nodeId).orElse("")));
        vertx.setPeriodic(TICK_MS, t -> carryOut(book.tick(clock.instant())));
        if (peers.isPresent()) {
            vertx.setPeriodic(ORPHAN_SWEEP_MS, t -> takeOverOrphans());
        }
        return Future.succeededFuture();
    }

    /**
     * Takes over the open chats of nodes that are gone, so a chat nobody touches after its node died (no visitor
     * return, no agent step) still ends: adopted with its visitor away, it ends as the visitor's leaving when the
     * reconnect grace passes, and its agent's capacity is freed. Each node whose desk the store names is asked whether
     * it is there; the chats of one that is not in the cluster are taken over (when several desks try, the store's
     * conditional update gives each chat to one). A node that does not answer in time is left alone.
     */
    private void takeOverOrphans() {
        store.openElsewhere().onSuccess(open -> context.runOnContext(v -> {
            java.util.Map<String, List<String>> byNode = new java.util.LinkedHashMap<>();
            for (ChatStore.Desk d : open) {
                if (book.find(d.chatId()).isEmpty()) {
                    byNode.computeIfAbsent(d.node(), n -> new java.util.ArrayList<>()).add(d.chatId());
                }
            }
            byNode.forEach((node, chats) -> peers.orElseThrow()
                    .ask(node, ConsoleAddresses.CHAT_DESK_PRESENT, "", PRESENT_TIMEOUT_MS)
                    .onComplete(r -> context.runOnContext(x -> {
                        if (r.failed() && unreachable(r.cause())) {
                            log.info("node {} is gone: taking over its {} open chat(s)", node, chats.size());
                            chats.forEach(chatId -> takeOver(chatId, node, 0, false));
                        }
                    })));
        })).onFailure(e -> log.debug("open chats of other nodes not read: {}", e.getMessage()));
    }

    /** What the agent holding a chat does in it, wherever the chat's desk is; completes on no particular thread. */
    public Future<ChatStepDone> agentStep(ChatAgentStep step) {
        return vertx.eventBus().<ChatStepDone>request(ConsoleAddresses.CHAT_AGENT_STEP, step, bus)
                .map(io.vertx.core.eventbus.Message::body);
    }

    /**
     * Done here when this desk has the chat (or another node passed the step here); else passed to the node whose
     * frames for this chat came here, whose answer is relayed as it was.
     */
    private void onAgentStep(io.vertx.core.eventbus.Message<ChatAgentStep> m) {
        ChatAgentStep s = m.body();
        String elsewhere = book.find(s.chatId()).isPresent() || cc.core.app.livestate.LeaseForward.forwarded(m)
                ? null : peerChats.get(s.chatId());
        if (elsewhere == null || peers.isEmpty()) {
            doStep(m);
            return;
        }
        // the answer comes on the cluster's thread: back to the desk's context before the book is touched
        peers.get().ask(elsewhere, ConsoleAddresses.CHAT_AGENT_STEP, s, BUS_TIMEOUT_MS)
                .onComplete(r -> context.runOnContext(v -> answeredElsewhere(m, elsewhere, r)));
    }

    /** The desk of {@code node} answered an agent's step (relayed as it is), or is gone (its chat taken over here). */
    private void answeredElsewhere(io.vertx.core.eventbus.Message<ChatAgentStep> m, String node,
                                   io.vertx.core.AsyncResult<Object> r) {
        if (r.succeeded()) {
            m.reply(r.result());
        } else if (unreachable(r.cause())) {
            // the chat's desk died with its node: this desk takes the chat over from the store, the visitor has the
            // reconnect grace to come back (to whichever node)
            takeOver(m.body().chatId(), node, 0, false).onComplete(t -> doStep(m));
        } else if (r.cause() instanceof io.vertx.core.eventbus.ReplyException re) {
            m.fail(re.failureCode(), re.getMessage());
        } else {
            m.fail(500, String.valueOf(r.cause().getMessage()));
        }
    }

    private static boolean unreachable(Throwable cause) {
        return cause instanceof io.vertx.core.eventbus.ReplyException re && re.failureCode() == PeerDesks.UNREACHABLE;
    }

    /** The step done by this desk (which has the chat, or refuses as the book does). */
    private void doStep(io.vertx.core.eventbus.Message<ChatAgentStep> m) {
        ChatAgentStep s = m.body();
        List<ChatOutput> out;
        try {
            out = step(s);
        } catch (RuntimeException e) {
            m.fail(400, String.valueOf(e.getMessage()));
            return;
        }
        carryOut(out);
        Optional<ChatOutput.Refused> refused = refusal(out);
        long seq = out.stream().filter(ChatOutput.Store.class::isInstance)
                .mapToLong(o -> ((ChatOutput.Store) o).message().seq()).findFirst().orElse(-1);
        m.reply(new ChatStepDone(s.chatId(), refused.map(ChatOutput.Refused::code).orElse(""),
                refused.map(ChatOutput.Refused::detail).orElse(""), seq));
    }

    /**
     * Another node's desk takes a chat of this desk over (its visitor came back there): the chat leaves the book
     * without ending, its visitor's old socket here closes, and the answer waits until what this desk had to store
     * is stored, so the taker reads the whole chat.
     */
    private void onRelease(io.vertx.core.eventbus.Message<cc.core.contract.ChatRelease> m) {
        String chatId = m.body().chatId();
        if (book.release(chatId)) {
            VisitorLink old = visitors.remove(chatId);
            if (old != null) {
                // a page still connected here (another window of the same chat): it is told, so it does not take the
                // chat back at once
                old.send(new JsonObject().put("type", "chat-moved").put("chatId", chatId).encode());
                old.close();
            }
            String taker = m.headers().get(cc.core.contract.ClusterAddresses.FORWARDED_HEADER);
            if (taker != null) {
                peerChats.put(chatId, taker);
            }
            log.info("chat {} released to node {}: its visitor came back there", chatId, taker);
        }
        writer.stored().onComplete(v -> m.reply(m.body()));
    }

    /**
     * Takes a chat over from {@code fromNode}'s desk as the store has it; completes with whether this desk has it now
     * (false: the chat is over, or another node took it first).
     */
    private Future<Boolean> takeOver(String chatId, String fromNode, long lastSeq, boolean visitorHere) {
        return store.takeOver(chatId, fromNode).map(kept -> {
            kept.ifPresent(k -> {
                carryOut(book.adopt(k, lastSeq, visitorHere, clock.instant()));
                log.info("chat {} taken over from node {} ({})", chatId, fromNode,
                        visitorHere ? "its visitor came back here" : "that node is gone");
            });
            return kept.isPresent();
        }).onFailure(e -> log.warn("chat {} not taken over from node {}: {}", chatId, fromNode, e.getMessage()));
    }

    private List<ChatOutput> step(ChatAgentStep s) {
        java.time.Instant now = clock.instant();
        switch (s.step()) {
            case ChatAgentStep.SAYS:
                return book.agentSays(s.chatId(), s.agentId(), s.value(), now);
            case ChatAgentStep.TYPING:
                return book.agentTyping(s.chatId(), s.agentId(), Boolean.parseBoolean(s.value()));
            case ChatAgentStep.TRANSFERS:
                return book.agentTransfers(s.chatId(), s.agentId(), s.value(), now);
            case ChatAgentStep.CLOSES:
                return book.agentCloses(s.chatId(), s.agentId(), now);
            default:
                throw new IllegalArgumentException("step: one of says, typing, transfers, closes");
        }
    }

    /** A visitor starts a chat on this socket. */
    public Future<Entry> join(ChatBook.Join join, VisitorLink link) {
        return onContext(() -> {
            String id = UUID.randomUUID().toString();
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            List<ChatOutput> out = book.join(join, id, token, clock.instant());
            Optional<ChatOutput.Refused> refused = refusal(out);
            if (refused.isEmpty()) {
                visitors.put(id, link);
                link.send(new JsonObject().put("type", "chat-joined").put("chatId", id).put("token", token).encode());
            }
            carryOut(out);
            return new Entry(book.find(id), refused);
        });
    }

    /**
     * A visitor's page comes back with its token on a new socket: it gets the lines after {@code lastSeq} and where
     * the chat is; the old socket, if any, is closed.
     */
    public Future<Entry> resume(String token, long lastSeq, VisitorLink link) {
        return onContext(() -> {
            Optional<Chat> found = book.resume(token);
            if (found.isPresent() || peers.isEmpty()) {
                return Future.succeededFuture(resumed(found, lastSeq, link));
            }
            // several nodes: the chat may be on another node's desk (the visitor's page reached this one now)
            return store.openChat(Chat.hashToken(token)).compose(open -> open.isEmpty()
                    ? Future.succeededFuture(resumed(Optional.empty(), lastSeq, link))
                    : takeOverFor(token, open.get(), lastSeq, link));
        }).compose(entry -> entry);
    }

    /**
     * The visitor came back here to a chat another desk has: that desk lets it go (or is gone), this one takes it over
     * from the store. Completes on the desk's context.
     */
    private Future<Entry> takeOverFor(String token, ChatStore.Desk open, long lastSeq, VisitorLink link) {
        String chatId = open.chatId();
        Future<Object> released = open.node().equals(peers.orElseThrow().nodeId()) ? Future.succeededFuture()
                : peers.get().ask(open.node(), ConsoleAddresses.CHAT_RELEASE, new cc.core.contract.ChatRelease(chatId),
                        RELEASE_TIMEOUT_MS)
                .recover(e -> unreachable(e) ? Future.succeededFuture() : Future.failedFuture(e));
        return released
                .compose(v -> onContext(() -> takeOver(chatId, open.node(), lastSeq, true)
                        .map(taken -> taken ? resumed(book.resume(token), lastSeq, link) : MOVING)))
                .compose(entry -> entry)
                .recover(e -> {
                    log.info("chat {} not taken over from node {} yet: {}", chatId, open.node(), e.getMessage());
                    return Future.succeededFuture(MOVING);
                });
    }

    /** The chat is between desks: the visitor's page tries again (a moment later, on a new socket). */
    private static final Entry MOVING = new Entry(Optional.empty(),
            Optional.of(new ChatOutput.Refused("try-again", "the chat is moving between servers; trying again")));

    /** On the desk's context: the visitor's new socket takes the chat's place, with the lines it has not seen. */
    private Entry resumed(Optional<Chat> c, long lastSeq, VisitorLink link) {
        c.ifPresent(chat -> {
            VisitorLink old = visitors.put(chat.id(), link);
            if (old != null && old != link) {
                old.close();
            }
            link.send(new JsonObject().put("type", "chat-resumed").put("chatId", chat.id())
                    .put("state", chat.state().name().toLowerCase(java.util.Locale.ROOT)).put("queue", chat.queue())
                    .put("lines", ChatJson.lines(chat.linesAfter(lastSeq), true)).encode());
        });
        return new Entry(c, c.isPresent() ? Optional.empty()
                : Optional.of(new ChatOutput.Refused("no-chat", "the chat is over")));
    }

    /** The socket closed: the chat waits for the visitor's return (unless this socket was already replaced). */
    public void socketClosed(String chatId, VisitorLink link) {
        onContext(() -> {
            if (visitors.get(chatId) == link) {
                visitors.remove(chatId);
                book.disconnected(chatId, clock.instant());
            }
            return null;
        });
    }

    /**
     * Runs a step of the book on the desk's context and carries out what it decides; the outputs come back for the
     * caller to find a {@link ChatOutput.Refused} in.
     */
    public Future<List<ChatOutput>> act(Function<ChatBook, List<ChatOutput>> step) {
        return onContext(() -> {
            List<ChatOutput> out = step.apply(book);
            carryOut(out);
            return out;
        });
    }

    /**
     * The open chats an agent holds, for their page after a reload: this desk's as it has them and, with several
     * nodes, those other nodes' desks have, as stored (the agent's browser may be on another node than a chat's desk).
     */
    public Future<io.vertx.core.json.JsonArray> heldBy(String agentId) {
        return read(b -> b.heldBy(agentId).stream().map(ChatJson::chat).toList()).compose(here -> {
            io.vertx.core.json.JsonArray all = new io.vertx.core.json.JsonArray(new java.util.ArrayList<>(here));
            if (peers.isEmpty()) {
                return Future.succeededFuture(all);
            }
            java.util.Set<String> mine = new java.util.HashSet<>();
            here.forEach(c -> mine.add(c.getString("id")));
            return store.heldBy(agentId).map(stored -> {
                stored.stream().filter(t -> !mine.contains(t.chatId()))
                        .forEach(t -> all.add(ChatJson.transcript(t).put("state", "held")));
                return all;
            });
        });
    }

    /** Reads the book on the desk's context (an open chat's holder, its lines). */
    public <T> Future<T> read(Function<ChatBook, T> query) {
        return onContext(() -> query.apply(book));
    }

    public InstantSource clock() {
        return clock;
    }

    public ChatStore store() {
        return store;
    }

    public static Optional<ChatOutput.Refused> refusal(List<ChatOutput> out) {
        return out.stream().filter(ChatOutput.Refused.class::isInstance).map(ChatOutput.Refused.class::cast)
                .findFirst();
    }

    private <T> Future<T> onContext(java.util.concurrent.Callable<T> work) {
        Promise<T> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                p.complete(work.call());
            } catch (Exception e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    /** Carries out the book's decisions, in order; on the desk's context. */
    private void carryOut(List<ChatOutput> outputs) {
        for (ChatOutput o : outputs) {
            if (o instanceof ChatOutput.ToVisitor v) {
                VisitorLink link = visitors.get(v.chatId());
                if (link != null) {
                    link.send(ChatJson.forVisitor(v.chatId(), v.notice()).encode());
                }
                if (v.notice() instanceof ChatOutput.Ended) {
                    visitors.remove(v.chatId());
                }
            } else if (o instanceof ChatOutput.ToAgent a) {
                toAgent(a);
            } else if (o instanceof ChatOutput.Enqueue e) {
                enqueue(e);
            } else if (o instanceof ChatOutput.Transfer t) {
                vertx.eventBus().<MediaQueued>request(MediaAddresses.TRANSFER,
                                new TransferMedia(t.chatId(), t.agentId(), t.queue(), t.at()), bus)
                        .onSuccess(r -> carryOut(book.queued(t.chatId(), r.body().queue(), r.body().position(),
                                r.body().estimatedWaitSeconds())))
                        .onFailure(err -> {
                            log.warn("chat {} not transferred to {}: {}", t.chatId(), t.queue(), err.getMessage());
                            carryOut(book.enqueueFailed(t.chatId(), clock.instant()));
                        });
            } else if (o instanceof ChatOutput.End e) {
                vertx.eventBus().request(MediaAddresses.END, new EndMedia(e.chatId(), e.reason(), e.at()), bus)
                        .onFailure(err -> log.debug("end of chat {} not taken by the ACD: {}", e.chatId(),
                                err.getMessage()));
            }
        }
        writer.keep(outputs);
    }

    private void toAgent(ChatOutput.ToAgent a) {
        JsonObject msg;
        if (a.notice() instanceof ChatOutput.Assigned) {
            // the panel opens with everything said so far (the visitor may have written while waiting)
            Optional<Chat> c = book.find(a.chatId());
            if (c.isEmpty()) {
                return;
            }
            msg = new JsonObject().put("type", "chat-opened").put("chatId", a.chatId()).put("chat", ChatJson.chat(c.get()));
        } else {
            msg = ChatJson.notice(a.chatId(), a.notice());
        }
        String text = msg.encode();
        if (hub.sendChat(a.agentId(), text) == 0) {
            log.debug("chat {}: agent {} has no live channel open here", a.chatId(), a.agentId());
        }
        if (peers.isPresent()) {
            // several nodes: the agent's browser may be on another node (relayed there as fromPeers)
            vertx.eventBus().publish(ConsoleAddresses.CHAT_TO_AGENT, new ChatToAgent(a.chatId(), a.agentId(), text));
        }
    }

    private void enqueue(ChatOutput.Enqueue e) {
        EnqueueMedia request = new EnqueueMedia(e.chatId(), InteractionChannel.CHAT, e.queue(), 0, e.language(),
                e.data(), e.firstWaitAt());
        vertx.eventBus().<MediaQueued>request(MediaAddresses.ENQUEUE, request, bus)
                .onSuccess(r -> carryOut(book.queued(e.chatId(), r.body().queue(), r.body().position(),
                        r.body().estimatedWaitSeconds())))
                .onFailure(err -> {
                    log.warn("chat {} refused by the ACD: {}", e.chatId(), err.getMessage());
                    carryOut(book.enqueueFailed(e.chatId(), clock.instant()));
                });
    }

}
