package cc.ivr.domain.flow;

import cc.ivr.domain.speech.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every sound file a flow may play, with the node that plays it: the prompts written in the flow, and for a
 * {@code say} node every fragment its kind can speak in the flow's languages (the value is only known on the call).
 * The server checks these against its sounds directory at load; a test checks the shipped flows against the prompt
 * texts the sounds are made from.
 */
public final class FlowPrompts {
    private FlowPrompts() {}

    /** A file a node may play ({@code fa/ivr/welcome}, no extension). */
    public record UsedPrompt(String node, String file) {}

    public static List<UsedPrompt> of(Flow flow) {
        List<UsedPrompt> out = new ArrayList<>();
        flow.nodes().values().stream().sorted(java.util.Comparator.comparing(Node::id)).forEach(node -> {
            for (Prompt p : prompts(node)) {
                p.files().values().forEach(files -> files.forEach(f -> out.add(new UsedPrompt(node.id(), f))));
            }
            if (node instanceof Node.Say) {
                Node.SayKind kind = ((Node.Say) node).kind();
                for (String language : flow.languages()) {
                    said(kind, language).forEach(f -> out.add(new UsedPrompt(node.id(), f)));
                }
            }
        });
        return out;
    }

    /** The fragments a {@code say} node of that kind may play in a language. */
    public static Set<String> said(Node.SayKind kind, String language) {
        switch (kind) {
            case NUMBER: return Vocabulary.numbers(language);
            case DIGITS: return Vocabulary.digits(language);
            case DATE: return Vocabulary.dates(language);
            case TIME: return Vocabulary.times(language);
            default: return Vocabulary.money(language);
        }
    }

    private static List<Prompt> prompts(Node node) {
        if (node instanceof Node.Play) {
            return List.of(((Node.Play) node).prompt());
        } else if (node instanceof Node.Menu) {
            Node.Menu m = (Node.Menu) node;
            return List.of(m.prompt(), m.invalid());
        } else if (node instanceof Node.Collect) {
            Node.Collect c = (Node.Collect) node;
            return List.of(c.prompt(), c.invalid());
        } else if (node instanceof Node.Say) {
            Node.Say s = (Node.Say) node;
            return List.of(s.before(), s.after());
        } else if (node instanceof Node.ChooseLanguage) {
            return List.of(((Node.ChooseLanguage) node).prompt());
        } else if (node instanceof Node.Callback) {
            return List.of(((Node.Callback) node).confirm());
        } else if (node instanceof Node.Voicemail) {
            return List.of(((Node.Voicemail) node).prompt());
        } else if (node instanceof Node.Survey) {
            Node.Survey s = (Node.Survey) node;
            return List.of(s.prompt(), s.invalid(), s.thanks());
        } else if (node instanceof Node.Hangup) {
            return List.of(((Node.Hangup) node).prompt());
        }
        return List.of();
    }
}
