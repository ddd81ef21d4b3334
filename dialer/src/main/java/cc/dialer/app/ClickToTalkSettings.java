package cc.dialer.app;

import cc.dialer.domain.clicktotalk.ClickToTalkRules;

import java.util.Objects;

/**
 * How the dialer calls back customers who asked on the web (the {@code dialer.clickToTalk} keys).
 *
 * @param rules    retries, expiry, the per-minute ceiling, pending and advance limits
 * @param context  the dialplan context the answered customer is sent to ({@code cc-click-to-talk} in
 *                 {@code config/asterisk/dialer.conf}), which runs the confirmation flow over FastAGI
 * @param flow     the IVR flow that asks for the 1 ({@code config/ivr/click-to-talk.yaml})
 * @param language the language of a request that names none
 */
public record ClickToTalkSettings(ClickToTalkRules rules, String context, String flow, String language) {
    public ClickToTalkSettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(language, "language");
    }

    public static ClickToTalkSettings defaults() {
        return new ClickToTalkSettings(ClickToTalkRules.defaults(), "cc-click-to-talk", "click-to-talk", "fa");
    }
}
