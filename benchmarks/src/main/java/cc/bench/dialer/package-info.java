/** Benchmarks of the dialer: the pacing simulation that measures agent talk time against the abandon limit. */
package cc.bench.dialer;
