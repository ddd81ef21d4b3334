/** Benchmarks of several server nodes: pop latency across nodes and the routing takeover after a node's death. */
package cc.bench.cluster;
