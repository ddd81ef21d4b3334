/**
 * Dialer pacing: how many lines to dial each second from live estimates of answers, ring and handle times and
 * agents about to be free, held under the regulator's abandon limit by the {@link cc.dialer.domain.pacing.AbandonLedger}.
 */
package cc.dialer.domain.pacing;
