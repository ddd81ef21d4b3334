package cc.core.adapter.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * One Asterisk server's AMI login.
 *
 * @param name                    the server's configured name; every leg and command carries it
 * @param host                    AMI host
 * @param port                    AMI port (5038 by default in Asterisk)
 * @param username                manager.conf user
 * @param secret                  manager.conf secret; never logged nor printed by {@link #toString()}
 * @param connectTimeout          TCP connect timeout of one attempt
 * @param reconnectInitialBackoff wait before the first reconnect attempt after the link dropped
 * @param reconnectMaxBackoff     the cap of the exponential backoff between reconnect attempts
 * @param tls                     AMI over TLS, or {@link AmiTls#OFF}
 */
public record AmiServerConfig(String name, String host, int port, String username, String secret,
                              Duration connectTimeout, Duration reconnectInitialBackoff,
                              Duration reconnectMaxBackoff, AmiTls tls) {
    /** Plain TCP. */
    public AmiServerConfig(String name, String host, int port, String username, String secret,
                           Duration connectTimeout, Duration reconnectInitialBackoff, Duration reconnectMaxBackoff) {
        this(name, host, port, username, secret, connectTimeout, reconnectInitialBackoff, reconnectMaxBackoff,
                AmiTls.OFF);
    }

    public AmiServerConfig {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnectInitialBackoff, "reconnectInitialBackoff");
        Objects.requireNonNull(reconnectMaxBackoff, "reconnectMaxBackoff");
        if (name.isBlank()) {
            throw new IllegalArgumentException("AMI server name is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AMI server " + name + ": port " + port + " is out of range");
        }
        if (reconnectInitialBackoff.isNegative() || reconnectInitialBackoff.isZero()
                || reconnectMaxBackoff.compareTo(reconnectInitialBackoff) < 0) {
            throw new IllegalArgumentException("AMI server " + name
                    + ": reconnect backoff must be positive and the maximum at least the initial");
        }
    }

    /** Defaults for the timeouts: 5 s connect, reconnect after 0.5 s doubling up to 30 s. */
    public static AmiServerConfig of(String name, String host, int port, String username, String secret) {
        return new AmiServerConfig(name, host, port, username, secret, Duration.ofSeconds(5),
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    /** host:port as user, for messages. */
    public String describe() {
        return host + ":" + port + (tls.enabled() ? " (TLS)" : "") + " as " + username;
    }

    @Override
    public String toString() {
        return "AmiServerConfig[name=" + name + ", host=" + host + ", port=" + port + ", username=" + username
                + ", secret=***, connectTimeout=" + connectTimeout + ", reconnectInitialBackoff="
                + reconnectInitialBackoff + ", reconnectMaxBackoff=" + reconnectMaxBackoff + ", tls=" + tls + "]";
    }
}
