/** Queues as routing sees them: strategy, service level, limits, overflow, business hours and skill needs. */
package cc.acd.domain.queue;
