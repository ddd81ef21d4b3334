/** Load runs of the agent console: screen-pop latency and wallboard fan-out over real WebSockets. */
package cc.bench.console;
