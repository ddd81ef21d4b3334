/**
 * Webhooks as an outbox sink: subscriptions read from {@code config/integration.yaml}, signed HTTP POSTs of event
 * batches, retries while a receiver is down, and the dead-letter list an admin replays from the console.
 */
package cc.integration.webhook;
