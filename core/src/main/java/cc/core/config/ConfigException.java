package cc.core.config;

/** The configuration is wrong; the message names the file and the key, and says what was expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
