package cc.console.browser;

import cc.console.app.ScreenPops;
import cc.console.domain.i18n.DateLabels;
import cc.core.domain.interaction.Direction;
import cc.core.domain.interaction.Interaction;
import cc.core.domain.interaction.InteractionChannel;
import cc.core.domain.interaction.IvrStep;
import cc.core.domain.interaction.Segment;
import cc.core.domain.interaction.SegmentKind;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The story line ({@code console-web/story.js}) in headless Chromium, told from the JSON {@link ScreenPops} makes of
 * records, in English and in Persian, for the agent who talked and for another. No server: the page is a file that
 * loads the console's scripts.
 */
class StoryLineIT {
    private static final Instant AT = Instant.parse("2026-11-16T07:00:00Z");
    private final ScreenPops pops = new ScreenPops(null, null, null, null, null, new DateLabels(ZoneId.of("Asia/Tehran")));

    @RegisterExtension
    final Chromium chromium = new Chromium();

    private static Segment ended(SegmentKind kind, long from, long to, String agent, String queue, String outcome,
                                 String detail) {
        return new Segment(kind, AT.plusSeconds(from), Optional.of(AT.plusSeconds(to)), agent, queue,
                kind == SegmentKind.IVR ? "main" : "", outcome, detail);
    }

    private static Interaction inbound(String id) {
        return Interaction.newCall(id, Direction.INBOUND, "pbx1", id, "09121112233", "", "1500", AT).answered(AT);
    }

    @Test
    @DisplayName("each kind of segment is told the way an agent reads it, 'you' for the reader, in English and Persian")
    void stories() throws IOException {
        WebDriver d = page();
        Interaction served = inbound("served")
                .withIvrStep(new IvrStep("main-menu", "1", AT.plusSeconds(1)))
                .withIvrStep(new IvrStep("balance", "0", AT.plusSeconds(12)))
                .withIvrStep(new IvrStep("balance", "9", AT.plusSeconds(20)))
                .withIvrStep(new IvrStep("agent", "", AT.plusSeconds(40)))
                .withIvrStep(new IvrStep("queue-position", "", AT.plusSeconds(61)))
                .withSegment(ended(SegmentKind.IVR, 0, 42, "", "", Segment.ENQUEUED, ""))
                .withSegment(ended(SegmentKind.QUEUE, 42, 112, "", "support", Segment.ANSWERED, ""))
                .withSegment(ended(SegmentKind.IVR, 60, 66, "", "", Segment.COMPLETED, ""))
                .withSegment(ended(SegmentKind.OFFER, 80, 100, "agent-2", "support", Segment.NO_ANSWER, ""))
                .withSegment(ended(SegmentKind.OFFER, 100, 112, "agent-7", "support", Segment.ANSWERED, ""))
                .withSegment(ended(SegmentKind.TALK, 112, 200, "agent-7", "", Segment.AGENT_HUNG_UP, ""))
                .withSegment(ended(SegmentKind.HOLD, 130, 160, "agent-7", "", "", ""))
                .withSegment(ended(SegmentKind.WRAP_UP, 200, 230, "agent-7", "", "", ""))
                .ended(AT.plusSeconds(200), "normal");
        assertEquals("42 s in IVR (balance, then agent), waited 1:10 in support, rang agent-2 (no answer), "
                + "answered by you, on hold 30 s", story(d, served, "en", "agent-7"));
        assertEquals("42 s in IVR (balance, then agent), waited 1:10 in support, rang you (no answer), "
                + "answered by agent-7, on hold 30 s", story(d, served, "en", "agent-2"));
        assertEquals("۴۲ ثانیه در منوی صوتی (balance، سپس agent)، ۱:۱۰ در صف support منتظر ماند، "
                + "تلفن agent-2 زنگ خورد (بی‌پاسخ)، شما پاسخ دادید، ۳۰ ثانیه در انتظار نگه داشته شد",
                story(d, served, "fa", "agent-7"));
        assertEquals("۴۲ ثانیه در منوی صوتی (balance، سپس agent)، ۱:۱۰ در صف support منتظر ماند، "
                + "تلفن agent-2 زنگ خورد (بی‌پاسخ)، agent-7 پاسخ داد، ۳۰ ثانیه در انتظار نگه داشته شد",
                story(d, served, "fa", "agent-9"));

        Interaction moved = inbound("moved")
                .withSegment(ended(SegmentKind.QUEUE, 0, 70, "", "support", Segment.OVERFLOW, "queue:sales wait-limit"))
                .withSegment(ended(SegmentKind.QUEUE, 70, 95, "", "sales", Segment.ABANDONED, ""))
                .ended(AT.plusSeconds(95), "normal");
        assertEquals("moved from support to sales after 1:10 (waited too long), gave up after 25 s in sales",
                story(d, moved, "en", "a1"));
        assertEquals("پس از ۱:۱۰ از صف support به صف sales رفت (انتظار طولانی)، پس از ۲۵ ثانیه انتظار در صف sales قطع کرد",
                story(d, moved, "fa", "a1"));

        Interaction callback = inbound("callback")
                .withSegment(ended(SegmentKind.QUEUE, 0, 40, "", "support", Segment.CALLBACK, ""))
                .ended(AT.plusSeconds(40), "normal");
        assertEquals("waited 40 s in support, asked to be called back", story(d, callback, "en", "a1"));
        assertEquals("۴۰ ثانیه در صف support منتظر ماند و تماس مجدد خواست", story(d, callback, "fa", "a1"));

        Interaction leftRinging = inbound("left")
                .withSegment(ended(SegmentKind.QUEUE, 0, 9, "", "support", Segment.ABANDONED, ""))
                .withSegment(ended(SegmentKind.OFFER, 5, 9, "agent-2", "support", Segment.CALLER_LEFT, ""))
                .ended(AT.plusSeconds(9), "normal");
        assertEquals("waited 9 s in support, gave up while agent-2's phone rang", story(d, leftRinging, "en", "a1"));
        assertEquals("waited 9 s in support, gave up while your phone rang", story(d, leftRinging, "en", "agent-2"));
        assertEquals("۹ ثانیه در صف support منتظر ماند، هنگام زنگ خوردن تلفن agent-2 قطع کرد",
                story(d, leftRinging, "fa", "a1"));

        Interaction hungUpInIvr = inbound("ivr")
                .withIvrStep(new IvrStep("main-menu", "1", AT))
                .withIvrStep(new IvrStep("balance", "", AT.plusSeconds(5)))
                .withSegment(ended(SegmentKind.IVR, 0, 12, "", "", Segment.CALLER_HUNG_UP, ""))
                .ended(AT.plusSeconds(12), "normal");
        assertEquals("12 s in IVR (balance), hung up there", story(d, hungUpInIvr, "en", "a1"));

        Interaction dialled = Interaction.newCall("out", Direction.OUTBOUND, "pbx1", "out", "09121112233", "", "09121112233", AT)
                .answered(AT.plusSeconds(8))
                .withSegment(ended(SegmentKind.ABANDON_MESSAGE, 10, 18, "", "", "", ""))
                .ended(AT.plusSeconds(18), "normal");
        assertEquals("heard the abandon message", story(d, dialled, "en", "a1"));
        assertEquals("پیام رهاشدگی را شنید", story(d, dialled, "fa", "a1"));

        Interaction before = new Interaction("old", InteractionChannel.VOICE, Direction.INBOUND, "pbx1", "old", "0912", "",
                "1500", AT, Optional.of(AT), Optional.of(AT.plusSeconds(60)), List.of(), List.of(), Optional.of("loans"),
                Optional.of("a7"), Optional.empty(), "", "normal", Optional.empty(), Optional.empty(), Optional.empty(),
                false);
        assertEquals("", story(d, before, "en", "a7"), "records from before segments tell no story, as before");
    }

    @Test
    @DisplayName("open segments are told as of the pop's moment: waited so far, ringing you")
    void asOfThePop() throws IOException {
        WebDriver d = page();
        Interaction ringing = inbound("ringing")
                .withSegment(ended(SegmentKind.IVR, 0, 25, "", "", Segment.ENQUEUED, ""))
                .withSegment(Segment.begins(SegmentKind.QUEUE, AT.plusSeconds(25), "", "cards", ""))
                .withSegment(Segment.begins(SegmentKind.OFFER, AT.plusSeconds(95), "a1", "cards", ""));
        JsonObject opts = new JsonObject().put("lang", "en").put("me", "a1").put("asOf", AT.plusSeconds(95).toString());
        assertEquals("25 s in IVR, waited 1:10 in cards, ringing you", line(d, pops.interaction(ringing), opts));
        assertEquals("۲۵ ثانیه در منوی صوتی، ۱:۱۰ در صف cards منتظر ماند، تلفن a1 در حال زنگ خوردن",
                line(d, pops.interaction(ringing), opts.copy().put("lang", "fa").put("me", "a2")));
    }

    private String story(WebDriver d, Interaction i, String lang, String me) {
        return line(d, pops.interaction(i), new JsonObject().put("lang", lang).put("me", me));
    }

    private static String line(WebDriver d, JsonObject record, JsonObject opts) {
        String text = (String) ((JavascriptExecutor) d).executeScript(
                "return Story.line(JSON.parse(arguments[0]), JSON.parse(arguments[1]))", record.encode(), opts.encode());
        return text.replaceAll("[\\u2066-\\u2069]", "");
    }

    /** A page of the console's own scripts (i18n.js for the digits, story.js), copied from the classpath. */
    private WebDriver page() throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "story-");
        for (String script : List.of("i18n.js", "story.js")) {
            try (InputStream in = StoryLineIT.class.getResourceAsStream("/console-web/" + script)) {
                Files.copy(in, dir.resolve(script));
            }
        }
        Path html = Files.writeString(dir.resolve("story.html"),
                "<!doctype html><meta charset=utf-8><script src=i18n.js></script><script src=story.js></script>");
        WebDriver d = chromium.start();
        d.get(html.toUri().toString());
        return d;
    }
}
