package cc.ivr.app;

import cc.ivr.domain.engine.IvrSession;
import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.speech.QueueAnnouncement;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Starts a session for each call the FastAGI server accepts, on the flow the request names.
 *
 * <p>Threading: {@link #accept} is called on the connection's context; the session stays on it.
 */
public final class IvrSessions {
    /**
     * The request path of the built-in queue announcement ({@code [cc-announce]} in extensions.conf): the ACD sends a
     * waiting caller there to hear the place in line and the estimated wait, then the dialplan returns the caller to
     * the music. It is not a flow: it publishes no IVR step and no session end, so the caller's interaction record
     * keeps the path and the outcome of the IVR session that queued them.
     */
    public static final String QUEUE_POSITION = "queue-position";

    private final IvrServices services;
    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, LongAdder> ended = new ConcurrentHashMap<>();

    public IvrSessions(IvrServices services) {
        this.services = services;
    }

    public void accept(CallRequest call, IvrChannel channel) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("IVR sessions start on a Vert.x context");
        }
        if (QUEUE_POSITION.equals(call.flow())) {
            announcePosition(call, channel);
            return;
        }
        Flow flow = services.flows().resolve(call.flow());
        IvrSession session = IvrSession.start(call.uniqueId(), call.channel(), flow, call.language(),
                variables(call), services.clock().instant());
        IvrSessionRunner runner = new IvrSessionRunner(services, channel, session, context);
        active.incrementAndGet();
        runner.onEnd(outcome -> {
            active.decrementAndGet();
            ended.computeIfAbsent(outcome, o -> new LongAdder()).increment();
        });
        runner.start();
    }

    /**
     * Plays the announcement and ends the session, which sends the caller back to the dialplan. When the ACD bridges
     * the caller to an agent meanwhile, Asterisk moves the caller into the bridge and this session's channel is gone
     * (HANGUP on the socket, as after a hang-up): the play fails and the session just closes.
     */
    private void announcePosition(CallRequest call, IvrChannel channel) {
        int position = (int) number(call.parameters().get("position"), 0);
        long wait = number(call.parameters().get("wait"), -1);
        active.incrementAndGet();
        channel.onGone(reason -> { });
        channel.play(QueueAnnouncement.prompts(call.language(), position, wait)).onComplete(ar -> {
            active.decrementAndGet();
            ended.computeIfAbsent(ar.succeeded() ? "announced" : "announcement-cut", o -> new LongAdder()).increment();
            channel.close();
        });
    }

    private static long number(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Sessions in progress now. */
    public int active() {
        return active.get();
    }

    /** Sessions ended so far with that outcome. */
    public long ended(String outcome) {
        LongAdder n = ended.get(outcome);
        return n == null ? 0 : n.sum();
    }

    static Map<String, String> variables(CallRequest call) {
        Map<String, String> vars = new HashMap<>();
        vars.put("caller.id", call.callerId());
        vars.put("caller.name", call.callerName());
        vars.put("extension", call.extension());
        call.parameters().forEach((k, v) -> vars.put("param." + k, v));
        for (int i = 0; i < call.arguments().size(); i++) {
            vars.put("arg." + (i + 1), call.arguments().get(i));
        }
        return vars;
    }
}
