package cc.email.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which earlier messages a new one answers, most telling first: In-Reply-To, then References newest first. A reply
 * joins the thread of the first of these we hold; failing that, the case number in its subject (a customer who wrote
 * a new message quoting the case); failing that, it starts a thread.
 */
public final class Threading {
    private Threading() {}

    /** The Message-IDs to look up, in order, without duplicates or the message's own id. */
    public static List<String> parents(InboundMail mail) {
        LinkedHashSet<String> ids = new LinkedHashSet<>(mail.inReplyTo());
        List<String> refs = new ArrayList<>(mail.references());
        for (int i = refs.size() - 1; i >= 0; i--) {
            ids.add(refs.get(i));
        }
        ids.remove(mail.messageId());
        ids.remove("");
        return List.copyOf(ids);
    }
}
