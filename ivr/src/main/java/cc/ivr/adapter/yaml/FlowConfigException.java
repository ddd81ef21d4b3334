package cc.ivr.adapter.yaml;

import java.util.List;

/** A flow file that cannot be used; each problem names the file and the node or key. */
public final class FlowConfigException extends Exception {
    private final List<String> problems;

    public FlowConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
