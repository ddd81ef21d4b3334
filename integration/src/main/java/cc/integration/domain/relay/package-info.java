/**
 * The relay's decisions, pure: which outbox rows a sink may take next (the gap rule), when to read again, how long to
 * back off after a failed delivery. Rows, progress and {@code now} in; the new progress and a plan out.
 */
package cc.integration.domain.relay;
