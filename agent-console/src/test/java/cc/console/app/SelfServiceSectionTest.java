package cc.console.app;

import cc.console.domain.selfservice.SelfServiceSettings;
import cc.core.config.ConfigException;
import cc.core.config.ConfigNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfServiceSectionTest {
    private static SelfServiceSettings read(String yaml) {
        ConfigNode root = ConfigNode.parse("server.yaml", yaml, name -> null);
        SelfServiceSettings s = SelfServiceSection.read(root.child("selfService"), List.of("support", "sales"));
        root.finish();
        return s;
    }

    @Test
    @DisplayName("left out: every ACD queue public, an Iranian office week, limits 3 / 2 / 500, 5 failed lookups")
    void defaults() {
        SelfServiceSettings s = read("selfService: {}\n");
        assertEquals(List.of("support", "sales"), s.queues().stream().map(SelfServiceSettings.PublicQueue::queue).toList());
        assertEquals(List.of(3, 2, 500, 5, 7), List.of(s.clickToTalk().perAddressPerHour(),
                s.clickToTalk().perNumberPerDay(), s.clickToTalk().perDay(), s.orderLookup().failuresPerHour(),
                s.daysAhead()));
        assertTrue(s.hours().week().get(DayOfWeek.FRIDAY) == null);
    }

    @Test
    @DisplayName("queues with their names, hours per day with holidays, limits and proxies as written")
    void asWritten() {
        SelfServiceSettings s = read("""
                selfService:
                  queues:
                    - {queue: support, en: Customer support, fa: پشتیبانی}
                  hours:
                    zone: Europe/Berlin
                    monday: ["09:00-12:00", "13:00-24:00"]
                    holidays: ["2026-12-25"]
                  trustedProxies: [10.0.0.1]
                  clickToTalk: {perAddressPerHour: 1, perNumberPerDay: 1, perDay: 10}
                """);
        assertEquals("پشتیبانی", s.queues().get(0).name("fa"));
        assertEquals(2, s.hours().week().get(DayOfWeek.MONDAY).size());
        assertEquals(1, s.hours().week().size(), "days not listed are closed");
        assertTrue(s.hours().holidays().contains(LocalDate.parse("2026-12-25")));
        assertTrue(s.trustedProxies().contains("10.0.0.1"));
        assertEquals(10, s.clickToTalk().perDay());
    }

    @Test
    @DisplayName("bad values are refused naming the file and the key")
    void badValues() {
        assertTrue(assertThrows(ConfigException.class, () -> read("selfService: {queues: [{queue: nope}]}\n"))
                .getMessage().contains("server.yaml: selfService.queues[0].queue"));
        assertTrue(assertThrows(ConfigException.class, () -> read("selfService: {hours: {monday: [\"9-5\"]}}\n"))
                .getMessage().contains("selfService.hours.monday[0]"));
        assertTrue(assertThrows(ConfigException.class, () -> read("selfService: {hours: {zone: Mars/Base}}\n"))
                .getMessage().contains("selfService.hours.zone"));
        assertTrue(assertThrows(ConfigException.class, () -> read("selfService: {clickToTalk: {perDay: 0}}\n"))
                .getMessage().contains("selfService.clickToTalk.perDay"));
        assertTrue(assertThrows(ConfigException.class, () -> read("selfService: {hours: {holidays: [2026-12-25]}}\n"))
                .getMessage().contains("selfService.hours.holidays"), "an unquoted date is read as a date: say quote it");
    }
}
