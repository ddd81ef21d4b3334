package cc.core.config;

import cc.core.domain.offer.OfferCatalog;
import cc.core.domain.offer.Product;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code offers:} section: the product catalog of the next-best offer on the screen-pop and how long a customer's
 * "no" holds. Every error names the file and the key.
 */
public final class OffersSection {
    private OffersSection() {}

    public static OfferCatalog read(ConfigNode offers) {
        Duration cooldown = offers.duration("declineCooldown", Duration.ofDays(90));
        List<ConfigNode> nodes = offers.children("products");
        List<Product> products = new ArrayList<>();
        for (ConfigNode p : nodes) {
            Product.Kind kind = Product.Kind.fromWireName(p.oneOf("kind", "cross-sell", List.of("cross-sell", "up-sell")));
            try {
                products.add(new Product(p.requiredString("code"), p.requiredString("fa"), p.requiredString("en"),
                        kind, p.strings("requires", List.of()), p.strings("excludes", List.of()),
                        p.strings("segments", List.of()), p.decimal("minPropensity", 0.2, 0, 1)));
            } catch (IllegalArgumentException bad) {
                throw p.error("code", bad.getMessage());
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Product p = products.get(i);
            for (int j = 0; j < i; j++) {
                if (products.get(j).code().equals(p.code())) {
                    throw nodes.get(i).error("code", "product \"" + p.code() + "\" is listed twice");
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            Product p = products.get(i);
            for (String key : List.of("requires", "excludes")) {
                for (String other : key.equals("requires") ? p.requires() : p.excludes()) {
                    if (products.stream().noneMatch(x -> x.code().equals(other))) {
                        throw nodes.get(i).error(key, "names product \"" + other + "\", which is not in offers.products");
                    }
                }
            }
        }
        return new OfferCatalog(products, cooldown);
    }
}
