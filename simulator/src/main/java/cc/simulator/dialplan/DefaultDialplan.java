package cc.simulator.dialplan;

/**
 * The dialplan the simulator runs when none is configured. It is the same as {@code config/asterisk/extensions.conf}
 * shipped for a real Asterisk: keep the two in step. With the defaults it reads:
 *
 * <pre>
 * [cc-inbound]
 * exten => _X.,1,Answer()
 *  same => n,Set(AGISTATUS=)
 *  same => n,AGI(agi://127.0.0.1:4573/main?lang=en)
 *  same => n,GotoIf($["${AGISTATUS}" = ""]?6)
 *  same => n,GotoIf($["${CC_NEXT}"="hold"]?cc-hold,s,1)
 *  same => n,Hangup()
 *
 * [cc-hold]
 * exten => s,1,Answer()
 *  same => n,MusicOnHold(default)
 *  same => n,Hangup()
 *
 * [cc-agent-wait]
 * exten => s,1,Answer()
 *  same => n(wait),Wait(30)
 *  same => n,Goto(wait)
 *
 * [cc-announce]
 * exten => s,1,Set(AGISTATUS=)
 *  same => n,AGI(agi://127.0.0.1:4573/queue-position?${CC_ANNOUNCE})
 *  same => n,GotoIf($["${AGISTATUS}" != ""]?cc-hold,s,1)
 *  same => n,Hangup()
 *
 * [cc-outbound]
 * exten => _X.,1,Dial(PJSIP/${EXTEN}@trunk,60)
 *  same => n,Hangup()
 *
 * [cc-conference]
 * exten => _[a-zA-Z0-9].,1,ConfBridge(${EXTEN})
 *  same => n,Hangup()
 * </pre>
 *
 * <p>({@code cc-outbound} is click-to-dial: the number is dialled as a simulated phone, {@code PJSIP/<number>}, see
 * {@link DialApplication}) and the outbound campaign contexts of {@code config/asterisk/dialer.conf}, priority for
 * priority ({@code cc-dialer}: answer, AMD, machines hung up, given the message or held for an agent; {@code cc-dialer-abandon}:
 * the abandon message).
 *
 * <p>One context is the simulator's own, for tests, and not in extensions.conf: {@value #NORMALISING_TRUNK_CONTEXT}, a
 * trunk that rewrites the caller's national number ({@code 0912...}) to international form ({@code +98912...}) before
 * the inbound flow, as deployments normalise what their trunks send:
 *
 * <pre>
 * [sim-normalising-trunk]
 * exten => _X.,1,Set(CALLERID(num)=+98${CALLERID(num):1})
 *  same => n,Goto(cc-inbound,${EXTEN},1)
 * </pre>
 */
public final class DefaultDialplan {
    public static final String INBOUND_CONTEXT = "cc-inbound";
    public static final String HOLD_CONTEXT = "cc-hold";
    public static final String AGENT_WAIT_CONTEXT = "cc-agent-wait";
    public static final String ANNOUNCE_CONTEXT = "cc-announce";
    public static final String OUTBOUND_CONTEXT = "cc-outbound";
    public static final String CONFERENCE_CONTEXT = "cc-conference";
    public static final String DIALER_CONTEXT = "cc-dialer";
    public static final String DIALER_ABANDON_CONTEXT = "cc-dialer-abandon";
    /** config/asterisk/dialer.conf: a click-to-talk customer hears the confirmation flow named on the channel. */
    public static final String CLICK_TO_TALK_CONTEXT = "cc-click-to-talk";
    /**
     * config/asterisk/dialer.conf: the subroutine Dial's U() option runs on a click-to-talk customer the agent's leg
     * dialled ("ring the agent first"); only a 1 clears GOSUB_RESULT=ABORT.
     */
    public static final String CLICK_TO_TALK_CONFIRM_CONTEXT = "cc-click-to-talk-confirm";
    /** Simulator only: callers placed here have their caller ID rewritten by the dialplan (a NewCallerid on ;2). */
    public static final String NORMALISING_TRUNK_CONTEXT = "sim-normalising-trunk";

    private DefaultDialplan() {
    }

    /** @param agiPath the script path with its query, e.g. {@code main?lang=en} */
    public static Dialplan create(String agiHost, int agiPort, String agiPath) {
        return Dialplan.builder()
            .exten(INBOUND_CONTEXT, "_X.",
                "Answer()",
                // a caller an agent took into a bridge mid-AGI continues here after that call: hang up, not hold
                "Set(AGISTATUS=)",
                "AGI(agi://" + agiHost + ":" + agiPort + "/" + agiPath + ")",
                "GotoIf($[\"${AGISTATUS}\" = \"\"]?6)",
                "GotoIf($[\"${CC_NEXT}\"=\"hold\"]?cc-hold,s,1)",
                "Hangup()")
            .exten(HOLD_CONTEXT, "s",
                "Answer()",
                "MusicOnHold(default)",
                "Hangup()")
            .exten(AGENT_WAIT_CONTEXT, "s",
                "Answer()",
                "Wait(30)",
                // the simulator's Goto takes priorities, not labels: s,2 is (wait)
                "Goto(2)")
            .exten(ANNOUNCE_CONTEXT, "s",
                "Set(AGISTATUS=)",
                "AGI(agi://" + agiHost + ":" + agiPort + "/queue-position?${CC_ANNOUNCE})",
                "GotoIf($[\"${AGISTATUS}\" != \"\"]?cc-hold,s,1)",
                "Hangup()")
            .exten(OUTBOUND_CONTEXT, "_X.",
                "Dial(PJSIP/${EXTEN}@trunk,60)",
                "Hangup()")
            .exten(CONFERENCE_CONTEXT, "_[a-zA-Z0-9].",
                "ConfBridge(${EXTEN})",
                "Hangup()")
            // config/asterisk/dialer.conf
            .exten(DIALER_CONTEXT, "s",
                "Answer()",
                "AMD()",
                "GotoIf($[\"${AMDSTATUS}\" = \"MACHINE\"]?5)",
                "Goto(cc-hold,s,1)",
                "GotoIf($[\"${CC_MACHINE_ACTION}\" = \"agent\"]?4)",
                "GotoIf($[\"${CC_MACHINE_ACTION}\" = \"message\"]?8)",
                "Hangup()",
                "Set(CC_DIALER_STEP=machine-message)",
                "Playback(${CC_MACHINE_MESSAGE})",
                "Hangup()")
            .exten(DIALER_ABANDON_CONTEXT, "s",
                "Set(CC_DIALER_STEP=abandon-message)",
                "Playback(${CC_ABANDON_MESSAGE})",
                "Hangup()")
            .exten(CLICK_TO_TALK_CONTEXT, "s",
                "Answer()",
                "Set(AGISTATUS=)",
                "AGI(agi://" + agiHost + ":" + agiPort + "/${CC_CLICK_TO_TALK_AGI})",
                "GotoIf($[\"${AGISTATUS}\" = \"\"]?6)",
                "GotoIf($[\"${CC_NEXT}\" = \"hold\"]?cc-hold,s,1)",
                "Hangup()")
            .exten(CLICK_TO_TALK_CONFIRM_CONTEXT, "s",
                "Set(GOSUB_RESULT=ABORT)",
                "Set(CC_CALLBACK_CONFIRM=asked)",
                "AGI(agi://" + agiHost + ":" + agiPort + "/${ARG1})",
                "Return()")
            // the simulator's own, not in extensions.conf
            .exten(NORMALISING_TRUNK_CONTEXT, "_X.",
                "Set(CALLERID(num)=+98${CALLERID(num):1})",
                "Goto(" + INBOUND_CONTEXT + ",${EXTEN},1)")
            .build();
    }
}
