package cc.ivr.domain.engine;

import cc.ivr.domain.flow.Flow;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Where one caller is in one flow. Immutable; {@link FlowInterpreter#next} returns the successor.
 *
 * @param uniqueId  the caller's channel Uniqueid
 * @param channel   the caller's channel name
 * @param flow      the flow revision the session started on (a reload does not change it)
 * @param language  the language the caller hears
 * @param variables what the flow has learned so far (caller.id, customer.*, account, ...)
 * @param node      the node waiting for an outcome, empty before the start and after the end
 * @param attempts  how many times the current node has asked already
 * @param startedAt when the session started
 * @param ended     whether the session is over
 */
public record IvrSession(String uniqueId, String channel, Flow flow, String language, Map<String, String> variables,
                         String node, int attempts, Instant startedAt, boolean ended) {
    public IvrSession {
        variables = Map.copyOf(variables);
    }

    /**
     * A session about to enter the flow's first node. The language is the requested one when the flow speaks it,
     * else the flow's default.
     */
    public static IvrSession start(String uniqueId, String channel, Flow flow, String requestedLanguage,
                                   Map<String, String> variables, Instant at) {
        String lang = flow.languages().contains(requestedLanguage) ? requestedLanguage : flow.defaultLanguage();
        Map<String, String> vars = new HashMap<>(variables);
        vars.put("lang", lang);
        vars.put("uniqueid", uniqueId);
        vars.put("channel", channel);
        return new IvrSession(uniqueId, channel, flow, lang, vars, "", 0, at, false);
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }

    IvrSession at(String nodeId, int attemptCount) {
        return new IvrSession(uniqueId, channel, flow, language, variables, nodeId, attemptCount, startedAt, ended);
    }

    IvrSession with(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> vars = new HashMap<>(variables);
        vars.putAll(more);
        String lang = vars.getOrDefault("lang", language);
        if (!flow.languages().contains(lang)) {
            lang = language;
            vars.put("lang", lang);
        }
        return new IvrSession(uniqueId, channel, flow, lang, vars, node, attempts, startedAt, ended);
    }

    IvrSession finished() {
        return new IvrSession(uniqueId, channel, flow, language, variables, "", 0, startedAt, true);
    }
}
