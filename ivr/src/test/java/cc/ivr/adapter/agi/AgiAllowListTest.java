package cc.ivr.adapter.agi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgiAllowListTest {

    @Test
    void loopbackByDefault() {
        assertTrue(AgiAllowList.LOOPBACK.allows("127.0.0.1"));
        assertTrue(AgiAllowList.LOOPBACK.allows("127.1.2.3"));
        assertTrue(AgiAllowList.LOOPBACK.allows("0:0:0:0:0:0:0:1"));
        assertTrue(AgiAllowList.LOOPBACK.allows("::ffff:127.0.0.1"), "IPv4 on a dual-stack socket");
        assertFalse(AgiAllowList.LOOPBACK.allows("10.0.0.5"));
        assertFalse(AgiAllowList.LOOPBACK.allows("::2"));
    }

    @Test
    void addressesAndBlocks() {
        AgiAllowList list = AgiAllowList.parse(List.of("10.0.0.5", "192.168.10.0/24", "fd00:1::/32"));
        assertTrue(list.allows("10.0.0.5"));
        assertFalse(list.allows("10.0.0.6"));
        assertTrue(list.allows("192.168.10.255"));
        assertFalse(list.allows("192.168.11.1"));
        assertTrue(list.allows("fd00:1:2::9"));
        assertFalse(list.allows("fd00:2::9"));
        assertFalse(list.allows("127.0.0.1"));
        assertFalse(list.allows("not-an-address"));
        assertTrue(AgiAllowList.parse(List.of("0.0.0.0/0")).allows("203.0.113.9"), "any IPv4, when written");
    }

    @Test
    void refusesHostNamesAndBadBlocks() {
        assertThrows(IllegalArgumentException.class, () -> AgiAllowList.parse(List.of("asterisk.example.com")));
        assertThrows(IllegalArgumentException.class, () -> AgiAllowList.parse(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> AgiAllowList.parse(List.of("300.1.1.1")));
        assertThrows(IllegalArgumentException.class, () -> AgiAllowList.parse(List.of("")));
    }
}
