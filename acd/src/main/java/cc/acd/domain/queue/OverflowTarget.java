package cc.acd.domain.queue;

import java.util.Objects;

/** Where a caller goes when a queue cannot keep them: full, closed, or waited past its limit. */
public sealed interface OverflowTarget {

    /** Wait in another queue instead; the caller keeps the time already waited for ordering. */
    record ToQueue(String queueId) implements OverflowTarget {
        public ToQueue {
            Objects.requireNonNull(queueId, "queueId");
        }
    }

    /** Leave a message in the mailbox; the call leaves the ACD. */
    record ToVoicemail(String mailbox) implements OverflowTarget {
        public ToVoicemail {
            Objects.requireNonNull(mailbox, "mailbox");
        }
    }

    /** Hang up and be called back: the caller's place in line is kept by a virtual caller. */
    record ToCallback() implements OverflowTarget {}
}
