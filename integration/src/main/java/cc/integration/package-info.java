/**
 * The contact center's edge toward other systems: the relay that delivers the outbox's business events to sinks
 * (webhooks, Kafka), and lookups into order systems for the IVR and the pop.
 */
package cc.integration;
