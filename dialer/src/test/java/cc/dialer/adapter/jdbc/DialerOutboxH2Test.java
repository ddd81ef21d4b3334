package cc.dialer.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The dialer's events on the embedded H2 default. */
class DialerOutboxH2Test extends DialerOutboxContract {
    @TempDir
    static Path dataDir;

    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.embedded(vertx, dataDir, "core", JdbcDialAudit.MIGRATION_MODULE);
    }
}
