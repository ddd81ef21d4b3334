package cc.email.domain;

import java.util.Optional;

/**
 * What the intake needs to know of a thread a message belongs to.
 *
 * @param threadId      the stored thread
 * @param caseNumber    its case number
 * @param interactionId the interaction of its current (or last) routing
 * @param open          whether an agent still has to answer it (waiting in a queue or held by an agent)
 * @param holder        the agent holding it, if one does
 */
public record ThreadState(long threadId, long caseNumber, String interactionId, boolean open,
                          Optional<String> holder) {}
