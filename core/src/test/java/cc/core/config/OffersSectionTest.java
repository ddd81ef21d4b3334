package cc.core.config;

import cc.core.domain.offer.OfferCatalog;
import cc.core.domain.offer.Product;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OffersSectionTest {
    private static OfferCatalog read(String yaml) {
        ConfigNode root = ConfigNode.parse("server.yaml", yaml, name -> null);
        OfferCatalog c = OffersSection.read(root.child("offers"));
        root.finish();
        return c;
    }

    @Test
    @DisplayName("products are read with names, kind, what they need and exclude, segments and minimum propensity")
    void readsCatalog() {
        OfferCatalog c = read(String.join("\n", "offers:", "  declineCooldown: 30d", "  products:",
                "    - {code: card, fa: کارت, en: Card, excludes: [card-gold]}",
                "    - {code: card-gold, fa: کارت طلایی, en: Gold card, kind: up-sell, requires: [card],"
                        + " segments: [gold], minPropensity: 0.4}"));
        assertEquals(Duration.ofDays(30), c.declineCooldown());
        Product gold = c.product("card-gold").orElseThrow();
        assertEquals(Product.Kind.UP_SELL, gold.kind());
        assertEquals(List.of("card"), gold.requires());
        assertEquals(0.4, gold.minPropensity());
        assertEquals(Product.Kind.CROSS_SELL, c.product("card").orElseThrow().kind());
        assertEquals(0, read("offers: {}").products().size());
    }

    @Test
    @DisplayName("a bad product names the file and the key")
    void badProducts() {
        assertEquals("server.yaml: offers.products[0].requires: names product \"card\", which is not in offers.products",
                assertThrows(ConfigException.class, () -> read(String.join("\n", "offers:", "  products:",
                        "    - {code: card-gold, fa: x, en: x, requires: [card]}"))).getMessage());
        assertEquals("server.yaml: offers.products[1].code: product \"card\" is listed twice",
                assertThrows(ConfigException.class, () -> read(String.join("\n", "offers:", "  products:",
                        "    - {code: card, fa: x, en: x}", "    - {code: card, fa: y, en: y}"))).getMessage());
        assertThrows(ConfigException.class, () -> read(String.join("\n", "offers:", "  products:",
                "    - {code: card, fa: x, en: x, kind: upsell}")));
        assertThrows(ConfigException.class, () -> read(String.join("\n", "offers:", "  products:",
                "    - {code: 'a card', fa: x, en: x}")));
    }
}
