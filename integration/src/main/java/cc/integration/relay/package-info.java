/**
 * The outbox relay: a verticle that hands each sink the outbox events after its cursor, in seq order, and moves the
 * cursor only when the sink took them.
 */
package cc.integration.relay;
