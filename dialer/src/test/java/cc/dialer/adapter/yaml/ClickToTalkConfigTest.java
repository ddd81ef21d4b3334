package cc.dialer.adapter.yaml;

import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import cc.dialer.app.ClickToTalkSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClickToTalkConfigTest {

    private static ClickToTalkSettings read(String yaml) {
        ConfigNode root = ConfigNode.parse("my.yaml", yaml, name -> null);
        ClickToTalkSettings s = YamlDialerSettings.read(root.child("dialer")).clickToTalk();
        root.finish();
        return s;
    }

    @Test
    @DisplayName("the shipped config/server.yaml gives the documented defaults; left out, the same")
    void defaults() {
        ConfigNode shipped = ConfigNode.load(Path.of("../config/server.yaml"));
        ClickToTalkSettings s = YamlDialerSettings.read(shipped.child("dialer")).clickToTalk();
        assertEquals(ClickToTalkSettings.defaults(), s);
        assertEquals(ClickToTalkSettings.defaults(), read("dialer: {}\n"));
        assertEquals(1, s.rules().retries());
        assertEquals(Duration.ofMinutes(2), s.rules().retryDelay());
        assertEquals("cc-click-to-talk", s.context());
        assertEquals("click-to-talk", s.flow());
    }

    @Test
    @DisplayName("each wrong value is named by file and key")
    void errors() {
        assertEquals("my.yaml: dialer.clickToTalk.retryDelay: must be from 10s to 2h, was PT1S",
                assertThrows(ConfigException.class, () -> read("dialer:\n  clickToTalk: {retryDelay: 1s}\n"))
                        .getMessage());
        assertEquals("my.yaml: dialer.clickToTalk.flow: must be an IVR flow name (a file name without .yaml), was "
                + "\"a b\"", assertThrows(ConfigException.class,
                () -> read("dialer:\n  clickToTalk: {flow: 'a b'}\n")).getMessage());
        assertEquals(3, read("dialer:\n  clickToTalk: {dialsPerMinute: 3}\n").rules().dialsPerMinute());
        assertThrows(ConfigException.class, () -> read("dialer:\n  clickToTalk: {dialsPerMinute: 0}\n"));
        assertThrows(ConfigException.class, () -> read("dialer:\n  clickToTalk: {retrys: 2}\n"));
    }

    @Test
    @DisplayName("ringAgentFirst lists queues (empty by default: today's behaviour); bad values are named by file and key")
    void ringAgentFirst() {
        assertEquals(java.util.Set.of(), read("dialer: {}\n").ringAgentFirst());
        ClickToTalkSettings s = read("dialer:\n  clickToTalk: {ringAgentFirst: [sales, vip]}\n");
        assertEquals(java.util.Set.of("sales", "vip"), s.ringAgentFirst());
        assertEquals("click-to-talk-agent-first", s.agentFirstFlow());
        assertEquals("cc-click-to-talk-confirm", s.confirmContext());
        assertEquals("my.yaml: dialer.clickToTalk.ringAgentFirst: must list ACD queue ids, was \"a b\"",
                assertThrows(ConfigException.class,
                        () -> read("dialer:\n  clickToTalk: {ringAgentFirst: ['a b']}\n")).getMessage());
        assertEquals("my.yaml: dialer.clickToTalk.ringAgentFirst: must be a list",
                assertThrows(ConfigException.class,
                        () -> read("dialer:\n  clickToTalk: {ringAgentFirst: sales}\n")).getMessage());
        assertEquals("my.yaml: dialer.clickToTalk.ringAgentFirst: names a queue twice: [sales, sales]",
                assertThrows(ConfigException.class,
                        () -> read("dialer:\n  clickToTalk: {ringAgentFirst: [sales, sales]}\n")).getMessage());
        assertEquals("my.yaml: dialer.clickToTalk.confirmContext: must be a dialplan context name, was \"x y\"",
                assertThrows(ConfigException.class,
                        () -> read("dialer:\n  clickToTalk: {confirmContext: 'x y'}\n")).getMessage());
    }
}
