/** The supervisor wallboard's memory: the last hour of each queue as per-minute points, and listen/whisper/barge. */
package cc.console.domain.wallboard;
