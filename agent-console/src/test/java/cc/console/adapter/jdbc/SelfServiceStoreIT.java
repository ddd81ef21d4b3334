package cc.console.adapter.jdbc;

import cc.core.adapter.jdbc.Database;
import cc.core.testkit.Await;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;

/** The self-service store on real PostgreSQL ({@code cc_it_<random>}, dropped afterwards). */
class SelfServiceStoreIT extends SelfServiceStoreContract {
    private PostgresTestDatabase pg;

    @Override
    protected Database open(Vertx vertx) {
        pg = PostgresTestDatabase.create(8);
        return Await.result(Database.open(vertx, pg.config()));
    }

    @Override
    protected Database openAgain(Vertx vertx) {
        return Await.result(Database.open(vertx, pg.config()));
    }

    @Override
    protected void dispose() {
        if (pg != null) {
            pg.close();
        }
    }
}
