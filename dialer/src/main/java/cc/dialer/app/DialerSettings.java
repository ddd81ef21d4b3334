package cc.dialer.app;

import cc.core.domain.dialing.DialPlanConfig;
import cc.dialer.domain.list.PhoneNumbers;
import cc.dialer.domain.pacing.PacingEstimates;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the dialer service runs (the {@code dialer:} section of the server configuration).
 *
 * @param server              the telephony server that places campaign calls
 * @param trunkPattern        dial string with {@code {number}} for the permitted digits
 * @param callerId            caller ID presented to customers
 * @param ringTimeout         how long a customer's phone rings (at least 15 s by the US rules)
 * @param agentConnectLimit   a live answer must reach an agent within this (2 s) or hears the abandon message
 * @param abandonMessage      the recording a live customer hears when no agent is free in time
 * @param machineMessage      the recording left on answering machines
 * @param conversionCodes     dispositions that count as a conversion (lower case)
 * @param defaultZone         time zone of customers without one, and of the day reports
 * @param daysOff             weekly days off added to every campaign's own
 * @param dialPlan            which numbers may be dialled, and the global line cap
 * @param amdFalsePositiveRate the share of machine verdicts estimated to be live people (for Ofcom's rule)
 * @param priors              what the pacer believes before a campaign's own calls teach it
 * @param queueAgents         the agents serving each ACD queue (from the ACD's settings)
 * @param previewHold         how long a preview record stays reserved to the agent who took it without a dial or skip
 * @param agentPhones         how to ring each agent's phone (from the ACD's settings), for preview dials
 */
public record DialerSettings(String server, String trunkPattern, String callerId, Duration ringTimeout,
                             Duration agentConnectLimit, String abandonMessage, String machineMessage,
                             Set<String> conversionCodes, ZoneId defaultZone, Set<DayOfWeek> daysOff,
                             DialPlanConfig dialPlan, double amdFalsePositiveRate, PacingEstimates priors,
                             Map<String, Set<String>> queueAgents, Duration previewHold,
                             Map<String, String> agentPhones) {
    public DialerSettings {
        Objects.requireNonNull(server, "server");
        if (!trunkPattern.contains("{number}")) {
            throw new IllegalArgumentException("trunkPattern '" + trunkPattern + "' has no {number}");
        }
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(agentConnectLimit, "agentConnectLimit");
        Objects.requireNonNull(abandonMessage, "abandonMessage");
        Objects.requireNonNull(machineMessage, "machineMessage");
        conversionCodes = conversionCodes.stream().map(c -> c.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(defaultZone, "defaultZone");
        daysOff = Set.copyOf(daysOff);
        Objects.requireNonNull(dialPlan, "dialPlan");
        Objects.requireNonNull(priors, "priors");
        queueAgents = queueAgents.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        if (previewHold.isZero() || previewHold.isNegative()) {
            throw new IllegalArgumentException("previewHold must be positive, was " + previewHold);
        }
        agentPhones = Map.copyOf(agentPhones);
    }

    /** The same settings on another telephony server (the launcher decides it once the links are known). */
    public DialerSettings withServer(String other) {
        return new DialerSettings(other, trunkPattern, callerId, ringTimeout, agentConnectLimit, abandonMessage,
                machineMessage, conversionCodes, defaultZone, daysOff, dialPlan, amdFalsePositiveRate, priors,
                queueAgents, previewHold, agentPhones);
    }

    /** The same settings with the ACD's queues and their agents. */
    public DialerSettings withQueueAgents(Map<String, Set<String>> agents) {
        return new DialerSettings(server, trunkPattern, callerId, ringTimeout, agentConnectLimit, abandonMessage,
                machineMessage, conversionCodes, defaultZone, daysOff, dialPlan, amdFalsePositiveRate, priors,
                agents, previewHold, agentPhones);
    }

    /** The same settings with how to ring each agent's phone (the ACD's settings have them). */
    public DialerSettings withAgentPhones(Map<String, String> phones) {
        return new DialerSettings(server, trunkPattern, callerId, ringTimeout, agentConnectLimit, abandonMessage,
                machineMessage, conversionCodes, defaultZone, daysOff, dialPlan, amdFalsePositiveRate, priors,
                queueAgents, previewHold, phones);
    }

    /** Whether the agent serves the queue. */
    public boolean serves(String agentId, String queue) {
        return queueAgents.getOrDefault(queue, Set.of()).contains(agentId);
    }

    /** Numbers put in E.164 form by the dial plan's country code and prefixes (lists, do-not-call). */
    public PhoneNumbers phoneNumbers() {
        return new PhoneNumbers(dialPlan.countryCode(), dialPlan.trunkPrefix(), dialPlan.internationalPrefix());
    }

    public boolean isConversion(String disposition) {
        return conversionCodes.contains(disposition.strip().toLowerCase(Locale.ROOT));
    }
}
