/** Agents as routing sees them: their skills, the queues they serve, and their state machine. */
package cc.acd.domain.agent;
