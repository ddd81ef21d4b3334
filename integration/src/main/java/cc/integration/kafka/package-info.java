/**
 * The Kafka sink: business events from the outbox onto one topic per event family, keyed by entity, through the
 * official producer (idempotent, acks=all); its settings from the {@code kafka:} block of
 * {@code config/integration.yaml}.
 */
package cc.integration.kafka;
