package cc.ivr.domain.flow;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IVR flow: a graph of nodes a caller walks. Immutable: a reload builds a new Flow, and a session keeps the one
 * it started with.
 *
 * @param name      the flow's name (its file name; the FastAGI request path selects it)
 * @param version   identifies this revision (content hash), recorded so a path can be replayed on its flow
 * @param languages the language tags the flow speaks; the first is the default
 * @param zone      the time zone for business hours, dates and times
 * @param start     the id of the first node
 * @param nodes     every node by id
 */
public record Flow(String name, String version, List<String> languages, ZoneId zone, String start,
                   Map<String, Node> nodes) {
    public Flow {
        languages = List.copyOf(languages);
        nodes = Map.copyOf(nodes);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a flow speaks at least one language");
        }
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }
}
