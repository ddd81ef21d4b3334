package cc.console.adapter.jdbc;

import cc.core.domain.offer.PastOffer;
import cc.core.domain.scoring.CustomerScore;
import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static cc.core.testkit.Await.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The offers store on the demo's embedded database: answers kept per call and product, imports read by accepted. */
class JdbcOfferStoreH2Test {
    private static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");
    @TempDir
    Path dataDir;
    private Vertx vertx;
    private MigratedDatabase db;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        db = MigratedDatabase.embedded(vertx, dataDir, "core");
        db.execute("insert into customers (id, name, segment) values (5, 'Nima', 'gold')");
        // an offer imported before the console recorded any: no outcome, accepted tells
        db.execute("insert into customer_offers (customer_id, product, offered_at, accepted) values (5, 'loan',"
                + " timestamp with time zone '2026-01-10 10:00:00+00', false)");
        db.execute("insert into customer_scores (customer_id, name, score, computed_at, reasons) values (5,"
                + " 'propensity_card', 0.4, timestamp with time zone '2026-12-01 00:00:00+00',"
                + " 'acceptedBefore,segmentAcceptance')");
    }

    @AfterEach
    void close() {
        db.close();
        result(vertx.close());
    }

    @Test
    @DisplayName("an answer replaces the offer made on the same call; imported offers read as accepted or declined")
    void answersPerCallAndProduct() {
        JdbcOfferStore store = new JdbcOfferStore(db.database());
        result(store.record(5, "card", "call-1", "agent-1", PastOffer.Outcome.OFFERED, AT));
        result(store.record(5, "card", "call-1", "agent-1", PastOffer.Outcome.DECLINED, AT.plusSeconds(30)));
        result(store.record(5, "card", "call-2", "agent-2", PastOffer.Outcome.ACCEPTED, AT.plusSeconds(3_600)));

        List<PastOffer> past = result(store.pastOffers(5)).stream()
                .sorted(java.util.Comparator.comparing(PastOffer::at)).toList();
        assertEquals(List.of(new PastOffer("loan", Instant.parse("2026-01-10T10:00:00Z"), PastOffer.Outcome.DECLINED),
                new PastOffer("card", AT, PastOffer.Outcome.DECLINED),
                new PastOffer("card", AT.plusSeconds(3_600), PastOffer.Outcome.ACCEPTED)), past);
        List<CustomerScore> scores = result(store.scores(5));
        assertEquals(1, scores.size());
        assertEquals(List.of("acceptedBefore", "segmentAcceptance"), scores.get(0).reasons());
    }
}
