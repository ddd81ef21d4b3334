package cc.core.contract;

/**
 * Addresses of several nodes joined by a clustered event bus ({@code cluster.enabled}). What the routing node
 * publishes for browsers (offers, agent states, wallboard figures, chat and email offers) is re-published on every
 * other node under {@link #fromPeers}: the console there pushes it to the browsers connected to it, while that
 * node's recorders, which listen on the original address, do not count it a second time. What a node's IVR, ACD,
 * call control and interaction recorder say about calls arrives there too, where the interaction recorder listens
 * (every node follows every call whole, whichever node records it) and call control (the ACD's connections and the
 * recording files: every node's call control follows every call, whichever node controls it).
 */
public final class ClusterAddresses {
    private ClusterAddresses() {
    }

    /** The local address on which a message another node published on {@code address} arrives. */
    public static String fromPeers(String address) {
        return "peers." + address;
    }

    /**
     * Header of a request another node forwarded to this one (its standby got it): answered here or refused, never
     * forwarded again.
     */
    public static final String FORWARDED_HEADER = "cc-forwarded-from";

    /** Header of a message re-published under {@link #fromPeers}: the id of the node that published it first. */
    public static final String ORIGIN_HEADER = "cc-origin";
}
