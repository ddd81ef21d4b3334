package cc.acd.app;

import cc.acd.domain.agent.AgentState;
import cc.acd.domain.agent.AgentStatus;
import cc.acd.domain.queue.OverflowTarget;
import cc.acd.domain.queue.SkillRequirement;
import cc.acd.domain.routing.AcdCommand;
import cc.acd.domain.routing.AcdEvent;
import cc.core.app.telephony.OriginateRequest;
import cc.core.contract.AgentStateChanged;
import cc.core.contract.CallConnected;
import cc.core.contract.CallOffered;
import cc.core.contract.CallOverflowed;
import cc.core.contract.EnqueueCall;
import cc.core.contract.QueueStatsUpdated;
import cc.core.domain.interaction.InteractionTracker;
import cc.acd.domain.metrics.AgentMetrics;
import cc.acd.domain.metrics.QueueMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pure translations between the event-bus contracts, the telephony port and the router's own types, kept apart
 * from the verticle so they can be tested without a running server.
 */
public final class AcdTranslation {
    /** Channel variable on an agent's leg naming the call it is offered: lets a ringing leg be found and hung up. */
    public static final String OFFER_VARIABLE = "CC_OFFER";
    /** The {@link EnqueueCall#data()} key with the caller's extra skill needs: {@code billing:5,fa}. */
    public static final String SKILLS_KEY = "skills";
    /** The {@link EnqueueCall#data()} key with the number to call back on; else {@code callerNumber}. */
    public static final String CALLBACK_NUMBER_KEY = "callbackNumber";

    /** {@link EnqueueCall#data()} keys the ACD keeps with a call: its priority, to keep it when transferred. */
    public static final String PRIORITY_KEY = "priority";
    /** Pop data of a transferred call: the agent who transferred it, and the notes so far. */
    public static final String TRANSFERRED_BY_KEY = "transferredBy";
    public static final String TRANSFER_NOTES_KEY = "transferNotes";
    /** Data of a ring for a call in progress: the customer call it serves, and the conference to send the agent to. */
    public static final String FOR_CALL_KEY = "forCall";
    public static final String CONFERENCE_KEY = "conference";
    /** {@link EnqueueCall#data()} key with a campaign's recording policy, which then wins over the queue's. */
    public static final String RECORDING_KEY = EnqueueCall.RECORDING_KEY;
    /**
     * Caller data key of a callback the customer must confirm: the agent leg's {@code Dial()} data, {@code {number}}
     * for the customer's number ({@link cc.core.contract.ScheduleCallback#dial()}); kept out of the agent's pop.
     */
    public static final String CALLBACK_DIAL_KEY = "callbackDial";
    /**
     * Channel variable the confirmation subroutine sets on the customer's channel of such a callback: {@code asked}
     * (answered, hearing the prompt), then {@code confirmed} or {@code declined}.
     */
    public static final String CONFIRM_VARIABLE = "CC_CALLBACK_CONFIRM";
    /** {@link EnqueueCall#data()} key with an earlier arrival kept (ISO-8601): a confirmed click-to-talk request's time. */
    public static final String KEPT_PLACE_KEY = "keptPlaceSince";

    /**
     * Channel variable the announcement context passes to the IVR as the request's query:
     * {@code AGI(${CC_AGI}/queue-position?${CC_ANNOUNCE})}.
     */
    public static final String ANNOUNCE_VARIABLE = "CC_ANNOUNCE";

    private AcdTranslation() {}

    /**
     * The announcement's query string: {@code position=3&wait=240&lang=fa}; wait -1 when there is no estimate; the
     * language left out when unknown or not a plain language tag (the IVR then uses the channel's language).
     */
    public static String announcement(int position, long waitSeconds, String language) {
        String q = "position=" + position + "&wait=" + Math.max(-1, waitSeconds);
        if (language != null && language.matches("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})?")) {
            q += "&lang=" + language;
        }
        return q;
    }

    /**
     * The router event for a caller the IVR hands over.
     *
     * @throws IllegalArgumentException when the skills entry is malformed (the message names it)
     */
    public static AcdEvent.CallArrived callArrived(EnqueueCall e, Instant at) {
        Map<String, String> data = e.data();
        String number = data.getOrDefault(CALLBACK_NUMBER_KEY, data.getOrDefault("callerNumber", ""));
        Instant arrived = at;
        try {
            // the caller waits as if queued since then (never later than now); an unreadable value is ignored
            Instant kept = Instant.parse(data.getOrDefault(KEPT_PLACE_KEY, ""));
            arrived = kept.isBefore(at) ? kept : at;
        } catch (java.time.format.DateTimeParseException notKept) {
            arrived = at;
        }
        return new AcdEvent.CallArrived(e.uniqueId(), e.queue(), parseSkills(data.getOrDefault(SKILLS_KEY, "")),
                e.priority(), number, arrived);
    }

    /** {@code "billing:5, fa"} as requirements; a skill without a level needs level 1. */
    public static List<SkillRequirement> parseSkills(String text) {
        List<SkillRequirement> skills = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return skills;
        }
        for (String entry : text.split(",")) {
            String item = entry.trim();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            try {
                String name = colon < 0 ? item : item.substring(0, colon).trim();
                int level = colon < 0 ? 1 : Integer.parseInt(item.substring(colon + 1).trim());
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty skill name");
                }
                skills.add(new SkillRequirement(name, level));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("bad skill entry '" + item + "' in '" + text
                        + "' (expected name or name:level with level 1..10)", bad);
            }
        }
        return skills;
    }

    /** The status an agent may ask for, from its wire name ({@code available}, {@code paused}, {@code logged-out}). */
    public static AgentStatus requestedStatus(String wireName) {
        AgentStatus s;
        try {
            s = AgentStatus.valueOf(wireName.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown agent status '" + wireName + "'");
        }
        return s;
    }

    public static AgentStateChanged statusChanged(String agentId, AgentState state) {
        return new AgentStateChanged(agentId, state.status().wireName(), state.reason(), state.since(),
                state.callId());
    }

    /**
     * The screen-pop trigger. The ACD knows the caller's channel, not the interaction record: consoles find it
     * through the recorder by channel. A callback being placed is marked in the data ({@code callback=true}).
     */
    public static CallOffered offered(String agentId, String callId, String queue, boolean callback,
                                      Map<String, String> data, Instant at) {
        Map<String, String> popData = data;
        if (callback) {
            popData = new java.util.HashMap<>(data);
            popData.put("callback", "true");
            popData.remove(CALLBACK_DIAL_KEY);
        }
        return new CallOffered(agentId, "", data.getOrDefault(FOR_CALL_KEY, callId),
                data.getOrDefault("callerNumber", ""), queue, popData, at);
    }

    /** What call control needs of a call the ACD just joined an agent to. */
    public static CallConnected connected(AcdSettings settings, String callId, String server, String joinedTo,
                                          String agentId, String agentChannel, String queue,
                                          Map<String, String> data, Instant at) {
        String policy = data.getOrDefault(RECORDING_KEY, "");
        if (!AcdSettings.RECORDING_POLICIES.contains(policy)) {
            policy = settings.recordingPolicy(queue);
        }
        return new CallConnected(callId, server, joinedTo, agentId, agentChannel, queue, policy,
                data.getOrDefault(FOR_CALL_KEY, ""), at);
    }

    /**
     * Rings the agent; once answered the agent's leg waits in the agent-wait context until the ACD joins it to the
     * holding caller with the AMI {@code Bridge} action (trace ami-17). Not {@code Application: Bridge} (ami-16): such
     * a leg hangs up as soon as its bridge ends, so the caller could never be put on hold or moved (ami-24, ami-25).
     */
    public static OriginateRequest offer(AcdSettings settings, String agentDialString, AcdCommand.OfferCall o) {
        return new OriginateRequest(settings.server(), agentDialString,
                new OriginateRequest.DialplanTarget(settings.agentWaitContext(), "s", 1), settings.callerId(),
                settings.ringTimeout(), Map.of(OFFER_VARIABLE, o.callId(), "CC_QUEUE", o.queueId(),
                InteractionTracker.AGENT_VARIABLE, o.agentId()));
    }

    /** Rings the agent; on answer the agent's leg dials the customer (the call's record opens on the agent's leg). */
    public static OriginateRequest callback(AcdSettings settings, String agentDialString, AcdCommand.PlaceCallback p) {
        return callback(settings, agentDialString, p, "");
    }

    /**
     * The same with the callback's own {@code Dial()} data ({@code {number}} replaced) when it has one: a click-to-talk
     * request's trunk, ring timeout and {@code U()} confirmation subroutine.
     */
    public static OriginateRequest callback(AcdSettings settings, String agentDialString, AcdCommand.PlaceCallback p,
                                            String dialOverride) {
        String dial = dialOverride == null || dialOverride.isBlank() ? settings.callbackDial() : dialOverride;
        return new OriginateRequest(settings.server(), agentDialString,
                new OriginateRequest.ApplicationTarget("Dial", dial.replace("{number}", p.number())),
                settings.callerId(), settings.ringTimeout(),
                Map.of(OFFER_VARIABLE, p.callId(), "CC_QUEUE", p.queueId(), InteractionTracker.AGENT_VARIABLE,
                        p.agentId(), InteractionTracker.DIALLED_VARIABLE, p.number()));
    }

    public static CallOverflowed overflowed(AcdCommand.Overflow o, String channel, Instant at) {
        String target;
        String where;
        if (o.target() instanceof OverflowTarget.ToQueue q) {
            target = "queue";
            where = q.queueId();
        } else if (o.target() instanceof OverflowTarget.ToVoicemail v) {
            target = "voicemail";
            where = v.mailbox();
        } else {
            target = "callback";
            where = "";
        }
        return new CallOverflowed(o.callId(), channel, o.fromQueue(), target, where,
                o.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), at);
    }

    /** The wallboard figures: live queue figures with this interval's counters, and every agent's state. */
    public static QueueStatsUpdated stats(List<QueueMetrics> queues, List<AgentMetrics> agents, Instant at) {
        List<QueueStatsUpdated.QueueFigures> q = new ArrayList<>(queues.size());
        for (QueueMetrics m : queues) {
            q.add(new QueueStatsUpdated.QueueFigures(m.queueId(), m.waiting(), m.longestWait().toSeconds(),
                    m.serviceLevel().orElse(1.0), m.abandoned(), m.answered(),
                    m.averageSpeedOfAnswer().map(AcdTranslation::seconds).orElse(0.0),
                    m.averageHandleTime().map(AcdTranslation::seconds).orElse(0.0)));
        }
        List<QueueStatsUpdated.AgentFigures> a = new ArrayList<>(agents.size());
        for (AgentMetrics m : agents) {
            a.add(new QueueStatsUpdated.AgentFigures(m.agentId(), m.state().status().wireName(), m.state().reason(),
                    m.state().since(), m.callsHandled()));
        }
        return new QueueStatsUpdated(q, a, at);
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
