package cc.dialer.app;

import cc.dialer.domain.campaign.Campaign;
import cc.dialer.domain.list.Contact;
import cc.dialer.domain.pacing.PacingEstimates;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one campaign runs through Asterisk.
 *
 * @param campaign         the campaign (lists, mode, retries, regulator rule, line cap)
 * @param contacts         its contacts
 * @param server           the telephony server that places its calls
 * @param trunkPattern     the dial string with {@code {number}} for the digits to dial: {@code PJSIP/{number}@trunk}
 * @param callerId         the caller ID presented to customers
 * @param ringTimeout      how long a customer's phone rings before the attempt counts as no answer
 * @param queue            the ACD queue answered customers wait in
 * @param machineAction    what happens when AMD hears an answering machine
 * @param recording        the campaign's call recording policy for its calls the ACD joins to agents
 * @param machineMessage   the recording left on machines ({@link MachineAction#MESSAGE})
 * @param abandonMessage   the recording a live customer hears when no agent takes the call in time
 * @param agentConnectLimit how long after the greeting an agent must be on the line before the call is abandoned
 * @param priors           what the pacer believes before the campaign's own calls teach it
 */
public record CampaignSettings(Campaign campaign, List<Contact> contacts, String server, String trunkPattern,
                               String callerId, Duration ringTimeout, String queue, MachineAction machineAction,
                               RecordingChoice recording,
                               String machineMessage, String abandonMessage, Duration agentConnectLimit,
                               PacingEstimates priors) {
    /** The dialplan context the customer's call runs in once answered ({@code config/asterisk/dialer.conf}). */
    public static final String DIALER_CONTEXT = "cc-dialer";
    /** Where a live customer without an agent hears the abandon message. */
    public static final String ABANDON_CONTEXT = "cc-dialer-abandon";

    public CampaignSettings {
        Objects.requireNonNull(campaign, "campaign");
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(server, "server");
        if (!trunkPattern.contains("{number}")) {
            throw new IllegalArgumentException("campaign " + campaign.id() + ": trunkPattern '" + trunkPattern
                    + "' has no {number}");
        }
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(machineAction, "machineAction");
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(machineMessage, "machineMessage");
        Objects.requireNonNull(abandonMessage, "abandonMessage");
        Objects.requireNonNull(agentConnectLimit, "agentConnectLimit");
        Objects.requireNonNull(priors, "priors");
    }

    /** The dial string for the digits the dial permissions allowed. */
    public String dialString(String digits) {
        return trunkPattern.replace("{number}", digits);
    }
}
