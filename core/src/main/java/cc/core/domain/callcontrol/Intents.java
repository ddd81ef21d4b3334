package cc.core.domain.callcontrol;

import java.util.List;
import java.util.Set;

/** The intents of call control by their wire names, who may ask them and what they aim at: one list for all. */
public final class Intents {
    private Intents() {}

    /** Every intent call control carries out, in the order an agent's page shows them. */
    public static final List<String> ALL = List.of("hold", "resume", "transfer", "consult", "consult-complete",
            "consult-cancel", "conference", "leave-conference", "hangup", "record-start", "record-pause",
            "record-resume", "record-stop", "take-over");

    /** What a supervisor or admin may do on another agent's call: the recording (PCI pauses), ending it, taking it over. */
    public static final Set<String> SUPERVISOR = Set.of("hangup", "record-start", "record-pause", "record-resume",
            "record-stop", "take-over");

    /** The kinds of target an intent takes; empty for the intents that take none. */
    public static Set<String> targetKinds(String intent) {
        switch (intent) {
            case "transfer":
                return Set.of("agent", "queue", "number");
            case "consult":
            case "conference":
                return Set.of("agent", "number");
            default:
                return Set.of();
        }
    }
}
