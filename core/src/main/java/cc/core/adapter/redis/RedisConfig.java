package cc.core.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Where Redis is and how our keys are named.
 *
 * @param uri            Redis URI, {@code redis://127.0.0.1:6379} (a password in it is never printed)
 * @param keyPrefix      prefix of every key we write, {@code cc:} by default; several deployments can share a
 *                       server with different prefixes
 * @param commandTimeout how long a command (and connecting) may take before its future fails
 */
public record RedisConfig(String uri, String keyPrefix, Duration commandTimeout) {

    public static final String DEFAULT_PREFIX = "cc:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public RedisConfig {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("redis uri is empty");
        }
        keyPrefix = keyPrefix == null ? DEFAULT_PREFIX : keyPrefix;
        commandTimeout = commandTimeout == null ? DEFAULT_TIMEOUT : commandTimeout;
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("redis commandTimeout must be positive, was " + commandTimeout);
        }
    }

    public RedisConfig(String uri) {
        this(uri, DEFAULT_PREFIX, DEFAULT_TIMEOUT);
    }

    @Override
    public String toString() {
        return "RedisConfig[uri=" + uri.replaceAll("//[^@/]*@", "//***@") + ", keyPrefix=" + keyPrefix
                + ", commandTimeout=" + commandTimeout + "]";
    }
}
