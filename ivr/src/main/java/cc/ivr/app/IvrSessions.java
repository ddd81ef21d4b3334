package cc.ivr.app;

import cc.ivr.domain.engine.IvrSession;
import cc.ivr.domain.flow.Flow;
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
