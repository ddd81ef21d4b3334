package cc.core.contract;

/**
 * The ACD's answer to {@link EnqueueCall} and {@link CallbackRequest}.
 *
 * @param callId               the caller's channel Uniqueid
 * @param queue                the queue the caller is in now (after any overflow), empty if the caller left the ACD
 * @param outcome              {@code waiting}, {@code offered} (an agent is ringing already), {@code callback}
 *                             (a virtual caller holds the place) or {@code overflowed} (sent to voicemail)
 * @param position             the place in line, 1 = next; 0 unless waiting
 * @param estimatedWaitSeconds the estimated wait, -1 when unknown or not waiting
 */
public record CallQueued(String callId, String queue, String outcome, int position, long estimatedWaitSeconds) {}
