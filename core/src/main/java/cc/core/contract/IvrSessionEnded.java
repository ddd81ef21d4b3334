package cc.core.contract;

import java.time.Instant;

/**
 * An IVR session ended.
 *
 * @param uniqueId the caller's channel Uniqueid
 * @param flow     the flow's name
 * @param outcome  how it ended: {@code completed}, {@code caller-hung-up}, {@code enqueued}, {@code transferred},
 *                 {@code failed}
 * @param at       when
 */
public record IvrSessionEnded(String uniqueId, String flow, String outcome, Instant at) {}
