package cc.simulator;

import cc.simulator.dialplan.Dialplan;

/** The dialplan of the lab Asterisk the traces were recorded on (README "Lab dialplan"), minus app_queue. */
final class LabDialplan {
    private LabDialplan() {
    }

    static Dialplan create(int agiPort) {
        return create(agiPort, 4599);
    }

    /** @param deadPort where nothing listens (exten 420, AGI server unreachable) */
    static Dialplan create(int agiPort, int deadPort) {
        String agi = "agi://127.0.0.1:" + agiPort + "/";
        return Dialplan.builder()
            .exten("ivr-in", "100", "NoOp(Inbound call: IVR then queue support)", "Answer()",
                "Set(CDR(userfield)=ivr-in-100)", "AGI(" + agi + "main-menu?lang=en)",
                "NoOp(AGISTATUS=${AGISTATUS} IVR_CHOICE=${IVR_CHOICE} ACCOUNT=${ACCOUNT})", "Hangup()")
            .exten("ivr-in", "110", "NoOp(IVR only)", "Answer()", "AGI(" + agi + "main-menu?lang=en)",
                "NoOp(AGISTATUS=${AGISTATUS} IVR_CHOICE=${IVR_CHOICE} ACCOUNT=${ACCOUNT})", "Hangup()")
            .exten("ivr-in", "200", "NoOp(FastAGI command tour)", "AGI(" + agi + "agi-command-tour?lang=en)",
                "NoOp(AGISTATUS=${AGISTATUS})", "Hangup()")
            .exten("ivr-in", "210", "Answer()", "AGI(" + agi + "quoted-commands)", "Hangup()")
            .exten("ivr-in", "300", "Answer()",
                "AGI(" + agi + "survey/run.agi?campaign=7&mode=test,first arg,2,three with spaces,)", "Hangup()")
            .exten("ivr-in", "400", "Answer()", "AGI(" + agi + "hangup-midway?when=streaming)", "Hangup()")
            .exten("ivr-in", "410", "Answer()", "AGI(" + agi + "hangup-midway?when=idle)", "Hangup()")
            .exten("ivr-in", "420", "Answer()", "AGI(agi://127.0.0.1:" + deadPort + "/nobody-home)", "NoOp(AGISTATUS=${AGISTATUS})", "Hangup()")
            .exten("ivr-in", "h", "NoOp(ivr-in hangup handler: AGISTATUS=${AGISTATUS})")
            .exten("human", "ivr-caller", "NoOp(Simulated caller pressing keys)", "Wait(2)", "SendDTMF(2)", "Wait(2.5)",
                "SendDTMF(1234)", "Wait(60)")
            .exten("human", "silent", "NoOp(Silent caller)", "Wait(120)")
            .exten("human-hangs-up", "s", "NoOp(Simulated caller who hangs up after 2 s)", "Wait(2)", "Hangup()")
            .exten("redirect-test", "500", "NoOp(Answered call parked in Wait, to be redirected by AMI)", "Answer()", "Wait(60)")
            .exten("redirect-test", "600", "NoOp(Answered call waiting to be hung up by AMI Hangup)", "Answer()", "Wait(60)")
            .exten("redirect-test", "target", "NoOp(Redirected here by AMI Redirect)", "Playback(hello-world)", "Hangup()")
            .exten("customers", "busy", "NoOp(Customer: busy)", "Busy(10)")
            .exten("customers", "congestion", "NoOp(Customer: congestion)", "Congestion(10)")
            .exten("customers", "noanswer", "NoOp(Customer: rings forever)", "Ringing()", "Wait(60)")
            .exten("customers", "reject", "NoOp(Customer: call rejected, cause 21)", "Hangup(21)")
            .exten("customers", "answer-hangup", "NoOp(Customer: answers then hangs up at once)", "Answer()", "Hangup(16)")
            .exten("customers", "silent", "NoOp(Customer: answers and stays silent)", "Answer()", "Wait(20)")
            .exten("dialer", "amd-only", "NoOp(Dialer: AMD only)", "AMD()", "NoOp(AMDSTATUS=${AMDSTATUS} AMDCAUSE=${AMDCAUSE})",
                "UserEvent(AMDResult,AMDStatus: ${AMDSTATUS},AMDCause: ${AMDCAUSE})", "Hangup()")
            .exten("cc-hold", "s", "NoOp(Caller waits here with music until the ACD bridges an agent)", "Answer()",
                "MusicOnHold(default)", "Hangup()")
            .exten("agents", "agent1", "NoOp(Agent One phone: rings 1 s, answers, talks 4 s, hangs up)", "Ringing()",
                "Wait(1)", "Answer()", "Wait(4)", "Hangup()")
            .exten("agents", "agent2", "NoOp(Agent Two phone: rings, never answers)", "Ringing()", "Wait(60)")
            .exten("agents", "agent3", "NoOp(Agent Three phone: answers at once, talks 3 s)", "Answer()", "Wait(3)", "Hangup()")
            .exten("cid-in", "5550100", "NoOp(DID 5550100: answers, 1 s, hangs up)", "Answer()", "Wait(1)", "Hangup()")
            .exten("cid-in", "5550200", "NoOp(DID 5550200: answers, then sets CALLERID(num) and CALLERID(name))",
                "Answer()", "Wait(0.5)", "Set(CALLERID(num)=+989121234567)", "Set(CALLERID(name)=S. Ahmadi)", "Wait(1)",
                "Hangup()")
            .exten("agent-wait", "s", "NoOp(Agent leg answered, waiting to be bridged by AMI Bridge)", "Wait(30)", "Hangup()")
            // the lab writes s,2(wait) and Goto(wait); the simulator has no priority labels, and AppData is not compared
            .exten("agent-wait-loop", "s", "NoOp(Agent leg answered, waiting to be bridged)", "Wait(30)", "Goto(2)")
            .exten("agent-timed", "_X.", "NoOp(Agent phone: answers at once, talks ${EXTEN} s, hangs up)", "Answer()",
                "Wait(${EXTEN})", "Hangup()")
            .exten("agent-talks", "s", "NoOp(Agent phone that talks: answers at once, plays demo-nogo (10.5 s), hangs up)",
                "Answer()", "Playback(demo-nogo)", "Hangup()")
            .exten("human-talks", "s", "NoOp(Simulated caller who talks: plays demo-instruct (73 s))",
                "Playback(demo-instruct)", "Wait(60)")
            .exten("xfer", "_2XX", "NoOp(Transfer to agent phone ${EXTEN})", "Dial(Local/${EXTEN}@phones,20)",
                "NoOp(DIALSTATUS=${DIALSTATUS})", "Hangup()")
            .exten("phones", "202", "NoOp(Agent B phone: rings 1 s, answers, talks 12 s, hangs up)", "Ringing()", "Wait(1)",
                "Answer()", "Wait(12)", "Hangup()")
            .exten("phones", "203", "NoOp(Agent C phone: rings, never answers)", "Ringing()", "Wait(60)")
            .exten("human-timed", "_X.", "NoOp(Simulated caller: stays ${EXTEN} s, then hangs up)", "Wait(${EXTEN})",
                "Hangup()")
            .exten("conf", "room-1", "NoOp(Conference room-1)", "ConfBridge(room-1)", "Hangup()")
            .build();
    }
}
