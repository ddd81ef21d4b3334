package cc.ivr.domain.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a flow's structure before any caller enters it: the start and every branch lead to existing nodes, every
 * prompt exists in every language the flow declares, a language choice offers only declared languages, and no loop
 * can go round without waiting for the caller's keys. Each problem names the node.
 */
public final class FlowValidator {
    private FlowValidator() {}

    public static List<String> problems(Flow flow) {
        List<String> out = new ArrayList<>();
        if (!flow.nodes().containsKey(flow.start())) {
            out.add("start: no node '" + flow.start() + "'");
        }
        flow.nodes().values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(n -> {
            for (String exit : n.exits()) {
                if (exit == null || exit.isEmpty()) {
                    out.add("node '" + n.id() + "': a branch leads nowhere (missing next/fallback)");
                } else if (!flow.nodes().containsKey(exit)) {
                    out.add("node '" + n.id() + "': branch to '" + exit + "', which does not exist");
                }
            }
            prompts(n).forEach((key, p) -> {
                for (String lang : flow.languages()) {
                    if (p.in(lang).isEmpty()) {
                        out.add("node '" + n.id() + "': " + key + " has no prompt for language '" + lang + "'");
                    }
                }
            });
            if (n instanceof Node.ChooseLanguage) {
                ((Node.ChooseLanguage) n).choices().forEach((key, lang) -> {
                    if (!flow.languages().contains(lang)) {
                        out.add("node '" + n.id() + "': choice " + key + " picks language '" + lang
                                + "', which the flow does not declare");
                    }
                });
            }
            if (n instanceof Node.Collect) {
                Node.Collect c = (Node.Collect) n;
                if (c.minDigits() < 1 || c.maxDigits() < c.minDigits()) {
                    out.add("node '" + n.id() + "': min-digits/max-digits must satisfy 1 <= min <= max");
                }
            }
        });
        String loop = loopWithoutInput(flow);
        if (loop != null) {
            out.add("node '" + loop + "': is on a loop with no node that waits for the caller's keys");
        }
        return out;
    }

    /** Prompts a node plays: required ones always, optional ones when given. */
    private static Map<String, Prompt> prompts(Node n) {
        Map<String, Prompt> m = new HashMap<>();
        if (n instanceof Node.Play) {
            m.put("prompt", ((Node.Play) n).prompt());
        } else if (n instanceof Node.Menu) {
            m.put("prompt", ((Node.Menu) n).prompt());
            optional(m, "invalid", ((Node.Menu) n).invalid());
        } else if (n instanceof Node.Collect) {
            m.put("prompt", ((Node.Collect) n).prompt());
            optional(m, "invalid", ((Node.Collect) n).invalid());
        } else if (n instanceof Node.ChooseLanguage) {
            m.put("prompt", ((Node.ChooseLanguage) n).prompt());
        } else if (n instanceof Node.Survey) {
            m.put("prompt", ((Node.Survey) n).prompt());
            optional(m, "invalid", ((Node.Survey) n).invalid());
            optional(m, "thanks", ((Node.Survey) n).thanks());
        } else if (n instanceof Node.Say) {
            optional(m, "before", ((Node.Say) n).before());
            optional(m, "after", ((Node.Say) n).after());
        } else if (n instanceof Node.Callback) {
            optional(m, "confirm", ((Node.Callback) n).confirm());
        } else if (n instanceof Node.Voicemail) {
            m.put("prompt", ((Node.Voicemail) n).prompt());
        } else if (n instanceof Node.Hangup) {
            optional(m, "prompt", ((Node.Hangup) n).prompt());
        } else if (n instanceof Node.Return) {
            optional(m, "prompt", ((Node.Return) n).prompt());
        }
        return m;
    }

    private static void optional(Map<String, Prompt> m, String key, Prompt p) {
        if (!p.isEmpty()) {
            m.put(key, p);
        }
    }

    /** A node on a cycle made only of nodes that do not wait for keys, or null. */
    private static String loopWithoutInput(Flow flow) {
        Map<String, Integer> colour = new HashMap<>();
        for (String id : flow.nodes().keySet().stream().sorted().toList()) {
            String found = visit(flow, id, colour);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(Flow flow, String id, Map<String, Integer> colour) {
        Node n = flow.nodes().get(id);
        if (n == null || n.waitsForCaller()) {
            return null;
        }
        Integer c = colour.get(id);
        if (c != null) {
            return c == 1 ? id : null;
        }
        colour.put(id, 1);
        for (String exit : n.exits()) {
            String found = visit(flow, exit, colour);
            if (found != null) {
                return found;
            }
        }
        colour.put(id, 2);
        return null;
    }
}
