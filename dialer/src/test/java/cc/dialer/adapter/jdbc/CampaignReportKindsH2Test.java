package cc.dialer.adapter.jdbc;

import cc.core.testkit.MigratedDatabase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The campaign report on the embedded H2 the demo runs on. */
class CampaignReportKindsH2Test extends CampaignReportKindsContract {
    @TempDir
    static Path dataDir;

    @Override
    protected MigratedDatabase open(Vertx vertx) {
        return MigratedDatabase.embedded(vertx, dataDir, "core", JdbcDialAudit.MIGRATION_MODULE);
    }
}
