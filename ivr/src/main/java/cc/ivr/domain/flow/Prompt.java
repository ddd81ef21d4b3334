package cc.ivr.domain.flow;

import java.util.List;
import java.util.Map;

/**
 * The sound files to play, per language tag. A flow declaring {@code [fa, en]} must give both for every prompt it
 * uses (checked when the flow is loaded).
 */
public record Prompt(Map<String, List<String>> files) {
    public static final Prompt NONE = new Prompt(Map.of());

    public Prompt {
        java.util.Map<String, List<String>> copy = new java.util.HashMap<>();
        files.forEach((lang, list) -> copy.put(lang, List.copyOf(list)));
        files = Map.copyOf(copy);
    }

    public static Prompt of(String language, String... files) {
        return new Prompt(Map.of(language, List.of(files)));
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** The files for a language; nothing when the prompt has none for it. */
    public List<String> in(String language) {
        return files.getOrDefault(language, List.of());
    }
}
