package cc.core.domain.offer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The products agents may offer, in the order that breaks a tie, and how long a customer's "no" keeps a product from
 * being offered again ({@code offers.declineCooldown}).
 */
public record OfferCatalog(List<Product> products, Duration declineCooldown) {
    public OfferCatalog {
        products = List.copyOf(products);
        Objects.requireNonNull(declineCooldown, "declineCooldown");
        Set<String> codes = new HashSet<>();
        for (Product p : products) {
            if (!codes.add(p.code())) {
                throw new IllegalArgumentException("product " + p.code() + " is listed twice");
            }
        }
        for (Product p : products) {
            for (String other : concat(p.requires(), p.excludes())) {
                if (!codes.contains(other)) {
                    throw new IllegalArgumentException("product " + p.code() + " names product \"" + other
                            + "\", which is not in the catalog");
                }
            }
        }
    }

    public static OfferCatalog empty() {
        return new OfferCatalog(List.of(), Duration.ofDays(90));
    }

    public Optional<Product> product(String code) {
        return products.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
