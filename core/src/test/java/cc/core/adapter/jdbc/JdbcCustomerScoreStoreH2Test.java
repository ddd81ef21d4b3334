package cc.core.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The customer score store on the embedded H2 a demo run uses, in a file database in a temporary directory. */
class JdbcCustomerScoreStoreH2Test extends CustomerScoreStoreContract {
    @TempDir
    static Path dataDir;

    @Override
    protected MigratedDatabase database(Vertx vertx) {
        return MigratedDatabase.embedded(vertx, dataDir, "core");
    }
}
