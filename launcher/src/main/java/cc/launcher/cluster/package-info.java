/**
 * Several server nodes joined by a clustered Vert.x event bus (Hazelcast, static members): what the routing node
 * publishes for browsers reaches every node's console, a standby's ACD requests reach the routing node, and console
 * sessions live in a map every node shares. The rest of each node keeps its own local event bus unchanged.
 */
package cc.launcher.cluster;
