package cc.core.domain.sales;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the center sells: its pipeline stages in order, each with the probability an opportunity entering it gets by
 * default, and the reasons a lost opportunity may be given ({@code sales:} in {@code config/server.yaml}). Won and lost
 * are the closing states every pipeline has; they are not configured.
 *
 * @param stages      the open stages, first to last
 * @param lostReasons what a loss may be put down to, with its label in English and Persian
 */
public record SalesSettings(List<Stage> stages, List<LostReason> lostReasons) {
    /** A stage's code: lowercase letters, digits and '-', 1 to 64 characters. */
    public static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";

    /** A stage with the probability it gives by default and its name in English and Persian. */
    public record Stage(String code, int probability, String en, String fa) {
        public Stage {
            if (code == null || !code.matches(CODE)) {
                throw new IllegalArgumentException("a stage code must be lowercase letters, digits and '-', was '"
                        + code + "'");
            }
            if (code.equals(Opportunity.WON) || code.equals(Opportunity.LOST) || code.equals(Opportunity.OPEN)) {
                throw new IllegalArgumentException("'" + code + "' is a closing state, not a stage to configure");
            }
            if (probability < 0 || probability > 100) {
                throw new IllegalArgumentException("stage " + code + ": probability must be 0..100, was " + probability);
            }
            en = en == null || en.isBlank() ? code : en.strip();
            fa = fa == null || fa.isBlank() ? en : fa.strip();
        }
    }

    public record LostReason(String code, String en, String fa) {
        public LostReason {
            if (code == null || !code.matches(CODE)) {
                throw new IllegalArgumentException("a lost reason code must be lowercase letters, digits and '-', was '"
                        + code + "'");
            }
            if (en == null || en.isBlank() || fa == null || fa.isBlank()) {
                throw new IllegalArgumentException("lost reason " + code + " needs a label in en and in fa");
            }
        }
    }

    public SalesSettings {
        stages = List.copyOf(stages);
        lostReasons = List.copyOf(lostReasons);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("at least one stage is needed");
        }
        if (lostReasons.isEmpty()) {
            throw new IllegalArgumentException("at least one lost reason is needed");
        }
        Set<String> seen = new HashSet<>();
        for (Stage s : stages) {
            if (!seen.add(s.code())) {
                throw new IllegalArgumentException("stage " + s.code() + " is listed twice");
            }
        }
        seen.clear();
        for (LostReason r : lostReasons) {
            if (!seen.add(r.code())) {
                throw new IllegalArgumentException("lost reason " + r.code() + " is listed twice");
            }
        }
    }

    /** What a server without a {@code sales:} section sells with. */
    public static SalesSettings defaults() {
        return new SalesSettings(List.of(new Stage("qualify", 10, "Qualify", "ارزیابی"),
                new Stage("propose", 40, "Propose", "پیشنهاد"), new Stage("negotiate", 70, "Negotiate", "مذاکره")),
                List.of(new LostReason("price", "Price", "قیمت"),
                        new LostReason("competitor", "Chose a competitor", "انتخاب رقیب"),
                        new LostReason("no-budget", "No budget", "نبود بودجه"),
                        new LostReason("no-need", "No longer needed", "دیگر نیازی نیست"),
                        new LostReason("no-response", "Stopped responding", "پاسخ نداد")));
    }

    public Optional<Stage> stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<LostReason> lostReason(String code) {
        return lostReasons.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The stage's place in the pipeline: open stages in order, then won, then lost, then stages no longer listed. */
    public int order(String stage) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).code().equals(stage)) {
                return i;
            }
        }
        return stage.equals(Opportunity.WON) ? stages.size() : stage.equals(Opportunity.LOST) ? stages.size() + 1
                : stages.size() + 2;
    }

    /**
     * Why an opportunity may not be saved with these settings, if it may not: its stage is neither configured nor
     * a closing state, or it is lost without a configured reason.
     */
    public Optional<String> refusal(Opportunity o) {
        if (o.stage().equals(Opportunity.LOST)) {
            if (o.lostReason().isEmpty()) {
                return Optional.of("a lost opportunity needs a lost reason (one of " + codes(true) + ")");
            }
            if (lostReason(o.lostReason()).isEmpty()) {
                return Optional.of("lost reason '" + o.lostReason() + "' is not configured (one of " + codes(true)
                        + ")");
            }
            return Optional.empty();
        }
        if (o.stage().equals(Opportunity.WON) || stage(o.stage()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("stage '" + o.stage() + "' is not configured (one of " + codes(false) + ", won, lost)");
    }

    private String codes(boolean reasons) {
        return String.join(", ", reasons ? lostReasons.stream().map(LostReason::code).toList()
                : stages.stream().map(Stage::code).toList());
    }
}
