package cc.core.contract;

/**
 * The ACD's answer to {@link EnqueueMedia} and {@link TransferMedia}.
 *
 * @param interactionId        the contact
 * @param queue                the queue it waits in
 * @param outcome              {@code waiting} or {@code offered} (an agent has it on screen already)
 * @param position             the place in line, 1 = next; 0 unless waiting
 * @param estimatedWaitSeconds the estimated wait, -1 when unknown or not waiting
 */
public record MediaQueued(String interactionId, String queue, String outcome, int position,
                          long estimatedWaitSeconds) {}
