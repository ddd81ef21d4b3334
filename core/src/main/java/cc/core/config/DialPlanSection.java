package cc.core.config;

import cc.core.domain.dialing.DialPlanConfig;
import cc.core.domain.dialing.NumberClass;
import cc.core.domain.dialing.NumberPattern;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads which numbers may be dialled ({@link DialPlanConfig}) from a configuration section, so every part that dials
 * (the dialer's campaigns, click-to-dial) is configured the same way:
 *
 * <pre>
 * countryCode: "98"            # our country calling code
 * trunkPrefix: "0"             # national trunk prefix
 * internationalPrefix: "00"
 * patterns: []                 # left out or empty: Iran's mobiles, landlines, premium 0909 and emergency codes
 * #  - {name: ir-mobile, class: mobile, prefix: "09", minDigits: 11, maxDigits: 11}
 * allow: [mobile, landline]    # national classes that may be dialled (premium, toll-free only when listed)
 * international: false         # numbers abroad
 * countries: []                # with international: the country codes allowed (empty: all)
 * </pre>
 */
public final class DialPlanSection {
    private DialPlanSection() {}

    /**
     * The section's dial plan, with the global line cap given; per-campaign caps are the campaigns' own business
     * (no cap here). Errors name the file and key.
     */
    public static DialPlanConfig read(ConfigNode node, int globalLineCap) {
        String country = digits(node, "countryCode", "98", false);
        String trunk = digits(node, "trunkPrefix", "0", true);
        String international = digits(node, "internationalPrefix", "00", false);
        List<NumberPattern> patterns = new ArrayList<>();
        for (ConfigNode p : node.children("patterns")) {
            String name = p.requiredString("name");
            NumberClass cls = numberClass(p, "class", p.requiredString("class"));
            if (cls == NumberClass.INTERNATIONAL || cls == NumberClass.UNKNOWN) {
                throw p.error("class", "a national pattern is mobile, landline, toll_free, premium or emergency");
            }
            String prefix = p.requiredString("prefix");
            if (!prefix.matches("[0-9]+")) {
                throw p.error("prefix", "must be digits, was \"" + prefix + "\"");
            }
            int min = p.integer("minDigits", prefix.length(), prefix.length(), 15);
            int max = p.integer("maxDigits", min, min, 15);
            patterns.add(new NumberPattern(name, cls, prefix, min, max));
        }
        if (patterns.isEmpty()) {
            patterns = NumberPattern.iran();
        }
        Set<NumberClass> allowed = EnumSet.noneOf(NumberClass.class);
        for (String c : node.strings("allow", List.of("mobile", "landline"))) {
            NumberClass cls = numberClass(node, "allow", c);
            if (cls == NumberClass.EMERGENCY || cls == NumberClass.INTERNATIONAL || cls == NumberClass.UNKNOWN) {
                throw node.error("allow", c + " numbers cannot be allowed here (emergency never; international with"
                        + " international: true)");
            }
            allowed.add(cls);
        }
        boolean abroad = node.bool("international", false);
        List<String> countries = node.strings("countries", List.of());
        for (String c : countries) {
            if (!c.matches("[1-9][0-9]{0,2}")) {
                throw node.error("countries", "\"" + c + "\" is not a country calling code (1 to 3 digits)");
            }
        }
        return new DialPlanConfig(country, trunk, international, patterns, allowed, abroad, Set.copyOf(countries),
                globalLineCap, Map.of(), Integer.MAX_VALUE);
    }

    private static String digits(ConfigNode node, String key, String def, boolean mayBeEmpty) {
        String v = node.string(key, def);
        if (!v.matches(mayBeEmpty ? "[0-9]*" : "[0-9]+")) {
            throw node.error(key, "must be digits, was \"" + v + "\"");
        }
        return v;
    }

    private static NumberClass numberClass(ConfigNode node, String key, String value) {
        try {
            return NumberClass.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw node.error(key, "\"" + value + "\" is not one of mobile, landline, toll_free, premium, emergency");
        }
    }
}
