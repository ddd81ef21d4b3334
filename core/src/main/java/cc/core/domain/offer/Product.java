package cc.core.domain.offer;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A product agents may offer on a call ({@code offers.products}).
 *
 * @param code          the product's code, as {@code customer_offers.product} and {@code propensity_<code>} name it
 * @param nameFa        its name in Persian
 * @param nameEn        its name in English
 * @param kind          a cross-sell (another product) or an up-sell (a better version of one the customer has)
 * @param requires      products the customer must already have (an up-sell's base product)
 * @param excludes      products that rule it out when the customer has them (the better version itself)
 * @param segments      customer segments it may be offered to; empty: every segment
 * @param minPropensity the propensity under which it is not offered
 */
public record Product(String code, String nameFa, String nameEn, Kind kind, List<String> requires,
                      List<String> excludes, List<String> segments, double minPropensity) {
    /** What kind of sale an offer is. */
    public enum Kind {
        CROSS_SELL, UP_SELL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind fromWireName(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public Product {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a product code is 1 to 64 letters, digits, - or _, was \"" + code + "\"");
        }
        Objects.requireNonNull(nameFa, "nameFa");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(kind, "kind");
        requires = List.copyOf(requires);
        excludes = List.copyOf(excludes);
        segments = List.copyOf(segments);
        if (!(minPropensity >= 0 && minPropensity <= 1)) {
            throw new IllegalArgumentException("minPropensity is from 0 to 1, was " + minPropensity);
        }
    }

    public String name(String language) {
        return "fa".equals(language) ? nameFa : nameEn;
    }
}
