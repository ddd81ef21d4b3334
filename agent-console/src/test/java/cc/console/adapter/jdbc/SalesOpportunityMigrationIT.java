package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.Await;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;

/** Core V10 and console V3 on real PostgreSQL ({@code cc_it_<random>}, dropped afterwards). */
class SalesOpportunityMigrationIT extends SalesOpportunityMigrationContract {
    private PostgresTestDatabase pg;

    @Override
    protected Database open(Vertx vertx) {
        pg = PostgresTestDatabase.create(2);
        return Await.result(Database.open(vertx, pg.config()));
    }

    @Override
    protected void dispose() {
        if (pg != null) {
            pg.close();
        }
    }
}
