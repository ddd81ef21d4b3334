package cc.simulator.dialplan;

import cc.simulator.ami.AmiMessage;
import cc.simulator.channel.Activity;
import cc.simulator.channel.CallerId;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.ChannelState;
import cc.simulator.channel.Location;
import cc.simulator.channel.Pbx;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The {@code Dial()} application with one destination, {@code Local/<exten>@<context>} or a simulated phone
 * {@code PJSIP/<number>[@<endpoint>]}, an optional timeout in seconds ({@code Dial(<dest>,<timeout>)}) and of the
 * options only {@code U(<context>[^<arg>...])} (see {@link CalleeGosub}); other options are ignored. The caller's events (the eleven cleared dial variables, DialBegin/DialState/DialEnd with both parties,
 * DIALSTATUS, RINGTIME, DIALEDPEERNAME/-NUMBER) and the dialled Local pair's (DIALEDPEERNUMBER, {@code AppDial},
 * caller ID) follow ami-22; on answer the two are bridged, and when the bridge ends the caller goes on at the next
 * priority, or at its after-bridge location when a blind transfer left it one.
 *
 * <p>Threading: event loop only.
 */
public final class DialApplication {
    /** Dial clears these on the caller before it dials, in this order (ami-22). */
    private static final List<String> DIAL_VARIABLES = List.of("DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME",
        "ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME",
        "PROGRESSTIME_MS");

    private final Pbx pbx;
    private final DialplanExecutor executor;
    private final Phones phones;

    public DialApplication(Pbx pbx, DialplanExecutor executor, Phones phones) {
        this.pbx = pbx;
        this.executor = executor;
        this.phones = phones;
    }

    /** Runs Dial on {@code caller}; {@code done} continues its dialplan when the call was not bridged. */
    public Activity exec(Channel caller, String data, IntConsumer done) {
        List<String> args = DialplanExecutor.splitArgs(data);
        String target = args.isEmpty() ? "" : args.get(0).trim();
        long timeoutMs = args.size() > 1 ? seconds(args.get(1)) : 0;
        CalleeGosub gosub = args.size() > 2 ? CalleeGosub.parse(args.get(2)) : null;
        for (String v : DIAL_VARIABLES) {
            pbx.setVar(caller, v, "");
        }
        int slash = target.indexOf('/');
        String tech = slash < 0 ? "" : target.substring(0, slash).toLowerCase(Locale.ROOT);
        String rest = slash < 0 ? "" : target.substring(slash + 1);
        Attempt attempt = new Attempt(caller, done, gosub);
        boolean dialling;
        if (tech.equals("local") && !rest.isEmpty()) {
            dialling = attempt.local(rest);
        } else if (tech.equals("pjsip") && !rest.isEmpty()) {
            dialling = attempt.phone(rest);
        } else {
            dialling = false;
        }
        if (!dialling) {
            // nothing could be called (unknown technology, no such extension): no channel, Dial returns at once
            pbx.setVar(caller, "DIALSTATUS", "CHANUNAVAIL");
            done.accept(0);
            return null;
        }
        if (timeoutMs > 0 && !attempt.settled) {
            attempt.timer = pbx.after(timeoutMs, attempt::timedOut);
        }
        // answered at once (a callee whose dialplan answers straight away): the caller already sits in the bridge
        return attempt.settled ? caller.activity() : attempt;
    }

    private static long seconds(String s) {
        try {
            return Math.round(Double.parseDouble(s.trim()) * 1000);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static AmiMessage dialEvent(String name, Channel caller, Channel dest) {
        AmiMessage m = Pbx.channelEvent(name, "call,all", caller);
        Pbx.appendChannel(m, "Dest", dest);
        return m;
    }

    /** One Dial in progress: the caller, the dialled channel and whether it has been settled. */
    private final class Attempt implements Activity {
        final Channel caller;
        final IntConsumer done;
        /** The U() option: a subroutine the answered callee runs before it is bridged; null when not given. */
        final CalleeGosub gosub;
        final long startMs = pbx.now();
        Channel dest;
        String dialString;
        boolean localPair;
        boolean settled;
        long timer = -1;

        Attempt(Channel caller, IntConsumer done, CalleeGosub gosub) {
            this.caller = caller;
            this.done = done;
            this.gosub = gosub;
        }

        /** Dials a Local pair whose {@code ;2} runs {@code <exten>@<context>}. */
        boolean local(String rest) {
            int at = rest.lastIndexOf('@');
            String exten = at < 0 ? rest : rest.substring(0, at);
            String context = at < 0 ? "default" : rest.substring(at + 1);
            int opt = context.indexOf('/');
            if (opt >= 0) {
                context = context.substring(0, opt);
            }
            if (!executor.exists(context, exten)) {
                return false;
            }
            String base = "Local/" + exten + "@" + context + "-" + pbx.nextLocalSuffix();
            Channel one = pbx.newChannel(base + ";1", "Local", ChannelState.DOWN, context, exten, pbx.nextUniqueid(),
                caller.linkedid());
            Channel two = pbx.newChannel(base + ";2", "Local", ChannelState.RING, context, exten, pbx.nextUniqueid(),
                caller.linkedid());
            Pbx.pairLocal(one, two);
            String device = "Local/" + exten + "@" + context;
            one.setDevice(device);
            two.setDevice(device);
            dest = one;
            localPair = true;
            dialString = exten + "@" + context;
            // the dialled side shows the dialled number as its caller ID and the caller as its connected line; the
            // ;2 half the other way round; the ;1 Newexten already carries the new values (ami-22)
            pbx.setVar(one, "DIALEDPEERNUMBER", dialString);
            CallerId dialled = new CallerId(exten, caller.callerId().name());
            one.setCallerId(dialled);
            one.setConnectedLine(caller.callerId());
            pbx.newExten(one, "AppDial", "(Outgoing Line)");
            pbx.newCallerId(one);
            pbx.newConnectedLine(one);
            pbx.setVar(two, "DIALEDPEERNUMBER", dialString);
            two.setCallerId(caller.callerId());
            two.setConnectedLine(dialled);
            pbx.newCallerId(two);
            pbx.newConnectedLine(two);
            pbx.localBridgeEvent(one, two, context, exten);
            pbx.emit(dialEvent("DialBegin", caller, one).add("DialString", dialString));
            pbx.deviceState(device, "INUSE");
            two.setOnRinging(this::ringing);
            two.setOnAnswered(this::answered);
            two.setOnDialFailure(status -> failed(status, status.equals("BUSY") ? Causes.USER_BUSY : Causes.CONGESTION));
            one.setOnPeerGoneBeforeAnswer(cause -> gone(cause));
            executor.run(two);
            return true;
        }

        /** Dials a simulated phone; it rings, answers or refuses as its {@link PhoneBehaviour} says. */
        boolean phone(String rest) {
            int at = rest.indexOf('@');
            String number = at < 0 ? rest : rest.substring(0, at);
            PhoneBehaviour b = phones.behaviourOf(number);
            Channel ch = pbx.newChannel("PJSIP/" + number + "-" + pbx.nextPjsipSuffix(), "PJSIP", ChannelState.DOWN,
                "default", "s", pbx.nextUniqueid(), caller.linkedid());
            ch.amdResult = b.amdResult();
            ch.owner = b;
            ch.setDevice("PJSIP/" + number);
            dest = ch;
            dialString = rest;
            pbx.setVar(ch, "DIALEDPEERNUMBER", dialString);
            ch.setCallerId(new CallerId(number, caller.callerId().name()));
            pbx.newCallerId(ch);
            ch.setConnectedLine(caller.callerId());
            pbx.newConnectedLine(ch);
            pbx.emit(dialEvent("DialBegin", caller, ch).add("DialString", dialString));
            long ring = Math.max(2, b.ringDelay().sample(pbx.random()));
            switch (b.kind()) {
                case BUSY:
                    pbx.after(ring, () -> failed("BUSY", Causes.USER_BUSY));
                    return true;
                case CONGESTION:
                    pbx.after(ring, () -> failed("CONGESTION", Causes.CONGESTION));
                    return true;
                case REJECT:
                    pbx.after(ring, () -> failed("NOANSWER", Causes.CALL_REJECTED));
                    return true;
                default:
                    break;
            }
            pbx.after(1, () -> {
                if (!settled && ch.isAlive()) {
                    pbx.newState(ch, ChannelState.RINGING);
                    pbx.deviceState("PJSIP/" + number, "RINGING");
                    ringing();
                }
            });
            if (b.kind() == PhoneBehaviour.Kind.ANSWER) {
                pbx.after(ring, () -> {
                    if (settled || !ch.isAlive()) {
                        return;
                    }
                    pbx.answer(ch);
                    pbx.deviceState("PJSIP/" + number, "INUSE");
                    if (b.talkTime() != null) {
                        pbx.after(b.talkTime().sample(pbx.random()), () -> pbx.remoteHangup(ch, Causes.NORMAL_CLEARING));
                    }
                    answered();
                    pressKeys(ch, b.keys(), 0);
                });
            }
            return true;
        }

        /** The answered person presses their keys, as an originated phone does (a 1 to a confirmation prompt). */
        private void pressKeys(Channel ch, List<cc.simulator.DtmfStep> steps, int i) {
            if (i >= steps.size()) {
                return;
            }
            cc.simulator.DtmfStep s = steps.get(i);
            pbx.after(s.delayMs(), () -> {
                if (ch.isAlive()) {
                    pbx.playDtmf(ch, s.digits(), executor.timings().dtmfDurationMs(),
                        executor.timings().dtmfGapMs(), () -> pressKeys(ch, steps, i + 1));
                }
            });
        }

        void ringing() {
            if (settled) {
                return;
            }
            if (localPair) {
                pbx.newState(dest, ChannelState.RINGING);
            }
            long ms = pbx.simulatedSince(startMs);
            pbx.setVar(caller, "RINGTIME", Long.toString(ms / 1000));
            pbx.setVar(caller, "RINGTIME_MS", Long.toString(ms));
            pbx.emit(dialEvent("DialState", caller, dest).add("DialStatus", "RINGING"));
        }

        /** The dialled party answered: both go into one bridge; the caller's dialplan waits for it to end. */
        void answered() {
            if (settled || !caller.isAlive()) {
                return;
            }
            settle();
            if (localPair) {
                pbx.answer(dest);
            }
            if (caller.state() != ChannelState.UP) {
                pbx.answer(caller);
            }
            pbx.setVar(caller, "DIALSTATUS", "ANSWER");
            pbx.setVar(caller, "DIALEDPEERNAME", dest.name());
            pbx.setVar(caller, "DIALEDPEERNUMBER", dialString);
            if (localPair) {
                // app_dial hands the answered ;1 to the bridge with an empty extension, DialEnd shows it (ami-22)
                dest.setLocation(dest.context(), "", 1);
            }
            pbx.emit(dialEvent("DialEnd", caller, dest).add("DialStatus", "ANSWER"));
            if (localPair) {
                pbx.newExten(dest, "AppDial", "(Outgoing Line)");
            }
            if (gosub != null) {
                runGosub();
                return;
            }
            bridgeBoth();
        }

        /**
         * Dial's U(): the answered callee runs the subroutine at {@code <context>,s,1} with ARG1..n while the caller
         * waits; on Return() GOSUB_RESULT decides: ABORT hangs up both, CONTINUE hangs up the callee and the caller
         * goes on, BUSY/CONGESTION/CHANUNAVAIL do the same with that DIALSTATUS; unset or anything else bridges the
         * two. A callee that hangs up in the subroutine leaves the caller to go on with DIALSTATUS=ANSWER, as after a
         * bridge that ended at once.
         */
        private void runGosub() {
            Channel callee = dest;
            boolean[] over = {false};
            caller.setActivity(() -> {
                // the caller hung up or was redirected while the callee ran the subroutine: the callee goes too
                over[0] = true;
                hangUpDest(Causes.NORMAL_CLEARING);
            });
            callee.onHangup(gone -> {
                if (!over[0]) {
                    over[0] = true;
                    if (caller.isAlive()) {
                        caller.setActivity(null);
                        done.accept(0);
                    }
                }
            });
            executor.runSubroutine(callee, gosub.context(), gosub.args(), () -> {
                if (over[0] || !callee.isAlive() || !caller.isAlive()) {
                    return;
                }
                over[0] = true;
                caller.setActivity(null);
                String result = callee.var("GOSUB_RESULT");
                String r = result == null ? "" : result.trim().toUpperCase(Locale.ROOT);
                switch (r) {
                    case "ABORT":
                        hangUpDest(Causes.NORMAL_CLEARING);
                        pbx.softHangup(caller, Causes.NORMAL_CLEARING);
                        return;
                    case "CONTINUE":
                        hangUpDest(Causes.NORMAL_CLEARING);
                        done.accept(0);
                        return;
                    case "BUSY":
                    case "CONGESTION":
                    case "CHANUNAVAIL":
                        pbx.setVar(caller, "DIALSTATUS", r);
                        hangUpDest(Causes.NORMAL_CLEARING);
                        done.accept(0);
                        return;
                    default:
                        bridgeBoth();
                }
            });
        }

        private void bridgeBoth() {
            Channel callee = dest;
            callee.setActivity(new Pbx.BridgedActivity(() -> {
                if (callee.isAlive()) {
                    callee.setHangupCause(Causes.NORMAL_CLEARING);
                    pbx.finish(callee, false);
                }
            }));
            caller.setActivity(new Pbx.BridgedActivity(this::afterBridge));
            pbx.bridge(callee, caller, false);
        }

        /**
         * The bridge ended with the caller still there: DIALSTATUS again, then the next priority, or the after-bridge
         * location a blind transfer kept (ami-22: {@code s,4@cc-hold}, not the next priority of the transfer target).
         */
        void afterBridge() {
            if (!caller.isAlive()) {
                return;
            }
            pbx.setVar(caller, "DIALSTATUS", "ANSWER");
            Location back = caller.takeAfterBridgeGoto();
            if (back == null) {
                done.accept(0);
                return;
            }
            caller.bumpPbxGeneration();
            caller.setLocation(back.context(), back.exten(), back.priority());
            executor.run(caller);
        }

        void timedOut() {
            if (settled) {
                return;
            }
            end("NOANSWER", Causes.NO_ANSWER);
        }

        /** The dialled side refused (Busy(), Congestion(), a phone that rejects). */
        void failed(String status, int cause) {
            if (settled) {
                return;
            }
            end(status, cause);
        }

        /** The dialled Local half ended before answering (its dialplan hung up or ran out). */
        void gone(int cause) {
            if (settled) {
                return;
            }
            settle();
            String status = cause == Causes.USER_BUSY ? "BUSY" : cause == Causes.CONGESTION ? "CONGESTION" : "NOANSWER";
            pbx.emit(dialEvent("DialEnd", caller, dest).add("DialStatus", status));
            pbx.setVar(caller, "DIALSTATUS", status);
            done.accept(0);
        }

        private void end(String status, int cause) {
            settle();
            pbx.emit(dialEvent("DialEnd", caller, dest).add("DialStatus", status));
            hangUpDest(cause);
            pbx.setVar(caller, "DIALSTATUS", status);
            done.accept(0);
        }

        private void settle() {
            settled = true;
            pbx.cancel(timer);
            if (localPair) {
                dest.setOnPeerGoneBeforeAnswer(null);
            }
        }

        private void hangUpDest(int cause) {
            if (dest.isAlive()) {
                dest.setHangupCause(cause);
                pbx.finish(dest, false);
            }
        }

        /** The caller left (hangup, redirect) while the dialled side rang: Dial cancels it. */
        @Override
        public void interrupt() {
            if (settled) {
                return;
            }
            settle();
            pbx.emit(dialEvent("DialEnd", caller, dest).add("DialStatus", "CANCEL"));
            hangUpDest(Causes.NORMAL_CLEARING);
        }
    }
}
