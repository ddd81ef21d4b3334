package cc.core.domain.offer;

import cc.core.domain.scoring.CustomerScore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NextBestOfferTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Product CARD = new Product("card", "کارت اعتباری", "Credit card", Product.Kind.CROSS_SELL,
            List.of(), List.of("card-gold"), List.of(), 0.2);
    private static final Product GOLD = new Product("card-gold", "کارت طلایی", "Gold card", Product.Kind.UP_SELL,
            List.of("card"), List.of(), List.of("gold", "silver"), 0.2);
    private static final Product LOAN = new Product("loan", "وام", "Personal loan", Product.Kind.CROSS_SELL,
            List.of(), List.of(), List.of(), 0.5);
    private static final OfferCatalog CATALOG = new OfferCatalog(List.of(CARD, GOLD, LOAN), Duration.ofDays(90));

    private static CustomerScore propensity(String product, double p, String... reasons) {
        return new CustomerScore(5, "propensity_" + product.replace('-', '_'), p, NOW, List.of(reasons));
    }

    private static PastOffer past(String product, PastOffer.Outcome outcome, int daysAgo) {
        return new PastOffer(product, NOW.minus(Duration.ofDays(daysAgo)), outcome);
    }

    @Test
    @DisplayName("the product the customer is likeliest to take is offered, with the propensity and what drove it")
    void likeliestProductWithReason() {
        OfferChoice c = NextBestOffer.choose(CATALOG, "silver", List.of(propensity("card", 0.35, "segmentAcceptance"),
                propensity("loan", 0.62, "acceptedBefore", "segmentAcceptance")), List.of(), NOW).orElseThrow();
        assertEquals("loan", c.product().code());
        assertEquals(List.of("acceptedBefore", "segmentAcceptance"), c.evidence());
        assertEquals("Cross-sell: Personal loan, 62% likely to accept (offer propensity): took an offer of it before; "
                + "customers of segment silver often take it.", c.reasonEn());
        assertEquals("فروش مکمل: وام، احتمال پذیرش ۶۲٪ (تمایل به پیشنهاد): پیش‌تر پیشنهاد آن را پذیرفته است؛ "
                + "مشتریان بخش silver آن را بسیار می‌پذیرند.", c.reasonFa());
    }

    @Test
    @DisplayName("an up-sell needs the base product, is for its segments only, and names the base in its reason")
    void upSellNeedsItsBase() {
        List<CustomerScore> scores = List.of(propensity("card-gold", 0.7, "segmentAcceptance"),
                propensity("card", 0.3, "segmentAcceptance"));
        assertEquals("card", NextBestOffer.choose(CATALOG, "gold", scores, List.of(), NOW).orElseThrow()
                .product().code(), "without the card, the card itself");
        List<PastOffer> hasCard = List.of(past("card", PastOffer.Outcome.ACCEPTED, 300));
        OfferChoice c = NextBestOffer.choose(CATALOG, "gold", scores, hasCard, NOW).orElseThrow();
        assertEquals("card-gold", c.product().code());
        assertTrue(c.reasonEn().startsWith("Up-sell: Gold card, 70% likely"), c.reasonEn());
        assertTrue(c.reasonEn().endsWith("has Credit card."), c.reasonEn());
        assertTrue(c.reasonFa().contains("کارت اعتباری را دارد"), c.reasonFa());
        assertEquals(Optional.empty(), NextBestOffer.choose(CATALOG, "retail", scores, hasCard, NOW),
                "the gold card is not for retail, and the card is had already");
    }

    @Test
    @DisplayName("nothing the customer has, declined within the cooldown, is excluded by what they have, or is too unlikely")
    void ruledOut() {
        List<CustomerScore> scores = List.of(propensity("card", 0.9), propensity("loan", 0.45));
        assertEquals(Optional.empty(), NextBestOffer.choose(CATALOG, "retail", scores,
                List.of(past("card", PastOffer.Outcome.DECLINED, 10)), NOW), "card declined 10 days ago; loan under 0.5");
        assertEquals("card", NextBestOffer.choose(CATALOG, "retail", scores,
                List.of(past("card", PastOffer.Outcome.DECLINED, 120)), NOW).orElseThrow().product().code(),
                "a no older than the cooldown no longer counts");
        assertEquals(Optional.empty(), NextBestOffer.choose(CATALOG, "retail", scores,
                List.of(past("card-gold", PastOffer.Outcome.ACCEPTED, 5)), NOW), "the gold card excludes the card");
        assertEquals("card", NextBestOffer.choose(CATALOG, "retail", scores,
                List.of(past("card", PastOffer.Outcome.OFFERED, 1)), NOW).orElseThrow().product().code(),
                "an offer not answered yet rules nothing out");
    }

    @Test
    @DisplayName("a product never scored (no propensity yet) is not offered: there is no evidence for it")
    void noEvidenceNoOffer() {
        assertEquals(Optional.empty(), NextBestOffer.choose(CATALOG, "retail", List.of(
                new CustomerScore(5, "churnRisk", 0.9, NOW, List.of())), List.of(), NOW));
    }

    @Test
    @DisplayName("a catalog naming an unknown product or listing one twice is refused")
    void badCatalog() {
        Product odd = new Product("odd", "x", "x", Product.Kind.UP_SELL, List.of("nothing"), List.of(), List.of(), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OfferCatalog(List.of(odd), Duration.ofDays(1)))
                .getMessage().contains("\"nothing\""));
        assertThrows(IllegalArgumentException.class, () -> new OfferCatalog(List.of(CARD, CARD), Duration.ofDays(1)));
    }
}
