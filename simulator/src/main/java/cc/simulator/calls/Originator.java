package cc.simulator.calls;

import cc.simulator.Timings;
import cc.simulator.channel.CallerId;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.ChannelState;
import cc.simulator.channel.Pbx;
import cc.simulator.dialplan.DialplanExecutor;
import cc.simulator.people.PhoneBehaviour;
import cc.simulator.people.Phones;
import java.util.Map;

/**
 * Carries out AMI Originate: a Local pair running the dialplan on {@code ;2}, or a simulated PJSIP phone that
 * rings, answers or refuses as its behaviour says; then sends the channel to the application or extension asked.
 * The simulator's own callers are originated Local pairs too, as in the recording lab ({@link #originateCaller}).
 * Event order per channel follows the recorded traces (ami-04, ami-08, ami-16..20).
 *
 * <p>Threading: event loop only.
 */
public final class Originator {
    private final Pbx pbx;
    private final DialplanExecutor executor;
    private final Phones phones;
    private final Timings timings;

    /** Told once how the originate ended: the answered channel, or the failure reason code (0, 3, 5, 8). */
    public interface Listener {
        /** A Local pair was created (its Newchannel events are out): called first, before the call can end. */
        default void created(Channel one, Channel two) {
        }

        void answered(Channel ch);

        void failed(int reason);
    }

    public Originator(Pbx pbx, DialplanExecutor executor, Phones phones, Timings timings) {
        this.pbx = pbx;
        this.executor = executor;
        this.phones = phones;
        this.timings = timings;
    }

    public void originate(OriginateSpec spec, Listener listener) {
        String dial = spec.channel();
        int slash = dial.indexOf('/');
        String tech = slash < 0 ? "" : dial.substring(0, slash);
        String rest = slash < 0 ? "" : dial.substring(slash + 1);
        if (tech.equalsIgnoreCase("Local") && !rest.isEmpty()) {
            pbx.counters().inc("originates.local");
            local(spec, rest, listener, true);
        } else if (tech.equalsIgnoreCase("PJSIP") && !rest.isEmpty()) {
            pbx.counters().inc("originates.pjsip");
            pjsip(spec, rest, listener);
        } else {
            listener.failed(0);
        }
    }

    /**
     * Originates {@code Local/<exten>@<context>} for a simulated caller: the {@code ;2} half runs the dialplan, the
     * {@code ;1} half is the person and, once answered, runs nothing (the listener drives it). The pair is born
     * without caller ID and gets {@code spec.callerId()} by NewCallerid/NewConnectedLine, like any Originate.
     */
    public void originateCaller(OriginateSpec spec, Listener listener) {
        String dial = spec.channel();
        if (!dial.regionMatches(true, 0, "Local/", 0, 6) || dial.length() == 6) {
            throw new IllegalArgumentException("a simulated caller is a Local channel, not " + dial);
        }
        local(spec, dial.substring(6), listener, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private long timeout(OriginateSpec spec) {
        return spec.timeoutMs() > 0 ? spec.timeoutMs() : timings.defaultOriginateTimeoutMs();
    }

    /** @param runAnswered whether the answered {@code ;1} goes to the spec's application or extension */
    private void local(OriginateSpec spec, String target, Listener l, boolean runAnswered) {
        String t = target;
        int at = t.lastIndexOf('@');
        String exten = at < 0 ? t : t.substring(0, at);
        String context = at < 0 ? "default" : t.substring(at + 1);
        int opt = context.indexOf('/');
        if (opt >= 0) {
            context = context.substring(0, opt);
        }
        String base = "Local/" + exten + "@" + context + "-" + pbx.nextLocalSuffix();
        String u1 = blankToNull(spec.channelId()) != null ? spec.channelId() : pbx.nextUniqueid();
        String u2 = blankToNull(spec.otherChannelId()) != null ? spec.otherChannelId() : pbx.nextUniqueid();
        Channel one = pbx.newChannel(base + ";1", "Local", ChannelState.DOWN, context, exten, u1, u1);
        Channel two = pbx.newChannel(base + ";2", "Local", ChannelState.RING, context, exten, u2, u1);
        Pbx.pairLocal(one, two);
        l.created(one, two);
        String device = "Local/" + exten + "@" + context;
        one.setDevice(device);
        two.setDevice(device);
        pbx.newExten(one, "AppDial2", "(Outgoing Line)");
        applyVarsAndCallerId(spec, one, false);
        applyVarsAndCallerId(spec, two, true);
        if (!executor.exists(context, exten)) {
            two.setHangupCause(Causes.UNKNOWN);
            one.setHangupCause(Causes.UNKNOWN);
            pbx.finish(two, false, false);
            pbx.finish(one, false, false);
            l.failed(0);
            return;
        }
        pbx.localBridgeEvent(one, two, context, exten);
        pbx.emit(Pbx.dialEvent("DialBegin", one).add("DialString", exten + "@" + context));
        pbx.deviceState(device, "INUSE");

        boolean[] settled = {false};
        long[] timer = {-1};
        timer[0] = pbx.after(timeout(spec), () -> {
            if (settled[0] || !two.isAlive()) {
                return;
            }
            settled[0] = true;
            one.setOnPeerGoneBeforeAnswer(null);
            pbx.markHangupRequested(two, Causes.NO_ANSWER);
            l.failed(3);
            pbx.finish(two, true, false);
            one.setHangupCause(Causes.NO_ANSWER);
            pbx.finish(one, false, false);
        });
        two.setOnRinging(() -> {
            if (!settled[0]) {
                pbx.newState(one, ChannelState.RINGING);
                pbx.emit(Pbx.dialEvent("DialState", one).add("DialStatus", "RINGING"));
            }
        });
        two.setOnAnswered(() -> {
            if (settled[0]) {
                return;
            }
            settled[0] = true;
            pbx.cancel(timer[0]);
            one.setOnPeerGoneBeforeAnswer(null);
            pbx.answer(one);
            pbx.emit(Pbx.dialEvent("DialEnd", one).add("DialStatus", "ANSWER"));
            pbx.deviceState(device, "INUSE");
            l.answered(one);
            if (runAnswered) {
                startAnswered(spec, one);
            }
        });
        two.setOnDialFailure(status -> {
            if (settled[0]) {
                return;
            }
            settled[0] = true;
            pbx.cancel(timer[0]);
            one.setOnPeerGoneBeforeAnswer(null);
            pbx.emit(Pbx.dialEvent("DialEnd", one).add("DialStatus", status));
            pbx.markHangupRequested(two, Causes.UNKNOWN);
            one.setHangupCause(Causes.UNKNOWN);
            pbx.finish(one, false, false);
            l.failed(status.equals("BUSY") ? 5 : 8);
            two.setHangupCause(status.equals("BUSY") ? Causes.USER_BUSY : Causes.CONGESTION);
            pbx.finish(two, true, false);
        });
        one.setOnPeerGoneBeforeAnswer(cause -> {
            if (settled[0]) {
                return;
            }
            settled[0] = true;
            pbx.cancel(timer[0]);
            pbx.emit(Pbx.dialEvent("DialEnd", one).add("DialStatus", "NOANSWER"));
            l.failed(0);
        });
        one.onHangup(ch -> {
            if (!settled[0]) {
                settled[0] = true;
                pbx.cancel(timer[0]);
                l.failed(0);
            }
        });
        executor.run(two);
    }

    /**
     * The Originate's variables, then its CallerID: Asterisk sets it on the dialled channel after creating it (so
     * Newchannel shows {@code <unknown>}) as caller ID and connected line, two events; a Local {@code ;2} copies
     * both from {@code ;1} at once, so its NewCallerid already shows the connected line (ami-20, ami-12). Without a
     * CallerID there are no events.
     */
    private void applyVarsAndCallerId(OriginateSpec spec, Channel ch, boolean localTwo) {
        for (Map.Entry<String, String> v : spec.variables().entrySet()) {
            pbx.setVar(ch, v.getKey(), v.getValue());
        }
        CallerId cid = spec.callerId();
        if (cid.isUnknown()) {
            return;
        }
        ch.setCallerId(cid);
        if (localTwo) {
            ch.setConnectedLine(cid);
        }
        pbx.newCallerId(ch);
        ch.setConnectedLine(cid);
        pbx.newConnectedLine(ch);
    }

    private void startAnswered(OriginateSpec spec, Channel ch) {
        if (spec.application() != null && !spec.application().isBlank()) {
            executor.runApplication(ch, spec.application(), spec.data());
        } else {
            ch.setLocation(spec.context() == null ? "default" : spec.context(),
                spec.exten() == null ? "s" : spec.exten(), spec.priority() <= 0 ? 1 : spec.priority());
            executor.run(ch);
        }
    }

    private void pjsip(OriginateSpec spec, String number, Listener l) {
        String endpoint = number;
        int at = endpoint.indexOf('@');
        if (at >= 0) {
            endpoint = endpoint.substring(0, at);
        }
        PhoneBehaviour b = phones.behaviourOf(number);
        String uid = blankToNull(spec.channelId()) != null ? spec.channelId() : pbx.nextUniqueid();
        Channel ch = pbx.newChannel("PJSIP/" + endpoint + "-" + pbx.nextPjsipSuffix(), "PJSIP", ChannelState.DOWN,
            "default", "s", uid, uid);
        ch.amdResult = b.amdResult();
        ch.owner = b;
        ch.setDevice("PJSIP/" + endpoint);
        applyVarsAndCallerId(spec, ch, false);
        pbx.emit(Pbx.dialEvent("DialBegin", ch).add("DialString", number));
        boolean[] settled = {false};
        long[] timers = {-1, -1};
        long ring = Math.max(0, b.ringDelay().sample(pbx.random()));
        timers[0] = pbx.after(timeout(spec), () -> {
            if (settled[0]) {
                return;
            }
            settled[0] = true;
            pbx.cancel(timers[1]);
            pbx.counters().inc("phones.no-answer");
            pbx.markHangupRequested(ch, Causes.NO_ANSWER);
            l.failed(3);
            pbx.finish(ch, false, false);
        });
        ch.onHangup(c -> {
            pbx.cancel(timers[0]);
            pbx.cancel(timers[1]);
            if (!settled[0]) {
                settled[0] = true;
                l.failed(0);
            }
        });
        switch (b.kind()) {
            case BUSY:
            case CONGESTION:
            case REJECT:
                timers[1] = pbx.after(ring, () -> {
                    if (settled[0]) {
                        return;
                    }
                    settled[0] = true;
                    pbx.cancel(timers[0]);
                    String status = b.kind() == PhoneBehaviour.Kind.BUSY ? "BUSY"
                        : b.kind() == PhoneBehaviour.Kind.CONGESTION ? "CONGESTION" : "NOANSWER";
                    int cause = b.kind() == PhoneBehaviour.Kind.BUSY ? Causes.USER_BUSY
                        : b.kind() == PhoneBehaviour.Kind.CONGESTION ? Causes.CONGESTION : Causes.CALL_REJECTED;
                    pbx.counters().inc("phones." + status.toLowerCase(java.util.Locale.ROOT));
                    pbx.emit(Pbx.dialEvent("DialEnd", ch).add("DialStatus", status));
                    pbx.markHangupRequested(ch, cause);
                    l.failed(b.kind() == PhoneBehaviour.Kind.BUSY ? 5 : b.kind() == PhoneBehaviour.Kind.CONGESTION ? 8 : 0);
                    pbx.finish(ch, false, false);
                });
                return;
            case NO_ANSWER:
            case ANSWER:
            default:
                break;
        }
        pbx.after(1, () -> {
            if (settled[0] || !ch.isAlive()) {
                return;
            }
            pbx.newState(ch, ChannelState.RINGING);
            pbx.emit(Pbx.dialEvent("DialState", ch).add("DialStatus", "RINGING"));
            pbx.deviceState("PJSIP/" + ch.name().substring(6, ch.name().lastIndexOf('-')), "RINGING");
        });
        if (b.kind() == PhoneBehaviour.Kind.NO_ANSWER) {
            return;
        }
        timers[1] = pbx.after(Math.max(2, ring), () -> {
            if (settled[0] || !ch.isAlive()) {
                return;
            }
            settled[0] = true;
            pbx.cancel(timers[0]);
            pbx.counters().inc("phones.answered");
            pbx.answer(ch);
            pbx.emit(Pbx.dialEvent("DialEnd", ch).add("DialStatus", "ANSWER"));
            pbx.deviceState("PJSIP/" + ch.name().substring(6, ch.name().lastIndexOf('-')), "INUSE");
            l.answered(ch);
            if (b.talkTime() != null) {
                long talk = b.talkTime().sample(pbx.random());
                pbx.after(talk, () -> pbx.remoteHangup(ch, Causes.NORMAL_CLEARING));
            }
            startAnswered(spec, ch);
            pressKeys(ch, b.keys(), 0);
        });
    }

    /**
     * The answered person presses their keys: DTMF received on their channel (DTMFBegin/DTMFEnd, Direction
     * Received, as the recorded traces show a caller's keys), heard by whatever the dialplan runs there.
     */
    private void pressKeys(Channel ch, java.util.List<cc.simulator.DtmfStep> steps, int i) {
        if (i >= steps.size()) {
            return;
        }
        cc.simulator.DtmfStep s = steps.get(i);
        pbx.after(s.delayMs(), () -> {
            if (ch.isAlive()) {
                pbx.playDtmf(ch, s.digits(), timings.dtmfDurationMs(), timings.dtmfGapMs(),
                    () -> pressKeys(ch, steps, i + 1));
            }
        });
    }
}
