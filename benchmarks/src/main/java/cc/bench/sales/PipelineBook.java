package cc.bench.sales;

import cc.core.domain.sales.Opportunity;
import cc.core.domain.sales.SalesPipeline;
import cc.core.domain.sales.SalesSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The generated sales book both pipeline benchmarks run on, so that the engine alone and the report read from
 * PostgreSQL are timed over the same facts: {@code opportunities} (a third closed in the month, the rest open) in three
 * currencies, 50 owners, 20 products, and {@code contacts} calls with their customers over the last six months.
 *
 * @param customers the customers are numbered 1..customers
 */
record PipelineBook(List<Opportunity> opportunities, List<SalesPipeline.Contact> contacts, int customers) {
    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] CURRENCIES = {"IRR", "USD", "EUR"};

    static PipelineBook generate(int opportunities, int contacts, SalesSettings settings) {
        Random rng = new Random(7);
        int customers = Math.max(1, opportunities / 2);
        List<Opportunity> book = new ArrayList<>(opportunities);
        for (int i = 1; i <= opportunities; i++) {
            Instant created = NOW.minus(Duration.ofMinutes(rng.nextInt(180 * 24 * 60)));
            String currency = CURRENCIES[rng.nextInt(CURRENCIES.length)];
            boolean closed = i % 3 == 0;
            String stage = closed ? (rng.nextBoolean() ? "won" : "lost")
                    : settings.stages().get(rng.nextInt(settings.stages().size())).code();
            Instant closedAt = FROM.plus(Duration.ofMinutes(rng.nextInt(31 * 24 * 60)));
            if (closed && created.isAfter(closedAt)) {
                created = closedAt.minus(Duration.ofDays(1 + rng.nextInt(60)));
            }
            book.add(new Opportunity(i, 1 + rng.nextInt(customers), "", "opportunity " + i,
                    BigDecimal.valueOf(1 + rng.nextInt(1_000_000), currency.equals("IRR") ? -3 : 0), currency,
                    stage.equals("won") ? 100 : stage.equals("lost") ? 0 : 10 + rng.nextInt(80),
                    "agent-" + rng.nextInt(50), stage, "product-" + rng.nextInt(20),
                    stage.equals("lost") ? "price" : "", Optional.empty(), Optional.of(created),
                    closed ? Optional.of(closedAt) : Optional.empty()));
        }
        List<SalesPipeline.Contact> calls = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            calls.add(new SalesPipeline.Contact("c" + i, 1 + rng.nextInt(customers),
                    NOW.minus(Duration.ofMinutes(rng.nextInt(180 * 24 * 60))), Duration.ofSeconds(rng.nextInt(600))));
        }
        return new PipelineBook(book, calls, customers);
    }
}
