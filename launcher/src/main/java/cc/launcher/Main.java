package cc.launcher;

import cc.core.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar cc-server.jar [config.yaml]}: runs the server until it is stopped (Ctrl-C, SIGTERM).
 * Exit status 0 after a clean stop, 1 when the configuration is wrong, 2 when the server cannot start (database,
 * AMI login, ports), with a message saying which.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // the churn model's library (Tribuo) logs through java.util.logging: into the server's log, not stderr
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the server and blocks until shutdown; returns the exit status. */
    static int run(String[] args) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            System.err.println("usage: cc-server [config.yaml]   (no file: embedded defaults with the simulator)");
            return args.length > 1 ? 1 : 0;
        }
        Optional<Path> file = args.length == 1 ? Optional.of(Path.of(args[0])) : Optional.empty();
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            System.err.println("configuration file " + file.get() + " does not exist");
            return 1;
        }
        ServerConfig config;
        try {
            config = ServerConfig.load(file);
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            return 1;
        }
        Server server;
        try {
            server = Server.start(config).await();
        } catch (Exception e) {
            System.err.println("cannot start: " + rootMessage(e));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "cc-shutdown"));
        String base = (config.http().tls().isPresent() ? "https://" : "http://") + config.http().host() + ":"
                + server.httpPort();
        System.out.println();
        System.out.println("Contact-center server " + config.nodeId() + " is running.");
        System.out.println("  health   " + base + "/health");
        System.out.println("  metrics  " + base + "/metrics");
        System.out.println("  console  " + base + "/console/   " + server.demoAdmin()
                .map(a -> "(sign in as " + a.user() + " with the password in " + a.passwordFile() + ")")
                .orElse("(first admin from CC_CONSOLE_ADMIN_PASSWORD)"));
        System.out.println("  FastAGI  agi://" + config.agi().host() + ":" + server.agiPort() + "/<flow>");
        server.simulator().ifPresent(sim -> System.out.println("  simulator: Asterisk stand-in on AMI 127.0.0.1:"
                + sim.amiPort() + ", " + config.asterisk().simulator().callsPerSecond() + " calls/s"));
        System.out.println("Stop with Ctrl-C.");
        server.simulator().ifPresent(sim -> DemoTrafficReport.start(server.vertx(), sim, System.out,
                Duration.ofSeconds(15)));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof
                java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
