package cc.email;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.email.app.EmailSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailSectionTest {
    private static EmailSettings read(String yaml) {
        ConfigNode root = ConfigNode.parse("server.yaml", yaml, Map.<String, String>of("PW", "secret")::get);
        EmailSettings s = EmailSection.read(root.child("email"));
        root.finish();
        return s;
    }

    @Test
    @DisplayName("off unless enabled; a configured mailbox is read whole, with routes and templates")
    void reads() {
        assertFalse(read("").enabled());
        EmailSettings s = read("email:\n  enabled: true\n  address: Support@Example.com\n"
                + "  imap: {host: imap.example.com, port: 993, username: support, password: '${PW}', security: ssl}\n"
                + "  smtp: {host: smtp.example.com, port: 587, security: starttls}\n"
                + "  routes:\n    - {to: Sales@Example.com, queue: sales}\n  pollEvery: 2m\n"
                + "  templates:\n    - {id: hi, language: fa, text: 'سلام {customerName}'}\n");
        assertEquals("support@example.com", s.address());
        assertEquals("secret", s.imap().password());
        assertEquals("ssl", s.imap().security());
        assertEquals("sales", s.queueFor(List.of("sales@example.com")));
        assertEquals("support", s.queueFor(List.of("other@example.com")));
        assertEquals(Duration.ofMinutes(2), s.pollEvery());
        assertEquals(1, s.templates().size());
    }

    @Test
    @DisplayName("a bad value names the file and the key")
    void badValues() {
        assertEquals("server.yaml: email.imap.host: is required when email.enabled is true",
                assertThrows(ConfigException.class, () -> read("email:\n  enabled: true\n  address: a@b.c\n"))
                        .getMessage());
        assertEquals("server.yaml: email.smtp.security: must be one of [none, ssl, starttls], was \"tls\"",
                assertThrows(ConfigException.class, () -> read("email:\n  smtp: {security: tls}\n")).getMessage());
        assertEquals("server.yaml: email.routes[0].to: must be an email address, was \"sales\"",
                assertThrows(ConfigException.class, () -> read("email:\n  routes:\n    - {to: sales, queue: s}\n"))
                        .getMessage());
    }
}
