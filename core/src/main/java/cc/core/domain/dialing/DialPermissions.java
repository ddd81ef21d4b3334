package cc.core.domain.dialing;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a number may be dialled: the number must parse, must not be an emergency or short code, must be
 * in an allowed national class (premium refused unless allowed) or an allowed country, and the global and campaign
 * line caps must have room. Pure and stateless; every decision carries its reason for the audit log.
 */
public final class DialPermissions {
    private final DialPlanConfig config;

    public DialPermissions(DialPlanConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public DialDecision check(DialRequest request) {
        Optional<Parsed> parsed = parse(request.number());
        if (parsed.isEmpty()) {
            return refuse(request, DialDecision.Reason.MALFORMED, "not a phone number", "", NumberClass.UNKNOWN,
                    Optional.empty());
        }
        Parsed p = parsed.get();
        if (p.international) {
            String digits = config.internationalPrefix() + p.digits;
            if (!config.allowInternational()) {
                return refuse(request, DialDecision.Reason.INTERNATIONAL_REFUSED, "international calls are not allowed",
                        digits, NumberClass.INTERNATIONAL, Optional.empty());
            }
            if (!config.allowedCountryCodes().isEmpty()
                    && config.allowedCountryCodes().stream().noneMatch(p.digits::startsWith)) {
                return refuse(request, DialDecision.Reason.INTERNATIONAL_REFUSED,
                        "country code of +" + p.digits + " is not in the allowed list", digits,
                        NumberClass.INTERNATIONAL, Optional.empty());
            }
            return checkLines(request, digits, NumberClass.INTERNATIONAL, Optional.empty());
        }
        NumberPattern match = null;
        for (NumberPattern pattern : config.patterns()) {
            if (pattern.matches(p.digits)) {
                match = pattern;
                break;
            }
        }
        if (match == null) {
            return refuse(request, DialDecision.Reason.NO_MATCHING_PATTERN,
                    "no configured number pattern matches " + p.digits, p.digits, NumberClass.UNKNOWN,
                    Optional.empty());
        }
        Optional<String> name = Optional.of(match.name());
        switch (match.numberClass()) {
            case EMERGENCY:
                return refuse(request, DialDecision.Reason.EMERGENCY_REFUSED,
                        "emergency and short codes are never dialled", p.digits, NumberClass.EMERGENCY, name);
            case PREMIUM:
                if (!config.allowedClasses().contains(NumberClass.PREMIUM)) {
                    return refuse(request, DialDecision.Reason.PREMIUM_REFUSED, "premium-rate numbers are not allowed",
                            p.digits, NumberClass.PREMIUM, name);
                }
                break;
            default:
                if (!config.allowedClasses().contains(match.numberClass())) {
                    return refuse(request, DialDecision.Reason.CLASS_NOT_ALLOWED,
                            match.numberClass() + " numbers are not allowed", p.digits, match.numberClass(), name);
                }
        }
        return checkLines(request, p.digits, match.numberClass(), name);
    }

    private DialDecision checkLines(DialRequest r, String digits, NumberClass cls, Optional<String> pattern) {
        if (r.linesInUse() >= config.globalLineCap()) {
            return refuse(r, DialDecision.Reason.GLOBAL_LINE_CAP,
                    "all " + config.globalLineCap() + " outbound lines are in use", digits, cls, pattern);
        }
        if (r.campaignId().isPresent()) {
            int cap = config.campaignLineCap(r.campaignId().get());
            if (r.campaignLinesInUse() >= cap) {
                return refuse(r, DialDecision.Reason.CAMPAIGN_LINE_CAP, "campaign " + r.campaignId().get()
                        + " uses all of its " + cap + " lines", digits, cls, pattern);
            }
        }
        return new DialDecision(true, DialDecision.Reason.ALLOWED, "allowed as " + cls
                + pattern.map(n -> " (" + n + ")").orElse(""), r.number(), digits, cls, pattern, r.campaignId(),
                r.requestedBy(), r.at());
    }

    private static DialDecision refuse(DialRequest r, DialDecision.Reason reason, String detail, String digits,
                                       NumberClass cls, Optional<String> pattern) {
        return new DialDecision(false, reason, detail, r.number(), digits, cls, pattern, r.campaignId(),
                r.requestedBy(), r.at());
    }

    /** National digits (with trunk prefix), or international digits (country code first, no prefix). */
    private record Parsed(String digits, boolean international) {}

    private Optional<Parsed> parse(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9' || c == '+' && b.length() == 0) {
                b.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return Optional.empty();
            }
        }
        String s = b.toString();
        String abroad;
        if (s.startsWith("+")) {
            abroad = s.substring(1);
        } else if (s.startsWith(config.internationalPrefix())) {
            abroad = s.substring(config.internationalPrefix().length());
        } else {
            return s.length() < 3 || s.length() > 15 ? Optional.empty() : Optional.of(new Parsed(s, false));
        }
        if (abroad.length() < 7 || abroad.length() > 15 || abroad.startsWith("0")) {
            return Optional.empty();
        }
        if (abroad.startsWith(config.countryCode())) {
            return Optional.of(new Parsed(config.trunkPrefix() + abroad.substring(config.countryCode().length()),
                    false));
        }
        return Optional.of(new Parsed(abroad, true));
    }
}
