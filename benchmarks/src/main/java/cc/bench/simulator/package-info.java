/** Load runs of the Asterisk simulator itself: how many callers per second and live channels it sustains. */
package cc.bench.simulator;
