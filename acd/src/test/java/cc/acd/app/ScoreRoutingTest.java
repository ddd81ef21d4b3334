package cc.acd.app;

import cc.acd.domain.rules.RuleDecision;
import cc.acd.domain.rules.ScoreCondition;
import cc.acd.domain.rules.ScoreRule;
import cc.acd.domain.rules.ScoreRules;
import cc.acd.domain.rules.ValueTiers;
import cc.core.contract.EnqueueCall;
import cc.core.domain.scoring.CustomerScore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoreRoutingTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ScoreRules RULES = new ScoreRules(List.of(new ScoreRule(
            ScoreCondition.parse("churnRisk > 0.7", ValueTiers.none()), Optional.of("retention"), 0)),
            ValueTiers.none(), Duration.ofDays(3));
    private Vertx vertx;

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private Optional<RuleDecision> decide(ScoreRouting routing) throws Exception {
        CompletableFuture<Optional<RuleDecision>> out = new CompletableFuture<>();
        vertx.runOnContext(v -> routing.decide(vertx, 42, "support", 1, NOW).onComplete(ar -> out.complete(ar.result())));
        return out.get(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("the customer's scores decide the queue when they come in time")
    void scoresInTime() throws Exception {
        ScoreRouting r = new ScoreRouting(RULES, id -> Future.succeededFuture(List.of(
                new CustomerScore(id, "churnRisk", 0.95, NOW.minusSeconds(60), List.of()))), Duration.ofSeconds(2));
        assertEquals("retention", decide(r).orElseThrow().queue());
    }

    @Test
    @DisplayName("a read that never answers, or fails, leaves the call as asked once the wait is over")
    void slowOrFailedReadRoutesAsAsked() throws Exception {
        Promise<List<CustomerScore>> never = Promise.promise();
        assertEquals(Optional.empty(), decide(new ScoreRouting(RULES, id -> never.future(), Duration.ofMillis(50))));
        assertEquals(Optional.empty(), decide(new ScoreRouting(RULES,
                id -> Future.failedFuture(new IllegalStateException("database down")), Duration.ofSeconds(2))));
        assertEquals(Optional.empty(), decide(new ScoreRouting(RULES, id -> {
            throw new IllegalStateException("pool closed");
        }, Duration.ofSeconds(2))));
    }

    @Test
    @DisplayName("rules apply to a known customer from the IVR or another sender, never to a campaign's live answer")
    void whichCallsAreRead() {
        ScoreRouting r = new ScoreRouting(RULES, id -> Future.succeededFuture(List.of()), Duration.ofSeconds(1));
        assertEquals(OptionalLong.of(7), r.customerOf(call(Map.of("customer.id", "7"))));
        assertEquals(OptionalLong.of(8), r.customerOf(call(Map.of("customerId", "8"))));
        assertEquals(OptionalLong.empty(), r.customerOf(call(Map.of("customerId", "8", "campaign", "c1"))));
        assertEquals(OptionalLong.empty(), r.customerOf(call(Map.of("customer.found", "no"))));
        assertEquals(OptionalLong.empty(), ScoreRouting.off().customerOf(call(Map.of("customer.id", "7"))),
                "no rules, no reads");
    }

    private static EnqueueCall call(Map<String, String> data) {
        return new EnqueueCall("1.1", "Local/1@x;2", "support", 1, "en", data, NOW);
    }
}
