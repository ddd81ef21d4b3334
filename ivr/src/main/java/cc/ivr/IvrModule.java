package cc.ivr;

import cc.core.adapter.jdbc.Database;
import cc.core.app.customer.CustomerStore;
import cc.ivr.adapter.agi.AgiAllowList;
import cc.ivr.adapter.agi.AgiServer;
import cc.ivr.adapter.file.SoundsCheck;
import cc.ivr.adapter.http.VertxHttpLookup;
import cc.ivr.adapter.jdbc.JdbcSelfServiceData;
import cc.ivr.adapter.yaml.YamlFlowDirectory;
import cc.ivr.app.FlowLibrary;
import cc.ivr.app.IvrMetrics;
import cc.ivr.app.IvrServices;
import cc.ivr.app.IvrSessions;
import cc.ivr.domain.engine.FlowInterpreter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Assembles the IVR: flows from a directory (reloaded by polling), the FastAGI server, the HTTP and JDBC adapters.
 * The launcher calls {@link #start} once the event-bus codecs of {@code cc.core.contract} are registered.
 */
public final class IvrModule {

    /**
     * @param host           FastAGI listen address
     * @param port           FastAGI port (4573 by convention; 0 picks a free one)
     * @param flowDirectory  the directory of flow files ({@code config/ivr})
     * @param defaultFlow    the flow for requests naming an unknown flow
     * @param defaultQueue   the queue of the built-in last-resort flow
     * @param reloadInterval how often the flow directory is checked for changes
     * @param soundsDir      Asterisk's sounds directory (mounted) to check the flows' prompts against; empty: no check
     * @param agiAllowFrom   addresses and CIDR blocks FastAGI accepts connections from
     * @param replyTimeout   how long Asterisk may take to answer a FastAGI command (beyond what it waits for the
     *                       caller) before the session is ended as failed
     */
    public record Config(String host, int port, Path flowDirectory, String defaultFlow, String defaultQueue,
                         Duration reloadInterval, java.util.Optional<Path> soundsDir, AgiAllowList agiAllowFrom,
                         Duration replyTimeout) {
        public Config(String host, int port, Path flowDirectory, String defaultFlow, String defaultQueue,
                      Duration reloadInterval) {
            this(host, port, flowDirectory, defaultFlow, defaultQueue, reloadInterval, java.util.Optional.empty(),
                    AgiAllowList.LOOPBACK, AgiServer.DEFAULT_REPLY_TIMEOUT);
        }

        public static Config defaults() {
            return new Config("0.0.0.0", 4573, Path.of("config", "ivr"), "main", "support", Duration.ofSeconds(2));
        }
    }

    private final Vertx vertx;
    private final AgiServer server;
    private final YamlFlowDirectory directory;
    private final VertxHttpLookup http;
    private final IvrMetrics metrics;

    private IvrModule(Vertx vertx, AgiServer server, YamlFlowDirectory directory, VertxHttpLookup http,
                      IvrMetrics metrics) {
        this.vertx = vertx;
        this.server = server;
        this.directory = directory;
        this.http = http;
        this.metrics = metrics;
    }

    public static Future<IvrModule> start(Vertx vertx, Config config, CustomerStore customers, Database database,
                                          InstantSource clock) {
        FlowLibrary flows = new FlowLibrary(config.defaultFlow(), config.defaultQueue());
        YamlFlowDirectory directory = new YamlFlowDirectory(config.flowDirectory(), flows);
        config.soundsDir().map(SoundsCheck::new).ifPresent(check -> {
            directory.withSoundsCheck(check);
            vertx.executeBlocking(() -> check.checkAnnouncements(), false);
        });
        VertxHttpLookup http = new VertxHttpLookup(vertx);
        IvrServices services = new IvrServices(vertx, new FlowInterpreter(), flows, customers,
                new JdbcSelfServiceData(database), http, clock);
        IvrSessions sessions = new IvrSessions(services);
        AgiServer server = new AgiServer(vertx, sessions, config.agiAllowFrom(), config.replyTimeout());
        IvrMetrics metrics = new IvrMetrics(sessions, flows, server::refused);
        return directory.start(vertx, config.reloadInterval())
                .compose(v -> server.listen(config.host(), config.port()))
                .map(s -> new IvrModule(vertx, server, directory, http, metrics));
    }

    public int port() {
        return server.port();
    }

    /** Bind to the application's meter registry. */
    public IvrMetrics metrics() {
        return metrics;
    }

    public Future<Void> close() {
        directory.stop(vertx);
        return server.close().compose(v -> http.close());
    }
}
