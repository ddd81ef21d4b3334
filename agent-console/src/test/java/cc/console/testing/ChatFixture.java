package cc.console.testing;

import cc.console.adapter.http.ChatWeb;
import cc.console.adapter.http.ConsoleWeb;
import cc.console.adapter.jdbc.JdbcChatStore;
import cc.console.adapter.jdbc.JdbcDirectoryStore;
import cc.console.adapter.jdbc.JdbcKnowledgeStore;
import cc.console.adapter.jdbc.JdbcOpportunityStore;
import cc.console.adapter.jdbc.JdbcQualityStore;
import cc.console.adapter.jdbc.JdbcUserStore;
import cc.console.adapter.lucene.LuceneAnswerIndex;
import cc.console.app.ChatDesk;
import cc.console.app.ConsoleConfig;
import cc.console.app.ConsoleVerticle;
import cc.console.app.PasswordHasher;
import cc.console.app.Sessions;
import cc.console.domain.auth.Principal;
import cc.console.domain.auth.Role;
import cc.console.domain.chat.ChatBook;
import cc.console.domain.chat.ChatSettings;
import cc.console.domain.dialing.DialRules;
import cc.core.adapter.jdbc.Database;
import cc.core.adapter.jdbc.JdbcCustomerStore;
import cc.core.adapter.jdbc.JdbcInteractionStore;
import cc.core.adapter.jdbc.SchemaMigrations;
import cc.core.contract.LocalRecordCodec;
import cc.core.testkit.Await;
import cc.core.testkit.PostgresTestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console with web chat as the server runs it: real PostgreSQL (dropped on close), the core and console schema,
 * the console verticle, the chat desk on {@link JdbcChatStore}, the routes on a real HTTP port, and
 * {@link AcdMediaStandIn} answering the ACD's media addresses (queues support and sales; a7 takes three chats of
 * support, a8 three of sales).
 */
public final class ChatFixture implements AutoCloseable {
    /** At most 3 chats per address, 2,000 characters a message, 20 messages in 10 s, a minute to come back. */
    public static final ChatSettings SETTINGS = new ChatSettings("support", Set.of("sales"), 2_000, 20,
            Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60), 3, 80, 200);

    public static final String PASSWORD = "correct horse battery staple";

    public final Vertx vertx;
    public final PostgresTestDatabase pg;
    public final Database db;
    public final ConsoleVerticle console;
    public final ChatDesk desk;
    public final AcdMediaStandIn acd;
    private final HttpServer server;

    public ChatFixture() {
        this(Optional.empty());
    }

    /** With {@code peers}: the desk as a node of several (its chats may be on other nodes' desks). */
    public ChatFixture(Optional<ChatDesk.PeerDesks> peers) {
        vertx = Vertx.vertx();
        LocalRecordCodec.registerContracts(vertx.eventBus());
        pg = PostgresTestDatabase.create(8);
        db = Await.result(Database.open(vertx, pg.config()));
        Await.result(new SchemaMigrations().apply(db, List.of("core", "console")));
        ConsoleConfig config = new ConsoleConfig(false, ZoneId.of("Asia/Tehran"), "root", PASSWORD,
                Duration.ofHours(1), "pbx1", "outbound", DialRules.iran());
        console = new ConsoleVerticle(config, InstantSource.system(), new JdbcUserStore(db), new JdbcDirectoryStore(db),
                new JdbcKnowledgeStore(db), new JdbcOpportunityStore(db), new JdbcInteractionStore(db),
                new JdbcCustomerStore(db), Optional.empty(), new PasswordHasher(), new JdbcQualityStore(db),
                LuceneAnswerIndex::build);
        Await.result(vertx.deployVerticle(console));
        acd = new AcdMediaStandIn(List.of("support", "sales"), Map.of("a7", "support:3", "a8", "sales:3"));
        Await.result(vertx.deployVerticle(acd));
        desk = new ChatDesk(new ChatBook(SETTINGS), new JdbcChatStore(db, "n1"), console.hub(), InstantSource.system());
        peers.ifPresent(desk::withPeers);
        Await.result(vertx.deployVerticle(desk));
        Router router = Router.router(vertx);
        new ConsoleWeb(vertx, console).withChat(new ChatWeb(console, desk, SETTINGS.maxMessageChars(), Set.of()))
                .mount(router);
        server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    }

    public int port() {
        return server.actualPort();
    }

    public String base() {
        return "http://127.0.0.1:" + port();
    }

    /** A signed-in session opened directly (sign-in itself is tested elsewhere; hashing is slow by design). */
    public Sessions.Session session(String username, Role role, String agentId, String language) {
        return console.sessions().open(new Principal(username, username, role, agentId, language, ""));
    }

    /** Creates a user who signs in with {@link #PASSWORD} (for the browser tests). */
    public void user(String username, Role role, String agentId, String language) {
        String hash = new PasswordHasher().hash(PASSWORD.toCharArray());
        Await.result(console.users().save(new cc.console.domain.auth.UserAccount(new Principal(username, username,
                role, agentId, language, ""), hash, true)));
    }

    @Override
    public void close() {
        try {
            Await.result(server.close());
            Await.result(vertx.close());
            db.close();
        } finally {
            pg.close();
        }
    }
}
