package cc.ivr.domain.engine;

import cc.core.domain.interaction.IvrStep;

import java.util.List;
import java.util.Optional;

/**
 * The interpreter's answer: the new session, the actions to carry out, the nodes entered on the way (for the
 * caller's path), the keys the caller pressed and the node each was pressed at (in {@link IvrStep#input()}, with
 * the time the input was complete) and, when the session is over, how it ended ({@code completed}, {@code caller-hung-up},
 * {@code enqueued}, {@code transferred}, {@code failed}). Actions of a final decision still run before the
 * session closes.
 */
public record IvrDecision(IvrSession session, List<IvrAction> actions, List<IvrStep> entered, List<IvrStep> keyed,
                          Optional<String> ended) {
    public IvrDecision {
        actions = List.copyOf(actions);
        entered = List.copyOf(entered);
        keyed = List.copyOf(keyed);
    }

    public boolean isFinal() {
        return ended.isPresent();
    }
}
