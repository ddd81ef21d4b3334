package cc.core.domain.offer;

import cc.core.domain.scoring.CustomerScore;
import cc.core.domain.scoring.OfferPropensity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses at most one product to offer a customer on a call: among the catalog's products the customer does not have
 * (an accepted offer means they have it), whose required products they have and excluded ones they do not, meant for
 * their segment, not turned down within the catalog's cooldown, and whose propensity ({@code propensity_<code>}, from
 * the scoring run) reaches the product's minimum: the one the customer is likeliest to take (the catalog's order breaks
 * a tie). A product the propensity model has not scored (never offered yet) is not chosen: there is no evidence for it.
 */
public final class NextBestOffer {
    private NextBestOffer() {}

    /**
     * @param segment the customer's segment
     * @param scores  the customer's current scores
     * @param past    the offers made to the customer before, any order
     */
    public static Optional<OfferChoice> choose(OfferCatalog catalog, String segment, List<CustomerScore> scores,
                                               List<PastOffer> past, Instant now) {
        Set<String> owned = new HashSet<>();
        Set<String> recentlyDeclined = new HashSet<>();
        Instant cooldownStart = now.minus(catalog.declineCooldown());
        for (PastOffer o : past) {
            if (o.outcome() == PastOffer.Outcome.ACCEPTED) {
                owned.add(o.product());
            } else if (o.outcome() == PastOffer.Outcome.DECLINED && o.at().isAfter(cooldownStart)) {
                recentlyDeclined.add(o.product());
            }
        }
        Map<String, CustomerScore> byName = new HashMap<>();
        scores.forEach(s -> byName.put(s.name(), s));
        Product best = null;
        CustomerScore bestScore = null;
        for (Product p : catalog.products()) {
            if (owned.contains(p.code()) || recentlyDeclined.contains(p.code())
                    || !owned.containsAll(p.requires()) || p.excludes().stream().anyMatch(owned::contains)
                    || !p.segments().isEmpty() && !p.segments().contains(segment)) {
                continue;
            }
            CustomerScore s = byName.get(OfferPropensity.scoreName(p.code()));
            if (s == null || s.score() < p.minPropensity()) {
                continue;
            }
            if (bestScore == null || s.score() > bestScore.score()) {
                best = p;
                bestScore = s;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(explain(catalog, best, bestScore, segment));
    }

    private static OfferChoice explain(OfferCatalog catalog, Product p, CustomerScore s, String segment) {
        int percent = (int) Math.round(s.score() * 100);
        List<String> evidence = new ArrayList<>(s.reasons());
        List<String> en = new ArrayList<>();
        List<String> fa = new ArrayList<>();
        for (String r : s.reasons()) {
            switch (r) {
                case "acceptedBefore":
                    en.add("took an offer of it before");
                    fa.add("پیش‌تر پیشنهاد آن را پذیرفته است");
                    break;
                case "declinedBefore":
                    en.add("turned it down before, longer ago than " + catalog.declineCooldown().toDays() + " days");
                    fa.add("پیش‌تر، بیش از " + persian(catalog.declineCooldown().toDays()) + " روز پیش، آن را نپذیرفته است");
                    break;
                case "segmentAcceptance":
                    en.add("customers of segment " + segment + " often take it");
                    fa.add("مشتریان بخش " + segment + " آن را بسیار می‌پذیرند");
                    break;
                default:
                    en.add(r);
                    fa.add(r);
            }
        }
        for (String base : p.requires()) {
            evidence.add("has:" + base);
            Product b = catalog.product(base).orElseThrow();
            en.add("has " + b.nameEn());
            fa.add(b.nameFa() + " را دارد");
        }
        String kindEn = p.kind() == Product.Kind.UP_SELL ? "Up-sell" : "Cross-sell";
        String kindFa = p.kind() == Product.Kind.UP_SELL ? "ارتقا" : "فروش مکمل";
        String reasonEn = kindEn + ": " + p.nameEn() + ", " + percent + "% likely to accept (offer propensity)"
                + (en.isEmpty() ? "" : ": " + String.join("; ", en)) + ".";
        String reasonFa = kindFa + ": " + p.nameFa() + "، احتمال پذیرش " + persian(percent) + "٪ (تمایل به پیشنهاد)"
                + (fa.isEmpty() ? "" : ": " + String.join("؛ ", fa)) + ".";
        return new OfferChoice(p, s.score(), evidence, reasonEn, reasonFa);
    }

    private static String persian(long n) {
        StringBuilder out = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) ('۰' + (c - '0')) : c);
        }
        return out.toString();
    }
}
