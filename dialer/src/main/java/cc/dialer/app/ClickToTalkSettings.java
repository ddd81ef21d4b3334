package cc.dialer.app;

import cc.dialer.domain.clicktotalk.ClickToTalkRules;

import java.util.Objects;
import java.util.Set;

/**
 * How the dialer calls back customers who asked on the web (the {@code dialer.clickToTalk} keys).
 *
 * @param rules          retries, expiry, the per-minute ceiling, pending and advance limits
 * @param context        the dialplan context the answered customer is sent to ({@code cc-click-to-talk} in
 *                       {@code config/asterisk/dialer.conf}), which runs the confirmation flow over FastAGI
 * @param flow           the IVR flow that asks for the 1 ({@code config/ivr/click-to-talk.yaml})
 * @param language       the language of a request that names none
 * @param ringAgentFirst the queues whose requests ring a free agent first: the ACD places them as callbacks, the
 *                       agent's phone dials the customer, who must press 1 before the two are bridged; empty: every
 *                       queue keeps the customer's place in line after the 1
 * @param agentFirstFlow the IVR flow the customer hears on the agent's call ({@code click-to-talk-agent-first})
 * @param confirmContext the subroutine context Dial's U() option runs on the customer ({@code cc-click-to-talk-confirm})
 */
public record ClickToTalkSettings(ClickToTalkRules rules, String context, String flow, String language,
                                  Set<String> ringAgentFirst, String agentFirstFlow, String confirmContext) {
    public ClickToTalkSettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(language, "language");
        ringAgentFirst = Set.copyOf(ringAgentFirst);
        Objects.requireNonNull(agentFirstFlow, "agentFirstFlow");
        Objects.requireNonNull(confirmContext, "confirmContext");
    }

    /** Every queue keeps the customer's place after the 1 (no queue rings the agent first). */
    public ClickToTalkSettings(ClickToTalkRules rules, String context, String flow, String language) {
        this(rules, context, flow, language, Set.of(), AGENT_FIRST_FLOW, CONFIRM_CONTEXT);
    }

    public static final String AGENT_FIRST_FLOW = "click-to-talk-agent-first";
    public static final String CONFIRM_CONTEXT = "cc-click-to-talk-confirm";

    public static ClickToTalkSettings defaults() {
        return new ClickToTalkSettings(ClickToTalkRules.defaults(), "cc-click-to-talk", "click-to-talk", "fa");
    }

    /** The same settings with these queues ringing the agent first. */
    public ClickToTalkSettings withRingAgentFirst(Set<String> queues) {
        return new ClickToTalkSettings(rules, context, flow, language, queues, agentFirstFlow, confirmContext);
    }
}
