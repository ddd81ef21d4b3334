package cc.core.contract;

import java.time.Instant;

/**
 * This node's ACD began or stopped routing (several nodes: it took the routing lease over, or lost it). Published on
 * the node's own event bus only, never relayed: call control carries out the steps that facts about calls call for
 * (a hang-up, a ring that ended, a recording policy) only on the routing node; the others follow.
 *
 * @param routes whether this node routes now
 * @param at     when it changed
 */
public record RoutingLeadChanged(boolean routes, Instant at) {}
