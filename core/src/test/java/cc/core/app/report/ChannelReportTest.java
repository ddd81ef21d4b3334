package cc.core.app.report;

import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.MediaInteractions;
import cc.core.domain.interaction.Segment;
import cc.core.domain.report.QueueFigures;
import cc.core.domain.report.ReportCalendar;
import cc.core.domain.report.ReportInterval;
import cc.core.domain.report.ReportRow;
import cc.core.domain.report.ReportSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queue report of one channel: calls, chats and emails of the same queue counted apart. */
class ChannelReportTest {
    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    private static Interaction chat(String id, InteractionChannel channel, int minute, boolean answered) {
        Instant at = T0.plus(Duration.ofMinutes(minute));
        Interaction i = MediaInteractions.queued(MediaInteractions.open(id, channel, Map.of(), at), "support", at);
        i = MediaInteractions.offered(i, "a1", "support", at.plusSeconds(5));
        if (answered) {
            i = MediaInteractions.offerEnded(i, "a1", Segment.ANSWERED, at.plusSeconds(10));
            return MediaInteractions.ended(i, "closed", at.plusSeconds(300), Duration.ZERO);
        }
        return MediaInteractions.ended(i, "customer-left", at.plusSeconds(60), Duration.ZERO);
    }

    private static QueueFigures total(Reports reports, Optional<InteractionChannel> channel) {
        ReportQuery q = new ReportQuery(T0.minus(Duration.ofHours(6)), T0.plus(Duration.ofHours(6)),
                ReportInterval.DAY, ReportCalendar.GREGORIAN, Optional.empty());
        List<ReportRow<QueueFigures>> rows = reports.queues(q, channel).result().rows();
        long offered = 0;
        long answered = 0;
        long abandoned = 0;
        for (ReportRow<QueueFigures> r : rows) {
            offered += r.figures().offered();
            answered += r.figures().answered();
            abandoned += r.figures().abandoned();
        }
        return new QueueFigures(offered, answered, 0, abandoned, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, 0, 0, 0);
    }

    @Test
    @DisplayName("?channel=chat counts the queue's chats only, email its emails, and all of them together")
    void filteredByChannel() {
        InMemoryReportFacts facts = new InMemoryReportFacts();
        List<Interaction> records = new ArrayList<>();
        records.add(chat("c1", InteractionChannel.CHAT, 0, true));
        records.add(chat("c2", InteractionChannel.CHAT, 1, false));
        records.add(chat("e1", InteractionChannel.EMAIL, 2, true));
        records.add(Interaction.newCall("v1", Direction.INBOUND, "pbx1", "v1", "0912", "", "1500",
                T0.plus(Duration.ofMinutes(3))).withQueue("support"));
        facts.add(records, List.of());
        Reports reports = new Reports(facts, new ReportSettings(ZoneId.of("Asia/Tehran"), Duration.ofSeconds(5), 3,
                Map.of(), Duration.ofSeconds(30)), InstantSource.fixed(T0.plus(Duration.ofDays(1))));
        QueueFigures chats = total(reports, Optional.of(InteractionChannel.CHAT));
        assertEquals(2, chats.offered());
        assertEquals(1, chats.answered());
        assertEquals(1, chats.abandoned());
        QueueFigures emails = total(reports, Optional.of(InteractionChannel.EMAIL));
        assertEquals(1, emails.offered());
        assertEquals(1, emails.answered());
        QueueFigures all = total(reports, Optional.empty());
        assertEquals(chats.answered() + emails.answered(), all.answered(), "every channel together");
        assertEquals(total(reports, Optional.of(InteractionChannel.VOICE)).offered() + 3, all.offered());
    }
}
