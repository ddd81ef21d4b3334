/** Queue and agent figures as immutable data: live for the wallboard, per interval for storage. */
package cc.acd.domain.metrics;
