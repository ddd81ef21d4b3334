package cc.console.adapter.jdbc;

import cc.console.adapter.lucene.LuceneAnswerIndex;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleVerticle;
import cc.console.app.PasswordHasher;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.app.telephony.Telephony;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The console on the JDBC stores, for whoever assembles the server: apply {@link #MIGRATIONS} after core's, deploy
 * {@link #verticle}, then mount {@code new ConsoleWeb(vertx, verticle)} on the HTTP router.
 */
public final class JdbcConsole {
    /** The migration module of the console's tables ({@code db/migration/console/}); apply it after {@code core}. */
    public static final String MIGRATIONS = "console";

    private JdbcConsole() {}

    public static List<String> migrationModules() {
        return List.of("core", MIGRATIONS);
    }

    public static ConsoleVerticle verticle(Database db, ConsoleConfig config, Optional<Telephony> telephony) {
        return new ConsoleVerticle(config, InstantSource.system(), new JdbcUserStore(db), new JdbcDirectoryStore(db),
                new JdbcKnowledgeStore(db), new JdbcOpportunityStore(db), new JdbcInteractionStore(db),
                new JdbcCustomerStore(db), telephony, new PasswordHasher(), new JdbcQualityStore(db),
                LuceneAnswerIndex::build);
    }
}
