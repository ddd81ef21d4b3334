package cc.email.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Attachments over {@code email.maxAttachmentBytes} are not stored; the thread notes each one dropped so the agent
 * can ask the customer for it another way.
 */
public record AttachmentLimit(int maxBytes) {
    public AttachmentLimit {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxAttachmentBytes must be 0 or more, was " + maxBytes);
        }
    }

    /** What is kept and what was dropped. */
    public record Outcome(List<MailAttachment> kept, List<String> droppedNotes) {
        public Outcome {
            kept = List.copyOf(kept);
            droppedNotes = List.copyOf(droppedNotes);
        }
    }

    public Outcome apply(List<MailAttachment> attachments) {
        List<MailAttachment> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (MailAttachment a : attachments) {
            if (a.size() <= maxBytes) {
                kept.add(a);
            } else {
                dropped.add("attachment '" + a.name() + "' (" + a.size() + " bytes) dropped: over the limit of "
                        + maxBytes + " bytes");
            }
        }
        return new Outcome(kept, dropped);
    }
}
