package cc.acd.app;

import cc.core.domain.scoring.CustomerScore;
import io.vertx.core.Future;

import java.util.List;

/** Where the ACD reads a customer's current scores. Threading: callable from any context; must not block it. */
@FunctionalInterface
public interface ScoreLookup {
    /** The customer's scores, every name; empty when none were computed. */
    Future<List<CustomerScore>> scores(long customerId);
}
