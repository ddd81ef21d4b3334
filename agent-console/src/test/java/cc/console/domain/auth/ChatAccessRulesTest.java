package cc.console.domain.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatAccessRulesTest {
    private static final Principal HOLDER = new Principal("amir", "Amir", Role.AGENT, "a7", "en", "");
    private static final Principal EARLIER = new Principal("bita", "Bita", Role.AGENT, "a8", "en", "");
    private static final Principal OTHER = new Principal("cyrus", "Cyrus", Role.AGENT, "a9", "en", "");
    private static final Principal SUPERVISOR = new Principal("sara", "Sara", Role.SUPERVISOR, "", "en", "");

    @Test
    @DisplayName("only the agent holding a chat writes in it; supervisors and other agents never do")
    void write() {
        assertTrue(AccessRules.mayWriteChat(HOLDER, Optional.of("a7")));
        assertFalse(AccessRules.mayWriteChat(OTHER, Optional.of("a7")));
        assertFalse(AccessRules.mayWriteChat(SUPERVISOR, Optional.of("a7")));
        assertFalse(AccessRules.mayWriteChat(HOLDER, Optional.empty()), "a waiting chat is nobody's to write in");
    }

    @Test
    @DisplayName("a chat is read by its holder, by agents who held it before, and by supervisors; not by other agents")
    void read() {
        List<String> held = List.of("a8");
        assertTrue(AccessRules.mayReadChat(HOLDER, Optional.of("a7"), held));
        assertTrue(AccessRules.mayReadChat(EARLIER, Optional.of("a7"), held));
        assertTrue(AccessRules.mayReadChat(SUPERVISOR, Optional.empty(), List.of()));
        assertFalse(AccessRules.mayReadChat(OTHER, Optional.of("a7"), held));
    }

    @Test
    @DisplayName("a chat's lines reach only the live channel of the agent holding it")
    void receives() {
        assertTrue(AccessRules.receivesChat(HOLDER, "a7"));
        assertFalse(AccessRules.receivesChat(OTHER, "a7"));
        assertFalse(AccessRules.receivesChat(SUPERVISOR, "a7"));
    }
}
