package cc.dialer.adapter.yaml;

import cc.core.config.ConfigNode;
import cc.core.config.DialPlanSection;
import cc.dialer.app.ClickToTalkSettings;
import cc.dialer.app.DialerSettings;
import cc.dialer.domain.clicktotalk.ClickToTalkRules;
import cc.dialer.domain.pacing.Distribution;
import cc.dialer.domain.pacing.PacingEstimates;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dialer:} section of the server configuration (documented key by key in {@code config/server.yaml}).
 * Every error names the file and the key.
 */
public final class YamlDialerSettings {
    private YamlDialerSettings() {}

    /** The US rules: an unanswered call rings at least this long. */
    public static final Duration MIN_RING = Duration.ofSeconds(15);
    /** The US rules: an agent on the line within this of the greeting, or the call is abandoned. */
    public static final Duration MAX_CONNECT = Duration.ofSeconds(2);

    /**
     * What the pacer believes before a campaign's own calls teach it: a quarter of dials answered live after 3 to
     * 18 s, two minutes of talk, 5 to 20 s of wrap-up. One instance, so two readings of a file compare equal.
     */
    static final PacingEstimates PRIORS = new PacingEstimates(0.25, Distribution.uniform(3, 18),
            Distribution.uniform(3, 25), Distribution.lognormal(120, 0.6), Distribution.uniform(5, 20), 1.0);

    /**
     * The dialer's configuration.
     *
     * @param settings    what the dialer verticle needs; {@code server} empty when left out, queue agents empty (the
     *                    launcher adds both)
     * @param enabled     whether the dialer runs at all
     * @param demo        whether a demo campaign is set up and started when the simulator runs
     * @param clickToTalk how customers who asked on the web are called back ({@code dialer.clickToTalk})
     * @param takeoverHold several nodes: how long a call the old dialling node placed is counted against the line cap
     *                     by the node taking over, past the ring time and connect limit ({@code dialer.takeoverHold})
     */
    public record DialerConfig(DialerSettings settings, boolean enabled, boolean demo,
                               ClickToTalkSettings clickToTalk, Duration takeoverHold) {}

    public static DialerConfig read(ConfigNode d) {
        boolean enabled = d.bool("enabled", true);
        String server = d.string("server", "");
        String trunk = d.string("trunk", "PJSIP/{number}@trunk");
        if (!trunk.contains("{number}")) {
            throw d.error("trunk", "must contain {number}, was \"" + trunk + "\"");
        }
        String callerId = d.string("callerId", "");
        Duration ring = d.duration("ringTimeout", Duration.ofSeconds(20));
        if (ring.compareTo(MIN_RING) < 0) {
            throw d.error("ringTimeout", "must be at least 15s (unanswered calls ring at least 15 s), was " + ring);
        }
        Duration connect = d.duration("agentConnectLimit", MAX_CONNECT);
        if (connect.isZero() || connect.isNegative() || connect.compareTo(MAX_CONNECT) > 0) {
            throw d.error("agentConnectLimit", "must be more than 0 and at most 2s (an agent on the line within 2 s"
                    + " of the greeting), was " + connect);
        }
        String abandon = d.string("abandonMessage", "cc/dialer-abandoned");
        String machine = d.string("machineMessage", "cc/dialer-machine");
        List<String> conversions = d.strings("conversionCodes", List.of("sale"));
        String zoneText = d.string("timeZone", "Asia/Tehran");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw d.error("timeZone", "\"" + zoneText + "\" is not a time zone (e.g. Asia/Tehran, Europe/London)");
        }
        Set<DayOfWeek> daysOff = EnumSet.noneOf(DayOfWeek.class);
        for (String day : d.strings("daysOff", List.of())) {
            try {
                daysOff.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw d.error("daysOff", "\"" + day + "\" is not a day of the week (monday .. sunday)");
            }
        }
        if (daysOff.size() == 7) {
            throw d.error("daysOff", "every day of the week is a day off");
        }
        int lines = d.integer("lines", 30, 1, 100_000);
        double amd = d.decimal("amdFalsePositiveRate", 0.05, 0, 1);
        boolean demo = d.bool("demo", true);
        Duration previewHold = d.duration("previewHold", Duration.ofMinutes(2));
        if (previewHold.compareTo(Duration.ofSeconds(10)) < 0 || previewHold.compareTo(Duration.ofHours(1)) > 0) {
            throw d.error("previewHold", "must be from 10s to 1h, was " + previewHold);
        }
        var plan = DialPlanSection.read(d.child("numbers"), lines);
        DialerSettings settings = new DialerSettings(server, trunk, callerId, ring, connect, abandon, machine,
                Set.copyOf(conversions), zone, daysOff, plan, amd, PRIORS, Map.of(),
                previewHold, Map.of());
        Duration takeoverHold = d.duration("takeoverHold", Duration.ofMinutes(5));
        if (takeoverHold.isNegative() || takeoverHold.compareTo(Duration.ofHours(2)) > 0) {
            throw d.error("takeoverHold", "must be from 0s to 2h, was " + takeoverHold);
        }
        return new DialerConfig(settings, enabled, demo, clickToTalk(d.child("clickToTalk")), takeoverHold);
    }

    /** The {@code dialer.clickToTalk} keys; every one has a default. */
    static ClickToTalkSettings clickToTalk(ConfigNode c) {
        ClickToTalkRules defaults = ClickToTalkRules.defaults();
        int retries = c.integer("retries", defaults.retries(), 0, 5);
        Duration retryDelay = c.duration("retryDelay", defaults.retryDelay());
        if (retryDelay.compareTo(Duration.ofSeconds(10)) < 0 || retryDelay.compareTo(Duration.ofHours(2)) > 0) {
            throw c.error("retryDelay", "must be from 10s to 2h, was " + retryDelay);
        }
        Duration expiry = c.duration("expiry", defaults.expiry());
        if (expiry.compareTo(Duration.ofSeconds(30)) < 0 || expiry.compareTo(Duration.ofHours(6)) > 0) {
            throw c.error("expiry", "must be from 30s to 6h, was " + expiry);
        }
        int perMinute = c.integer("dialsPerMinute", defaults.dialsPerMinute(), 1, 10_000);
        int pending = c.integer("maxPending", defaults.maxPending(), 1, 1_000_000);
        Duration advance = c.duration("maxAdvance", defaults.maxAdvance());
        if (advance.compareTo(Duration.ofMinutes(1)) < 0 || advance.compareTo(Duration.ofDays(90)) > 0) {
            throw c.error("maxAdvance", "must be from 1m to 90 days, was " + advance);
        }
        ClickToTalkSettings d = ClickToTalkSettings.defaults();
        String context = c.string("context", d.context());
        if (!context.matches("[A-Za-z0-9_.-]+")) {
            throw c.error("context", "must be a dialplan context name, was \"" + context + "\"");
        }
        String flow = c.string("flow", d.flow());
        if (!flow.matches("[A-Za-z0-9_./-]+")) {
            throw c.error("flow", "must be an IVR flow name (a file name without .yaml), was \"" + flow + "\"");
        }
        String language = c.oneOf("language", d.language(), List.of("fa", "en"));
        List<String> agentFirst = c.strings("ringAgentFirst", List.of());
        for (String q : agentFirst) {
            if (!q.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw c.error("ringAgentFirst", "must list ACD queue ids, was \"" + q + "\"");
            }
        }
        if (Set.copyOf(agentFirst).size() != agentFirst.size()) {
            throw c.error("ringAgentFirst", "names a queue twice: " + agentFirst);
        }
        String agentFirstFlow = c.string("agentFirstFlow", ClickToTalkSettings.AGENT_FIRST_FLOW);
        if (!agentFirstFlow.matches("[A-Za-z0-9_./-]+")) {
            throw c.error("agentFirstFlow", "must be an IVR flow name (a file name without .yaml), was \""
                    + agentFirstFlow + "\"");
        }
        String confirmContext = c.string("confirmContext", ClickToTalkSettings.CONFIRM_CONTEXT);
        if (!confirmContext.matches("[A-Za-z0-9_.-]+")) {
            throw c.error("confirmContext", "must be a dialplan context name, was \"" + confirmContext + "\"");
        }
        return new ClickToTalkSettings(new ClickToTalkRules(retries, retryDelay, expiry, perMinute, pending, advance),
                context, flow, language, Set.copyOf(agentFirst), agentFirstFlow, confirmContext);
    }
}
