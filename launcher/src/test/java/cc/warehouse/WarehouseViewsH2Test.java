package cc.warehouse;

import cc.core.testkit.MigratedDatabase;
import cc.launcher.Server;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/** The warehouse views on the embedded H2 (PostgreSQL mode) the demo and small sites run on. */
class WarehouseViewsH2Test extends WarehouseViewsContract {
    @Override
    MigratedDatabase open(Vertx vertx, Path dir) {
        return MigratedDatabase.embedded(vertx, dir.resolve("db"), Server.SCHEMA_MODULES.toArray(String[]::new));
    }
}
