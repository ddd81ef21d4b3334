package cc.console.adapter.jdbc;

import cc.console.adapter.http.BackOfficeWeb;
import cc.console.app.ConsoleVerticle;
import cc.console.domain.backoffice.RateLimiter;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerRegistry;
import cc.core.adapter.jdbc.JdbcInteractionSearch;
import io.vertx.core.Vertx;

/**
 * The back-office API on the JDBC stores, for whoever assembles the server: pass the result to
 * {@code ConsoleWeb.withBackOffice} (needs the core and console migrations, V16 and V6 on).
 */
public final class JdbcBackOffice {
    private JdbcBackOffice() {
    }

    public static BackOfficeWeb web(Vertx vertx, Database db, ConsoleVerticle console) {
        return new BackOfficeWeb(vertx, console, new JdbcApiKeyStore(db),
                new JdbcCustomerRegistry(db, console.clock()), new JdbcInteractionSearch(db), new RateLimiter());
    }
}
