package cc.core.config;

import cc.core.domain.sales.SalesSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the center's sales pipeline ({@link SalesSettings}) from the {@code sales:} section:
 *
 * <pre>
 * stages:                      # open stages in order; left out: qualify 10, propose 40, negotiate 70
 *   - {code: qualify, probability: 10, en: Qualify, fa: ارزیابی}
 * lostReasons:                 # left out: price, competitor, no-budget, no-need, no-response
 *   - {code: price, en: Price, fa: قیمت}
 * </pre>
 *
 * A bad entry is refused naming the file and the key ({@code sales.stages[1].probability}).
 */
public final class SalesSection {
    private SalesSection() {}

    public static SalesSettings read(ConfigNode node) {
        SalesSettings defaults = SalesSettings.defaults();
        List<SalesSettings.Stage> stages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode s : node.children("stages")) {
            String code = code(s);
            if (!seen.add(code)) {
                throw s.error("code", "stage \"" + code + "\" is listed twice");
            }
            if (code.equals("won") || code.equals("lost") || code.equals("open")) {
                throw s.error("code", "\"" + code + "\" is a closing state every pipeline has; list only open stages");
            }
            stages.add(new SalesSettings.Stage(code, s.integer("probability", 0, 0, 100), s.string("en", code),
                    s.string("fa", s.string("en", code))));
        }
        List<SalesSettings.LostReason> reasons = new ArrayList<>();
        seen.clear();
        for (ConfigNode r : node.children("lostReasons")) {
            String code = code(r);
            if (!seen.add(code)) {
                throw r.error("code", "lost reason \"" + code + "\" is listed twice");
            }
            reasons.add(new SalesSettings.LostReason(code, label(r, "en"), label(r, "fa")));
        }
        return new SalesSettings(stages.isEmpty() ? defaults.stages() : stages,
                reasons.isEmpty() ? defaults.lostReasons() : reasons);
    }

    private static String code(ConfigNode n) {
        String code = n.requiredString("code");
        if (!code.matches(SalesSettings.CODE)) {
            throw n.error("code", "must be lowercase letters, digits and '-' (at most 64), was \"" + code + "\"");
        }
        return code;
    }

    private static String label(ConfigNode n, String language) {
        String label = n.string(language, "").strip();
        if (label.isEmpty()) {
            throw n.error(language, "the reason's label in " + language + " is required");
        }
        return label;
    }
}
