package cc.core.domain.report;

/**
 * Calls that ended in the IVR without asking for an agent, per bucket, flow and the node they left from.
 *
 * @param exitNode  the last node of the caller's IVR path (empty when the path was not kept)
 * @param contained calls the flow served to its end (no queue, no transfer)
 * @param hungUp    calls whose caller hung up in the IVR before being served or queued
 */
public record IvrFigures(Bucket bucket, String flow, String exitNode, long contained, long hungUp) {

    /** The same flow and exit node's counts added, in this bucket: an hour, day, week or month sums its 15 minutes. */
    public IvrFigures plus(IvrFigures o) {
        return new IvrFigures(bucket, flow, exitNode, contained + o.contained, hungUp + o.hungUp);
    }
}
