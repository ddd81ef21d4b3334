package cc.warehouse;

import cc.core.testkit.MigratedDatabase;
import cc.launcher.Server;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** The warehouse views on PostgreSQL, every module's schema applied in the server's order. */
class WarehouseViewsPostgresIT extends WarehouseViewsContract {
    @Override
    MigratedDatabase open(Vertx vertx, Path dir) {
        return MigratedDatabase.postgres(vertx, Server.SCHEMA_MODULES.toArray(String[]::new));
    }
}
