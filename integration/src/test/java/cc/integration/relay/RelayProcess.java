package cc.integration.relay;

import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.DatabaseConfig;
import cc.integration.IntegrationModule;
import cc.integration.IntegrationSection;
import cc.integration.IntegrationSettings;
import cc.core.config.ConfigNode;
import io.vertx.core.Vertx;

import java.time.InstantSource;
import java.util.List;

/**
 * The relay as a process of its own, for the crash test: {@code RelayProcess <jdbc-url> <integration.yaml text>}
 * with the secret in the environment variable the YAML names. Prints {@code relay started} once delivering, then runs
 * until killed.
 */
public final class RelayProcess {
    private RelayProcess() {}

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        Database db = Database.open(vertx, new DatabaseConfig(args[0], "postgres", "", 4)).await();
        IntegrationSettings settings = IntegrationSection.read(ConfigNode.parse("integration.yaml", args[1],
                System::getenv), System::getenv);
        IntegrationModule.start(vertx, db, settings, List.of(), InstantSource.system()).await();
        System.out.println("relay started");
        System.out.flush();
        Thread.currentThread().join();
    }
}
