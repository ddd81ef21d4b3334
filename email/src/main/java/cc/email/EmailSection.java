package cc.email;

import cc.core.config.ConfigNode;
import cc.email.app.EmailSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code email:} section of {@code config/server.yaml} (documented there key by key). Off unless
 * {@code enabled: true}; then the address, the IMAP and SMTP hosts are required. A bad value is refused naming the
 * file and the key ({@code email.imap.port}).
 */
public final class EmailSection {
    private static final List<String> SECURITY = List.of("none", "ssl", "starttls");

    private EmailSection() {}

    public static EmailSettings read(ConfigNode node) {
        boolean enabled = node.bool("enabled", false);
        String address = node.string("address", "").trim().toLowerCase(Locale.ROOT);
        if (enabled && !address.contains("@")) {
            node.requiredString("address");
            throw node.error("address", "must be an email address, was \"" + address + "\"");
        }
        EmailSettings.Server imap = server(node.child("imap"), enabled, 143);
        EmailSettings.Server smtp = server(node.child("smtp"), enabled, 25);
        Map<String, String> routes = new LinkedHashMap<>();
        for (ConfigNode r : node.children("routes")) {
            String to = r.requiredString("to").trim().toLowerCase(Locale.ROOT);
            if (!to.contains("@")) {
                throw r.error("to", "must be an email address, was \"" + to + "\"");
            }
            routes.put(to, r.requiredString("queue"));
        }
        List<EmailSettings.Template> templates = new ArrayList<>();
        for (ConfigNode t : node.children("templates")) {
            templates.add(new EmailSettings.Template(t.requiredString("id"), t.oneOf("language", "en",
                    List.of("en", "fa")), t.string("title", t.requiredString("id")), t.requiredString("text")));
        }
        Duration pollEvery = node.duration("pollEvery", Duration.ofMinutes(5));
        if (pollEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw node.error("pollEvery", "must be at least 1s");
        }
        return new EmailSettings(enabled, address, node.string("displayName", "Support"), imap, smtp,
                node.string("queue", "support"), routes, node.integer("priority", 0, -1000, 1000),
                node.integer("maxAttachmentBytes", 10 * 1024 * 1024, 0, Integer.MAX_VALUE),
                node.integer("maxAcksPerSenderPerDay", 5, 0, 1000), node.integer("suggestedArticles", 3, 0, 10),
                pollEvery, node.duration("reconnectDelay", Duration.ofSeconds(10)),
                templates.isEmpty() ? EmailSettings.defaultTemplates() : templates);
    }

    private static EmailSettings.Server server(ConfigNode n, boolean required, int defaultPort) {
        String host = n.string("host", "");
        if (required && host.isBlank()) {
            throw n.error("host", "is required when email.enabled is true");
        }
        return new EmailSettings.Server(host, n.integer("port", defaultPort, 1, 65535), n.string("username", ""),
                n.string("password", ""), n.oneOf("security", "none", SECURITY));
    }
}
