package cc.ivr.app;

import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.Node;
import cc.ivr.domain.flow.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flows callers can be sent to, by name. Replacing a flow does not touch sessions already in it: each session
 * holds the {@link Flow} it started on.
 *
 * <p>Threading: safe from any thread; readers see a complete map (copy on write behind a volatile field).
 */
public final class FlowLibrary {
    private static final Logger log = LoggerFactory.getLogger(FlowLibrary.class);

    private final String defaultFlow;
    private final Flow builtIn;
    private volatile Map<String, Flow> flows = Map.of();

    /**
     * @param defaultFlow  the flow for requests naming a flow that does not exist
     * @param defaultQueue the queue of the built-in last-resort flow, used when even the default flow is missing
     */
    public FlowLibrary(String defaultFlow, String defaultQueue) {
        this.defaultFlow = defaultFlow;
        this.builtIn = lastResort(defaultQueue);
    }

    /** The flow of that name; else the default flow, logged as an error so a wrong dialplan is noticed. */
    public Flow resolve(String name) {
        Map<String, Flow> current = flows;
        Flow f = current.get(name);
        if (f != null) {
            return f;
        }
        Flow fallback = current.getOrDefault(defaultFlow, builtIn);
        log.error("IVR flow '{}' does not exist; the caller goes to default flow '{}'", name, fallback.name());
        return fallback;
    }

    public Optional<Flow> find(String name) {
        return Optional.ofNullable(flows.get(name));
    }

    public synchronized void put(Flow flow) {
        Map<String, Flow> next = new HashMap<>(flows);
        next.put(flow.name(), flow);
        flows = Map.copyOf(next);
    }

    public synchronized void remove(String name) {
        Map<String, Flow> next = new HashMap<>(flows);
        next.remove(name);
        flows = Map.copyOf(next);
    }

    public Map<String, Flow> all() {
        return flows;
    }

    /** Says sorry in both languages and queues the caller; if the ACD does not take the call, hangs up politely. */
    static Flow lastResort(String queue) {
        Prompt sorry = new Prompt(Map.of("en", List.of("en/ivr/sorry"), "fa", List.of("fa/ivr/sorry")));
        Map<String, Node> nodes = new HashMap<>();
        nodes.put("sorry", new Node.Play("sorry", sorry, "queue"));
        nodes.put("queue", new Node.Enqueue("queue", queue, 0, Map.of(), List.of(), Duration.ofSeconds(5), "bye"));
        nodes.put("bye", new Node.Hangup("bye", Prompt.NONE));
        return new Flow("built-in-default", "built-in", List.of("en", "fa"), ZoneId.of("UTC"), "sorry", nodes);
    }
}
