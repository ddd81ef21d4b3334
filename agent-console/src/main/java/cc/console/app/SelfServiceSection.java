package cc.console.app;

import cc.console.domain.selfservice.BusinessHours;
import cc.console.domain.selfservice.ClickToTalkLimits;
import cc.console.domain.selfservice.OrderLookupLimit;
import cc.console.domain.selfservice.SelfServiceSettings;
import cc.core.config.ConfigNode;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the public page's settings from the {@code selfService:} section of config/server.yaml (documented there);
 * a bad value is refused naming the file and the key ({@code selfService.hours.monday[0]}).
 */
public final class SelfServiceSection {
    private SelfServiceSection() {}

    /**
     * @param acdQueues the ACD's queues: a public queue must be one of them, and with none listed, all are public
     */
    public static SelfServiceSettings read(ConfigNode node, List<String> acdQueues) {
        List<SelfServiceSettings.PublicQueue> queues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode q : node.children("queues")) {
            String id = q.requiredString("queue");
            if (!acdQueues.isEmpty() && !acdQueues.contains(id)) {
                throw q.error("queue", "\"" + id + "\" is not one of the ACD's queues " + acdQueues);
            }
            if (!seen.add(id)) {
                throw q.error("queue", "\"" + id + "\" is listed twice");
            }
            queues.add(new SelfServiceSettings.PublicQueue(id, q.string("en", id), q.string("fa", q.string("en", id))));
        }
        if (queues.isEmpty()) {
            acdQueues.forEach(id -> queues.add(new SelfServiceSettings.PublicQueue(id, id, id)));
        }
        ConfigNode c = node.child("clickToTalk");
        ClickToTalkLimits limits = new ClickToTalkLimits(c.integer("perAddressPerHour", 3, 1, 1_000),
                c.integer("perNumberPerDay", 2, 1, 1_000), c.integer("perDay", 500, 1, 1_000_000));
        OrderLookupLimit lookup = new OrderLookupLimit(node.child("orderLookup").integer("failuresPerHour", 5, 1, 100));
        return new SelfServiceSettings(queues, hours(node.child("hours")), limits, lookup,
                node.integer("daysAhead", 7, 0, 60), Set.copyOf(node.strings("trustedProxies", List.of())));
    }

    static BusinessHours hours(ConfigNode node) {
        String zoneName = node.string("zone", "Asia/Tehran");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            throw node.error("zone", "must be a time zone such as Asia/Tehran, was \"" + zoneName + "\"");
        }
        Map<DayOfWeek, List<BusinessHours.Span>> week = new EnumMap<>(DayOfWeek.class);
        boolean any = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = day.name().toLowerCase(Locale.ROOT);
            if (!node.has(key)) {
                node.strings(key, List.of());
                continue;
            }
            any = true;
            List<BusinessHours.Span> spans = new ArrayList<>();
            List<String> values = node.strings(key, List.of());
            for (int i = 0; i < values.size(); i++) {
                spans.add(span(node, key + "[" + i + "]", values.get(i)));
            }
            week.put(day, spans);
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String h : node.strings("holidays", List.of())) {
            try {
                holidays.add(LocalDate.parse(h.strip()));
            } catch (DateTimeException e) {
                throw node.error("holidays", "dates are written in quotes as \"2026-03-20\", was \"" + h + "\"");
            }
        }
        BusinessHours defaults = BusinessHours.iranianOffice(zone);
        return new BusinessHours(zone, any ? week : defaults.week(), holidays);
    }

    private static BusinessHours.Span span(ConfigNode node, String key, String text) {
        String[] parts = text.strip().split("-");
        try {
            if (parts.length != 2) {
                throw new IllegalArgumentException("no dash");
            }
            return new BusinessHours.Span(LocalTime.parse(time(parts[0])), LocalTime.parse(time(parts[1])));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw node.error(key, "must be a span of the day such as \"08:00-17:00\" (24:00 for midnight), was \""
                    + text + "\"");
        }
    }

    private static String time(String t) {
        String s = t.strip();
        return s.equals("24:00") ? "00:00" : s;
    }
}
