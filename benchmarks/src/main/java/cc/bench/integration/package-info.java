/** Outbox delivery benchmarks: events appended to PostgreSQL delivered by the relay to a webhook receiver. */
package cc.bench.integration;
