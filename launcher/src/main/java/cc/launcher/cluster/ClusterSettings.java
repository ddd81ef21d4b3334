package cc.launcher.cluster;

import cc.core.config.ConfigNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code cluster} block of {@code config/server.yaml} (documented there key by key).
 *
 * @param enabled whether this node joins the others over a clustered event bus; off: one node, as before
 * @param name    nodes join only a cluster of the same name (two centers on one network stay apart)
 * @param host    this node's address as the other nodes reach it (membership and event bus); bound to it
 * @param port    this node's Hazelcast membership port
 * @param busPort the event bus's port between nodes; 0: any free port (it is announced through membership)
 * @param members every node as {@code host:port} (this one may be listed too): joined over TCP, multicast off
 */
public record ClusterSettings(boolean enabled, String name, String host, int port, int busPort, List<String> members) {
    private static final Pattern MEMBER = Pattern.compile("([^\\s:]+):(\\d{1,5})");

    public ClusterSettings {
        members = List.copyOf(members);
    }

    public static final ClusterSettings OFF = new ClusterSettings(false, "cc", "127.0.0.1", 5701, 0, List.of());

    public static ClusterSettings read(ConfigNode node) {
        boolean enabled = node.bool("enabled", false);
        String name = node.string("name", "cc").strip();
        if (name.isEmpty()) {
            throw node.error("name", "must name the cluster, was empty");
        }
        String host = node.string("host", "127.0.0.1").strip();
        if (host.isEmpty() || host.contains(":") && !host.startsWith("[")) {
            throw node.error("host", "must be this node's address (an IPv4 address or a host name), was \"" + host
                    + "\"");
        }
        int port = node.integer("port", 5701, 1, 65_535);
        int busPort = node.integer("busPort", 0, 0, 65_535);
        List<String> members = node.strings("members", List.of());
        for (String m : members) {
            Matcher match = MEMBER.matcher(m.strip());
            if (!match.matches() || Integer.parseInt(match.group(2)) < 1 || Integer.parseInt(match.group(2)) > 65_535) {
                throw node.error("members", "each member must be host:port with a port from 1 to 65535, was \"" + m
                        + "\"");
            }
        }
        if (enabled && members.isEmpty()) {
            throw node.error("members", "must list every node as host:port when the cluster is enabled");
        }
        return new ClusterSettings(enabled, name, host, port, busPort, members.stream().map(String::strip).toList());
    }
}
