package cc.acd.adapter.yaml;

import cc.acd.app.AcdSettings;
import cc.acd.app.AcdTranslation;
import cc.acd.domain.agent.AgentCapacity;
import cc.acd.domain.agent.AgentProfile;
import cc.acd.domain.media.MediaSettings;
import cc.core.domain.interaction.InteractionChannel;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.QueueConfig;
import cc.acd.domain.queue.RoutingStrategy;
import cc.acd.domain.queue.SkillRelaxation;
import cc.acd.domain.queue.SkillRequirement;
import cc.core.config.ConfigNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code acd:} section of the server configuration (documented key by key in {@code config/server.yaml}). Every
 * error names the file and the key. With no queues or agents listed, the demo set is used: queue {@code support}
 * and ten agents on {@code PJSIP/1001}..{@code PJSIP/1010}.
 */
public final class YamlAcdSettings {
    private static final List<String> STRATEGIES = List.of("longest-idle", "least-occupied", "round-robin",
            "best-skill-match");

    private YamlAcdSettings() {}

    /**
     * The ACD's configuration.
     *
     * @param settings                what the verticle needs; its {@code server} is empty when the key was left out
     * @param agentsAvailableAtStart  whether every agent is logged in as available at start; empty means "decide
     *                                by whether the simulator runs" (there is no console to log in from yet)
     * @param statsEvery              the longest time between two wallboard figures
     * @param leaseTtl                with several nodes, how long the routing lease holds without renewal
     * @param routeThroughStoreOutage with several nodes, how long the routing node keeps routing while the live-state
     *                                store does not answer at all (0: it stops at once)
     */
    /** How long a routing node keeps routing through a live-state outage unless configured. */
    public static final Duration DEFAULT_ROUTE_THROUGH_STORE_OUTAGE = Duration.ofSeconds(60);

    public record AcdConfig(AcdSettings settings, Optional<Boolean> agentsAvailableAtStart, Duration statsEvery,
                            Duration leaseTtl, ScoreRulesConfig scoreRules, MediaSettings media,
                            Duration routeThroughStoreOutage) {
        public AcdConfig(AcdSettings settings, Optional<Boolean> agentsAvailableAtStart, Duration statsEvery,
                         Duration leaseTtl, ScoreRulesConfig scoreRules, MediaSettings media) {
            this(settings, agentsAvailableAtStart, statsEvery, leaseTtl, scoreRules, media,
                    DEFAULT_ROUTE_THROUGH_STORE_OUTAGE);
        }

        public AcdConfig(AcdSettings settings, Optional<Boolean> agentsAvailableAtStart, Duration statsEvery,
                         Duration leaseTtl) {
            this(settings, agentsAvailableAtStart, statsEvery, leaseTtl,
                    new ScoreRulesConfig(cc.acd.domain.rules.ScoreRules.none(), Duration.ofMillis(300)),
                    MediaSettings.DEFAULT);
        }

        public AcdConfig(AcdSettings settings, Optional<Boolean> agentsAvailableAtStart, Duration statsEvery,
                         Duration leaseTtl, ScoreRulesConfig scoreRules) {
            this(settings, agentsAvailableAtStart, statsEvery, leaseTtl, scoreRules, MediaSettings.DEFAULT);
        }

        /** The same with the score rules ({@link YamlScoreRules}, read once the value tiers are known). */
        public AcdConfig withScoreRules(ScoreRulesConfig rules) {
            return new AcdConfig(settings, agentsAvailableAtStart, statsEvery, leaseTtl, rules, media,
                    routeThroughStoreOutage);
        }
    }

    /**
     * The score rules applied at enqueue ({@code acd.scoreRules}), as configured.
     *
     * @param rules the rules, the value tiers they name, and the age past which a score is stale
     * @param scoreWait how long the ACD waits for a customer's scores before routing the call as asked
     */
    public record ScoreRulesConfig(cc.acd.domain.rules.ScoreRules rules, Duration scoreWait) {}

    public static AcdConfig read(ConfigNode acd) {
        String server = acd.string("server", "");
        Duration ringTimeout = positive(acd, "ringTimeout", Duration.ofSeconds(15));
        String callerId = acd.string("callerId", "");
        Duration worth = acd.duration("priorityPointWorth", Duration.ofSeconds(30));
        Duration tick = positive(acd, "tickEvery", Duration.ofMillis(200));
        Duration interval = positive(acd, "interval", Duration.ofMinutes(15));
        Duration statsEvery = positive(acd, "statsEvery", Duration.ofSeconds(1));
        Duration leaseTtl = positive(acd, "leaseTtl", Duration.ofSeconds(3));
        String callbackDial = acd.string("callbackDial", "PJSIP/{number}@trunk");
        if (!callbackDial.contains("{number}")) {
            throw acd.error("callbackDial", "must contain {number}, was \"" + callbackDial + "\"");
        }
        String voicemail = acd.string("voicemailContext", "cc-voicemail");
        String callback = acd.string("callbackContext", "cc-callback");
        String announce = acd.string("announceContext", "cc-announce");
        String agentWait = acd.string("agentWaitContext", "cc-agent-wait");
        String conference = acd.string("conferenceContext", "cc-conference");
        if (conference.isBlank()) {
            throw acd.error("conferenceContext", "must name the dialplan context of conferences");
        }
        if (agentWait.isBlank()) {
            throw acd.error("agentWaitContext", "must name the dialplan context agents' answered phones wait in");
        }
        Optional<Boolean> availableAtStart = acd.has("agentsAvailableAtStart")
                ? Optional.of(acd.bool("agentsAvailableAtStart", false)) : Optional.empty();

        List<ConfigNode> queueNodes = acd.children("queues");
        List<QueueConfig> queues = new ArrayList<>();
        Set<String> queueIds = new HashSet<>();
        Map<String, String> recording = new HashMap<>();
        for (ConfigNode q : queueNodes) {
            QueueConfig c = queue(q);
            recording.put(c.id(), q.oneOf("recording", "on-demand", AcdSettings.RECORDING_POLICIES));
            if (!queueIds.add(c.id())) {
                throw q.error("id", "queue \"" + c.id() + "\" is listed twice");
            }
            queues.add(c);
        }
        if (queues.isEmpty()) {
            queues.add(QueueConfig.of("support").withWrapUp(Duration.ofSeconds(3)));
            queueIds.add("support");
            recording.put("support", "always");
        }
        for (int i = 0; i < queueNodes.size(); i++) {
            QueueConfig c = queues.get(i);
            checkTarget(queueNodes.get(i), "overflow", c.overflow(), queueIds);
            checkTarget(queueNodes.get(i), "whenClosed", c.whenClosed(), queueIds);
        }

        AgentCapacity capacity = capacity(acd.child("capacity"), AgentCapacity.DEFAULT);
        Map<String, AgentCapacity> perAgent = new HashMap<>();
        List<AcdSettings.AgentPhone> agents = new ArrayList<>();
        Set<String> agentIds = new HashSet<>();
        List<ConfigNode> agentNodes = acd.children("agents");
        for (ConfigNode a : agentNodes) {
            AcdSettings.AgentPhone phone = agent(a, queueIds);
            if (a.has("capacity")) {
                perAgent.put(phone.profile().agentId(), capacity(a.child("capacity"), capacity));
            }
            if (!agentIds.add(phone.profile().agentId())) {
                throw a.error("id", "agent \"" + phone.profile().agentId() + "\" is listed twice");
            }
            agents.add(phone);
        }
        if (agentNodes.isEmpty()) {
            for (int n = 1001; n <= 1010; n++) {
                agents.add(new AcdSettings.AgentPhone(new AgentProfile("agent-" + n, Map.of("fa", 5, "en", 5),
                        List.copyOf(queueIds)), "PJSIP/" + n));
            }
        }
        AcdSettings settings = new AcdSettings(server, ringTimeout, callerId, worth, tick, interval, callbackDial,
                voicemail, callback, announce, agentWait, conference, queues, agents,
                recording);
        Duration offerTimeout = positive(acd, "mediaOfferTimeout", Duration.ofSeconds(30));
        Map<InteractionChannel, Duration> wrapUp = new HashMap<>();
        ConfigNode wrapNode = acd.child("mediaWrapUp");
        for (InteractionChannel ch : List.of(InteractionChannel.CHAT, InteractionChannel.EMAIL)) {
            String key = ch.name().toLowerCase(Locale.ROOT);
            Duration d = wrapNode.duration(key, Duration.ZERO);
            if (d.isNegative()) {
                throw wrapNode.error(key, "must not be negative");
            }
            wrapUp.put(ch, d);
        }
        MediaSettings media = new MediaSettings(capacity, perAgent, offerTimeout, wrapUp);
        Duration throughOutage = acd.duration("routeThroughStoreOutage", DEFAULT_ROUTE_THROUGH_STORE_OUTAGE);
        if (throughOutage.isNegative()) {
            throw acd.error("routeThroughStoreOutage", "must not be negative");
        }
        return new AcdConfig(settings, availableAtStart, statsEvery, leaseTtl,
                new ScoreRulesConfig(cc.acd.domain.rules.ScoreRules.none(), Duration.ofMillis(300)), media,
                throughOutage);
    }

    /**
     * {@code {voice: 1, chat: 3, email: 5, mix: voice-alone}}: keys left out keep {@code defaults}' values (an agent's
     * own capacity starts from everyone's).
     */
    private static AgentCapacity capacity(ConfigNode c, AgentCapacity defaults) {
        int voice = c.integer("voice", defaults.voice(), 0, 1);
        int chat = c.integer("chat", defaults.chat(), 0, AgentCapacity.MAX);
        int email = c.integer("email", defaults.email(), 0, AgentCapacity.MAX);
        AgentCapacity.Mix mix;
        try {
            mix = c.has("mix") ? AgentCapacity.Mix.parse(c.string("mix", "")) : defaults.mix();
        } catch (IllegalArgumentException bad) {
            throw c.error("mix", bad.getMessage());
        }
        return new AgentCapacity(voice, chat, email, mix);
    }

    private static QueueConfig queue(ConfigNode q) {
        String id = q.requiredString("id");
        if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw q.error("id", "must be 1 to 64 letters, digits, '.', '-' or '_', was \"" + id + "\"");
        }
        RoutingStrategy strategy = RoutingStrategy.valueOf(
                q.oneOf("strategy", "longest-idle", STRATEGIES).toUpperCase(Locale.ROOT).replace('-', '_'));
        OverflowTarget voicemail = new OverflowTarget.ToVoicemail(id);
        OverflowTarget overflow = target(q, "overflow", voicemail);
        OverflowTarget whenClosed = target(q, "whenClosed", voicemail);
        List<SkillRequirement> skills = skills(q, "skills");
        SkillRelaxation relax = new SkillRelaxation(q.duration("relaxEvery", Duration.ZERO),
                q.integer("relaxLevels", 0, 0, 9));
        QueueConfig c;
        try {
            c = new QueueConfig(id, strategy, q.duration("serviceLevel", Duration.ofSeconds(20)),
                    q.integer("maxWaiting", 0, 0, 1_000_000), q.duration("waitLimit", Duration.ZERO), overflow,
                    q.bool("open", true), whenClosed, skills, relax, q.integer("priorityBoost", 0, -1000, 1000),
                    q.duration("wrapUp", Duration.ZERO), q.duration("announceEvery", Duration.ofSeconds(60)),
                    q.duration("expectedHandleTime", Duration.ofSeconds(180)));
        } catch (IllegalArgumentException bad) {
            throw q.error("id", bad.getMessage());
        }
        return c;
    }

    /** {@code voicemail:<mailbox>}, {@code queue:<id>} or {@code callback}. */
    private static OverflowTarget target(ConfigNode q, String key, OverflowTarget defaultTarget) {
        Optional<String> text = q.optionalString(key);
        if (text.isEmpty()) {
            return defaultTarget;
        }
        String t = text.get().trim();
        if (t.equals("callback")) {
            return new OverflowTarget.ToCallback();
        }
        if (t.startsWith("queue:") && t.length() > "queue:".length()) {
            return new OverflowTarget.ToQueue(t.substring("queue:".length()).trim());
        }
        if (t.startsWith("voicemail:") && t.length() > "voicemail:".length()) {
            return new OverflowTarget.ToVoicemail(t.substring("voicemail:".length()).trim());
        }
        throw q.error(key, "must be voicemail:<mailbox>, queue:<queue id> or callback, was \"" + t + "\"");
    }

    private static void checkTarget(ConfigNode q, String key, OverflowTarget target, Set<String> queueIds) {
        if (target instanceof OverflowTarget.ToQueue to && !queueIds.contains(to.queueId())) {
            throw q.error(key, "names queue \"" + to.queueId() + "\", which is not configured");
        }
    }

    private static AcdSettings.AgentPhone agent(ConfigNode a, Set<String> queueIds) {
        String id = a.requiredString("id");
        String phone = a.requiredString("phone");
        if (!phone.matches("[A-Za-z0-9]+/.+")) {
            throw a.error("phone", "must be a dial string such as PJSIP/1001, was \"" + phone + "\"");
        }
        List<String> queues = a.strings("queues", List.of());
        if (queues.isEmpty()) {
            throw a.error("queues", "must list at least one queue the agent serves");
        }
        for (String q : queues) {
            if (!queueIds.contains(q)) {
                throw a.error("queues", "names queue \"" + q + "\", which is not configured");
            }
        }
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (SkillRequirement s : skills(a, "skills")) {
            skills.put(s.skill(), s.minLevel());
        }
        try {
            return new AcdSettings.AgentPhone(new AgentProfile(id, skills, queues), phone);
        } catch (IllegalArgumentException bad) {
            throw a.error("id", bad.getMessage());
        }
    }

    /** {@code "billing:5, fa"}: a skill without a level is level 1. */
    private static List<SkillRequirement> skills(ConfigNode node, String key) {
        try {
            return AcdTranslation.parseSkills(node.string(key, ""));
        } catch (IllegalArgumentException bad) {
            throw node.error(key, bad.getMessage());
        }
    }

    private static Duration positive(ConfigNode node, String key, Duration defaultValue) {
        Duration d = node.duration(key, defaultValue);
        if (d.isZero() || d.isNegative()) {
            throw node.error(key, "must be longer than zero");
        }
        return d;
    }
}
