package cc.core.domain.dialing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The dial permissions configuration.
 *
 * @param countryCode                our country calling code, e.g. {@code 98} (Iran), {@code 44} (UK)
 * @param trunkPrefix                the national trunk prefix, e.g. {@code 0}
 * @param internationalPrefix        the international access prefix, e.g. {@code 00}
 * @param patterns                   the national number classes; the longest matching prefix wins
 * @param allowedClasses             national classes that may be dialled (premium and toll-free only if listed)
 * @param allowInternational         whether numbers abroad may be dialled at all
 * @param allowedCountryCodes        when international is allowed, the country codes allowed (empty: all)
 * @param globalLineCap              the most outbound lines in use at once across all campaigns and agents
 * @param campaignLineCaps           per-campaign caps; campaigns not listed use {@code defaultCampaignLineCap}
 * @param defaultCampaignLineCap     the cap for a campaign not listed
 */
public record DialPlanConfig(String countryCode, String trunkPrefix, String internationalPrefix,
                             List<NumberPattern> patterns, Set<NumberClass> allowedClasses,
                             boolean allowInternational, Set<String> allowedCountryCodes, int globalLineCap,
                             Map<String, Integer> campaignLineCaps, int defaultCampaignLineCap) {
    public DialPlanConfig {
        requireDigits("countryCode", countryCode, false);
        requireDigits("trunkPrefix", trunkPrefix, true);
        requireDigits("internationalPrefix", internationalPrefix, false);
        patterns = patterns.stream().sorted(Comparator.comparingInt((NumberPattern p) -> p.prefix().length())
                .reversed()).toList();
        allowedClasses = Set.copyOf(allowedClasses);
        if (allowedClasses.contains(NumberClass.EMERGENCY)) {
            throw new IllegalArgumentException("allowedClasses: emergency numbers can never be allowed");
        }
        allowedCountryCodes = Set.copyOf(allowedCountryCodes);
        campaignLineCaps = Map.copyOf(campaignLineCaps);
        if (globalLineCap < 0 || defaultCampaignLineCap < 0 || campaignLineCaps.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("line caps must not be negative");
        }
    }

    private static void requireDigits(String key, String value, boolean mayBeEmpty) {
        Objects.requireNonNull(value, key);
        if (!mayBeEmpty && value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(key + " must be digits, was '" + value + "'");
        }
    }

    public int campaignLineCap(String campaignId) {
        return campaignLineCaps.getOrDefault(campaignId, defaultCampaignLineCap);
    }
}
