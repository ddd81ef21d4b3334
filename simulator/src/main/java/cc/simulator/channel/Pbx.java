package cc.simulator.channel;

import cc.simulator.ami.AmiMessage;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The switch: owns every channel and bridge, hands out names and uniqueids, runs timers and turns each change into
 * the AMI events real Asterisk 22 sends, with their headers in Asterisk's order.
 *
 * <p>Threading: every method must be called on the simulator's single event-loop context; nothing here locks.
 */
public final class Pbx {
    private final Vertx vertx;
    private final double timeScale;
    private final Consumer<AmiMessage> eventSink;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Variables variables = new Variables(this);
    private final Counters counters;
    private final Conferences conferences = new Conferences(this);
    private final Random random;
    private final long bootMs = System.currentTimeMillis();
    private long uniqueCounter;
    private int localCounter;
    private int pjsipCounter;
    private HangupHook hangupHook = ch -> { };

    /** Lets the dialplan run the {@code h} extension before a channel's Hangup event. */
    public interface HangupHook {
        void beforeHangup(Channel ch);
    }

    public Pbx(Vertx vertx, double timeScale, Consumer<AmiMessage> eventSink, Counters counters, Random random) {
        this.vertx = vertx;
        this.timeScale = timeScale;
        this.eventSink = eventSink;
        this.counters = counters;
        this.random = random;
    }

    public void setHangupHook(HangupHook hook) {
        this.hangupHook = hook;
    }

    /** The ConfBridge conferences running on this switch. */
    public Conferences conferences() {
        return conferences;
    }

    public Counters counters() {
        return counters;
    }

    public Random random() {
        return random;
    }

    public Map<String, String> globals() {
        return variables.globals();
    }

    public long uptimeSeconds() {
        return (System.currentTimeMillis() - bootMs) / 1000;
    }

    public long bootMs() {
        return bootMs;
    }

    // ---- time ----

    /** Runs {@code task} after {@code ms} simulated milliseconds (scaled by the configured time scale). */
    public long after(long ms, Runnable task) {
        long scaled = Math.max(1, Math.round(ms * timeScale));
        return vertx.setTimer(scaled, id -> task.run());
    }

    public void cancel(long timerId) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Simulated milliseconds since {@code startMs} (wall clock divided by the time scale). */
    public long simulatedSince(long startMs) {
        return Math.round((System.currentTimeMillis() - startMs) / timeScale);
    }

    public long now() {
        return System.currentTimeMillis();
    }

    // ---- registry ----

    public Channel find(String name) {
        return name == null ? null : channels.get(name);
    }

    public Collection<Channel> channels() {
        return channels.values();
    }

    public String nextUniqueid() {
        return (System.currentTimeMillis() / 1000) + "." + (uniqueCounter++);
    }

    public String nextLocalSuffix() {
        return String.format("%08x", localCounter++);
    }

    public String nextPjsipSuffix() {
        return String.format("%08x", pjsipCounter++);
    }

    /** Creates a channel and sends its Newchannel event; it is born without caller ID (ami-20). */
    public Channel newChannel(String name, String type, ChannelState state, String context, String exten,
                              String uniqueid, String linkedid) {
        Channel ch = new Channel(name, uniqueid, type, state, context, exten, now());
        if (linkedid != null) {
            ch.linkedid = linkedid;
        }
        channels.put(name, ch);
        counters.inc("channels.created");
        emit(channelEvent("Newchannel", "call,all", ch));
        return ch;
    }

    // ---- events ----

    public void emit(AmiMessage event) {
        eventSink.accept(event);
    }

    public static AmiMessage channelEvent(String name, String privilege, Channel ch) {
        AmiMessage m = AmiMessage.event(name, privilege);
        appendChannel(m, "", ch);
        return m;
    }

    public static void appendChannel(AmiMessage m, String prefix, Channel ch) {
        m.add(prefix + "Channel", ch.name);
        m.add(prefix + "ChannelState", Integer.toString(ch.state.code));
        m.add(prefix + "ChannelStateDesc", ch.state.desc);
        m.add(prefix + "CallerIDNum", ch.callerId.shownNum());
        m.add(prefix + "CallerIDName", ch.callerId.shownName());
        m.add(prefix + "ConnectedLineNum", ch.connectedLine.shownNum());
        m.add(prefix + "ConnectedLineName", ch.connectedLine.shownName());
        m.add(prefix + "Language", ch.language);
        m.add(prefix + "AccountCode", ch.accountCode);
        m.add(prefix + "Context", ch.context);
        m.add(prefix + "Exten", ch.exten);
        m.add(prefix + "Priority", Integer.toString(ch.priority));
        m.add(prefix + "Uniqueid", ch.uniqueid);
        m.add(prefix + "Linkedid", ch.linkedid);
    }

    public void newState(Channel ch, ChannelState state) {
        if (ch.state == state) {
            return;
        }
        ch.state = state;
        emit(channelEvent("Newstate", "call,all", ch));
    }

    public void newExten(Channel ch, String app, String data) {
        ch.app = app;
        ch.appData = data;
        boolean cidChanged = applyPendingCallerId(ch);
        emit(channelEvent("Newexten", "dialplan,all", ch)
            .add("Extension", ch.exten).add("Application", app).add("AppData", data));
        if (cidChanged) {
            newCallerId(ch);
        }
    }

    /** Sets a channel variable (a global when {@code ch} is null) or writes a dialplan function; see {@link Variables}. */
    public void setVar(Channel ch, String name, String value) {
        variables.set(ch, name, value);
    }

    /** A channel variable or function as ${...} would read it; null when unset. */
    public String readVar(Channel ch, String name) {
        return variables.read(ch, name);
    }

    /** Expands ${VAR} references the way the dialplan and GET FULL VARIABLE do (unset -> empty). */
    public String substitute(Channel ch, String text) {
        return variables.substitute(ch, text);
    }

    /**
     * Announces the channel's caller ID after it changed (Originate's CallerID, Set(CALLERID(...)), a Local pair).
     * A party with no number comes with presentation 67 (a bridge peer without caller ID reaching a Local half,
     * ami-17); one with a number with 0 (ami-20).
     */
    public void newCallerId(Channel ch) {
        String presentation = ch.callerId.num().isEmpty() ? "67 (Number Unavailable)"
            : "0 (Presentation Allowed, Not Screened)";
        emit(channelEvent("NewCallerid", "call,all", ch).add("CID-CallingPres", presentation));
    }

    /** Announces the channel's connected line after it changed. */
    public void newConnectedLine(Channel ch) {
        emit(channelEvent("NewConnectedLine", "call,all", ch));
    }

    // ---- answer, ringing ----

    /** Answers a channel that is not up yet; tells whoever waits for the answer (an Originate, a Local ;1). */
    public void answer(Channel ch) {
        if (ch.state == ChannelState.UP || ch.finished) {
            return;
        }
        ch.answeredAtMs = now();
        newState(ch, ChannelState.UP);
        Runnable r = ch.onAnswered;
        ch.onAnswered = null;
        if (r != null) {
            r.run();
        }
    }

    /** The channel signals ringing back to whoever called it (the Ringing app, a ringing phone). */
    public void ringing(Channel ch) {
        Runnable r = ch.onRinging;
        ch.onRinging = null;
        if (r != null) {
            r.run();
        }
    }

    // ---- hangup ----

    /**
     * A hangup asked from inside Asterisk: the Hangup app, the AMI Hangup action, the dialplan running out. Sends
     * SoftHangupRequest, then either ends the channel or, if AGI runs on it, tells the AGI session and waits.
     */
    public void softHangup(Channel ch, int cause) {
        softHangup(ch, cause, 16);
    }

    /**
     * @param softCause what SoftHangupRequest prints as Cause: Asterisk's soft-hangup flag, 16 for the dialplan and
     *     AMI, 32 (explicit) for the AGI HANGUP command
     */
    public void softHangup(Channel ch, int cause, int softCause) {
        if (ch.finished || ch.hangupRequested) {
            return;
        }
        ch.hangupRequested = true;
        ch.hangupCause = cause;
        ch.softHangupSent = true;
        stopMoh(ch);
        emit(channelEvent("SoftHangupRequest", "call,all", ch).add("Cause", Integer.toString(softCause)));
        if (keepsRunning(ch)) {
            return;
        }
        finish(ch, true);
    }

    /**
     * The far side went away (the other Local half, a phone or caller that hung up). Sends HangupRequest with the
     * cause; an AGI session on the channel is told and the channel ends when the script is done.
     */
    public void remoteHangup(Channel ch, int cause) {
        if (ch.finished || ch.hangupRequested) {
            return;
        }
        ch.hangupRequested = true;
        ch.hangupCause = cause;
        emit(channelEvent("HangupRequest", "call,all", ch).add("Cause", Integer.toString(cause)));
        if (keepsRunning(ch)) {
            return;
        }
        finish(ch, true);
    }

    private boolean keepsRunning(Channel ch) {
        Activity a = ch.activity;
        if (a != null && a.survivesHangup()) {
            a.onHangup();
            return true;
        }
        return false;
    }

    /**
     * AMI Redirect to an extension that does not exist: Asterisk requests the hangup where the channel was, then
     * the channel ends at the new (missing) place with cause 0 (ami-06).
     */
    public void hangupAfterBadRedirect(Channel ch, String context, String exten, int priority) {
        ch.hangupRequested = true;
        ch.hangupCause = Causes.UNKNOWN;
        ch.softHangupSent = true;
        stopMoh(ch);
        emit(channelEvent("SoftHangupRequest", "call,all", ch).add("Cause", "16"));
        ch.setLocation(context, exten, priority);
        finish(ch, true);
    }

    /** Called by the dialplan when the channel's application is done and a hangup is pending. */
    public void completePendingHangup(Channel ch) {
        if (!ch.finished) {
            finish(ch, true);
        }
    }

    /**
     * Ends a channel: stops what it does, leaves its bridge, pushes the hangup to the other Local half, sends
     * Hangup and Cdr. {@code soft} adds the SoftHangupRequest Asterisk sends for channels running dialplan.
     */
    public void finish(Channel ch, boolean soft) {
        finish(ch, soft, true);
    }

    /** Sends HangupRequest and marks the channel as going, without ending it yet. */
    public void markHangupRequested(Channel ch, int cause) {
        ch.hangupRequested = true;
        ch.hangupCause = cause;
        emit(channelEvent("HangupRequest", "call,all", ch).add("Cause", Integer.toString(cause)));
    }

    public void finish(Channel ch, boolean soft, boolean propagate) {
        if (ch.finished) {
            return;
        }
        ch.finished = true;
        ch.hangupRequested = true;
        Activity a = ch.activity;
        ch.activity = null;
        if (a != null && !(a instanceof BridgedActivity)) {
            a.interrupt();
        }
        ch.dtmfListener = null;
        if (ch.moh) {
            stopMoh(ch);
        }
        if (soft && ch.ranDialplan && ch.bridge == null && !ch.softHangupSent) {
            ch.softHangupSent = true;
            emit(channelEvent("SoftHangupRequest", "call,all", ch).add("Cause", "16"));
        }
        if (ch.inPbx) {
            hangupHook.beforeHangup(ch);
        }
        Channel peer = ch.localPeer;
        boolean peerPending = false;
        if (propagate && peer != null && !peer.finished) {
            if (!peer.hangupRequested) {
                Consumer<Integer> beforeAnswer = peer.onPeerGoneBeforeAnswer;
                peer.onPeerGoneBeforeAnswer = null;
                peer.hangupRequested = true;
                peer.hangupCause = ch.hangupCause;
                String dialStatus = ch.localOne ? null : ch.vars.get("DIALSTATUS");
                if (dialStatus != null) {
                    // chan_local hands the ;2 half's last Dial() result to ;1 (ami-22)
                    setVar(peer, "CHANLOCALSTATUS", dialStatus);
                }
                emit(channelEvent("HangupRequest", "call,all", peer).add("Cause", Integer.toString(ch.hangupCause)));
                if (beforeAnswer != null) {
                    beforeAnswer.accept(ch.hangupCause);
                }
                peerPending = true;
            }
        }
        if (ch.bridge != null) {
            leaveBridge(ch);
        }
        if (a instanceof BridgedActivity) {
            ((BridgedActivity) a).onHangup.run();
        }
        boolean cidChanged = applyPendingCallerId(ch);
        emit(channelEvent("Hangup", "call,all", ch)
            .add("Cause", Integer.toString(ch.hangupCause)).add("Cause-txt", Causes.text(ch.hangupCause)));
        emit(Cdr.of(ch, now()));
        if (cidChanged) {
            newCallerId(ch);
        }
        if (ch.device != null) {
            deviceState(ch.device, "NOT_INUSE");
        }
        channels.remove(ch.name);
        counters.inc("channels.hungup");
        for (Consumer<Channel> l : new ArrayList<>(ch.hangupListeners)) {
            l.accept(ch);
        }
        if (peerPending && !peer.finished) {
            if (!keepsRunning(peer)) {
                finish(peer, true, false);
            }
        }
    }

    // ---- device state ----

    /** A DeviceStateChange event (INUSE, NOT_INUSE, RINGING, ...). */
    public void deviceState(String device, String state) {
        emit(AmiMessage.event("DeviceStateChange", "call,all").add("Device", device).add("State", state));
    }

    // ---- music on hold ----

    public void startMoh(Channel ch, String mohClass) {
        if (ch.moh) {
            return;
        }
        ch.moh = true;
        emit(channelEvent("MusicOnHoldStart", "call,all", ch).add("Class", mohClass == null || mohClass.isEmpty() ? "default" : mohClass));
    }

    public void stopMoh(Channel ch) {
        if (!ch.moh) {
            return;
        }
        ch.moh = false;
        emit(channelEvent("MusicOnHoldStop", "call,all", ch));
    }

    // ---- DTMF ----

    /**
     * Plays {@code digits} into {@code target} as received DTMF: each digit begins 100 ms after the previous one
     * ended plus a 250 ms gap, lasts {@code durationMs}; the digit is delivered to the listener when it ends.
     * {@code done} runs after the last digit.
     */
    public void playDtmf(Channel target, String digits, long durationMs, long gapMs, Runnable done) {
        long t = 100;
        for (int i = 0; i < digits.length(); i++) {
            char d = digits.charAt(i);
            long begin = t;
            after(begin, () -> {
                if (target.finished) {
                    return;
                }
                emit(channelEvent("DTMFBegin", "dtmf,all", target).add("Digit", String.valueOf(d)).add("Direction", "Received"));
            });
            after(begin + durationMs, () -> {
                if (target.finished) {
                    return;
                }
                emit(channelEvent("DTMFEnd", "dtmf,all", target).add("Digit", String.valueOf(d))
                    .add("DurationMs", Long.toString(durationMs)).add("Direction", "Received"));
                Consumer<Character> l = target.dtmfListener;
                if (l != null) {
                    l.accept(d);
                }
            });
            t += durationMs + gapMs;
        }
        if (done != null) {
            after(Math.max(1, t), done);
        }
    }

    /** Where DTMF sent by {@code from} arrives: the other Local half, else the bridge peer. */
    public Channel dtmfTarget(Channel from) {
        if (from.localPeer != null && !from.localPeer.finished) {
            return from.localPeer;
        }
        if (from.bridge != null) {
            for (Channel c : from.bridge.members) {
                if (c != from) {
                    return c;
                }
            }
        }
        return null;
    }

    // ---- bridges ----

    /** Bridges two channels whose current activity has been stopped; each gets {@code onLeave} when kicked out. */
    public void bridge(Channel a, Channel b) {
        bridge(a, b, true);
    }

    /**
     * @param updateConnectedLines false for a Dial() bridge: Dial has already given both parties their connected
     *     line, and the recorded caller gets no NewConnectedLine when it enters the bridge (ami-22)
     */
    public void bridge(Channel a, Channel b, boolean updateConnectedLines) {
        Bridge br = new Bridge(UUID.randomUUID().toString());
        emit(bridgeEvent("BridgeCreate", br, 0).message);
        for (Channel c : List.of(a, b)) {
            if (c.moh) {
                stopMoh(c);
            }
            if (c.advanceOnBridge) {
                c.advanceOnBridge = false;
                c.priority++;
            }
        }
        br.members.add(a);
        a.bridge = br;
        emit(bridgeEvent("BridgeEnter", br, 1).andChannel(a));
        br.members.add(b);
        b.bridge = br;
        emit(bridgeEvent("BridgeEnter", br, 2).andChannel(b));
        for (Channel c : List.of(a, b)) {
            // a blind-transferred channel forgets who transferred it once it is bridged again (ami-22)
            String transferer = c.vars.get("BLINDTRANSFER");
            if (transferer != null && !transferer.isEmpty()) {
                setVar(c, "BLINDTRANSFER", "");
            }
        }
        a.cdrDestChannel = b.name;
        setVar(a, "BRIDGEPEER", b.name);
        setVar(b, "BRIDGEPEER", a.name);
        if (updateConnectedLines) {
            CallerId aParty = a.callerId;
            updateConnectedLine(b, aParty);
            updateConnectedLine(a, b.callerId);
        }
        counters.inc("bridges.created");
        for (Channel c : List.of(a, b)) {
            Runnable r = c.onBridged;
            if (r != null) {
                r.run();
            }
        }
    }

    /**
     * A bridged party learns who it talks to. Through a Local pair the update reaches the {@code ;2} half as its
     * caller ID (the recorded ;1 updates arrive only after hangup, ami-17, so they are left out).
     */
    private void updateConnectedLine(Channel ch, CallerId party) {
        if (party.equals(ch.connectedLine)) {
            return;
        }
        ch.connectedLine = party;
        newConnectedLine(ch);
        Channel half = ch.localPeer;
        if (half != null && !half.finished && !party.equals(half.callerId)) {
            half.pendingCallerId = party;
        }
    }

    /**
     * A caller-ID change travelling through a Local pair is a frame the other half reads when it next runs an
     * application, or only after its hangup (both seen in ami-17).
     */
    private boolean applyPendingCallerId(Channel ch) {
        CallerId p = ch.pendingCallerId;
        if (p == null) {
            return false;
        }
        ch.pendingCallerId = null;
        ch.callerId = p;
        return true;
    }

    /**
     * Takes one channel out of its bridge; a two-party bridge ends for the other one too, whose bridged activity
     * decides what it does next.
     */
    public void leaveBridge(Channel ch) {
        leaveBridge(ch, (Runnable) null);
    }

    /**
     * @param next where the leaving channel goes: its BridgeLeave already shows it, its BRIDGEPEER reset does not
     *     (a blind transfer, ami-22); null to stay where it is
     */
    public void leaveBridge(Channel ch, Location next) {
        leaveBridge(ch, next == null ? null : () -> ch.setLocation(next.context(), next.exten(), next.priority()));
    }

    /**
     * An AMI Redirect takes a bridged channel out: it leaves at once for its new place, which its BridgeLeave
     * already shows (ami-25); a two-party bridge ends for the other party too.
     */
    public void leaveBridgeForRedirect(Channel ch, String context, String exten, int priority) {
        if (ch.bridge != null) {
            leaveBridge(ch, () -> ch.setLocation(context, exten, priority));
        }
    }

    /**
     * Takes the channel out of its bridge. {@code afterPeersCleared} runs once BRIDGEPEER is cleared and before
     * BridgeLeave: a Redirect moves the channel there, so its BridgeLeave already shows the new place (ami-24).
     */
    public void leaveBridge(Channel ch, Runnable afterPeersCleared) {
        Bridge br = ch.bridge;
        if (br.leaveHandler != null) {
            br.leaveHandler.accept(ch);
            return;
        }
        ch.bridge = null;
        br.members.remove(ch);
        List<Channel> rest = new ArrayList<>(br.members);
        setVar(ch, "BRIDGEPEER", "");
        for (Channel other : rest) {
            if (!other.finished) {
                setVar(other, "BRIDGEPEER", "");
            }
        }
        if (afterPeersCleared != null) {
            afterPeersCleared.run();
        }
        emit(bridgeEvent("BridgeLeave", br, br.members.size()).andChannel(ch));
        if (br.members.size() <= 1) {
            for (Channel other : rest) {
                other.bridge = null;
                br.members.remove(other);
                emit(bridgeEvent("BridgeLeave", br, br.members.size()).andChannel(other));
            }
            emit(bridgeEvent("BridgeDestroy", br, 0).message);
            for (Channel other : rest) {
                Activity act = other.activity;
                if (act instanceof BridgedActivity) {
                    other.activity = null;
                    ((BridgedActivity) act).onLeave.run();
                }
            }
        }
    }

    /** The activity of a channel sitting in a bridge; {@code onLeave} continues its dialplan when the bridge ends. */
    public static final class BridgedActivity implements Activity {
        final Runnable onLeave;
        final Runnable onHangup;

        public BridgedActivity(Runnable onLeave) {
            this(onLeave, () -> { });
        }

        /** @param onHangup runs when the channel itself hangs up while bridged (the Bridge app's BRIDGERESULT) */
        public BridgedActivity(Runnable onLeave, Runnable onHangup) {
            this.onLeave = onLeave;
            this.onHangup = onHangup;
        }

        @Override
        public void interrupt() {
        }
    }

    static final class BridgeEventBuilder {
        final AmiMessage message;

        BridgeEventBuilder(AmiMessage message) {
            this.message = message;
        }

        AmiMessage andChannel(Channel ch) {
            appendChannel(message, "", ch);
            return message;
        }
    }

    static BridgeEventBuilder bridgeEvent(String name, Bridge br, int count) {
        return new BridgeEventBuilder(appendBridge(AmiMessage.event(name, "call,all"), br, count));
    }

    /** The bridge keys of Bridge* events and of events about a bridge (BlindTransfer, Confbridge*). */
    public static AmiMessage appendBridge(AmiMessage m, Bridge br, int count) {
        return m.add("BridgeUniqueid", br.id)
            .add("BridgeType", br.type)
            .add("BridgeTechnology", br.technology)
            .add("BridgeCreator", br.creator)
            .add("BridgeName", br.name)
            .add("BridgeNumChannels", Integer.toString(count))
            .add("BridgeVideoSourceMode", "none");
    }

    // ---- Local pairs ----

    public static void pairLocal(Channel one, Channel two) {
        one.localPeer = two;
        two.localPeer = one;
        one.localOne = true;
    }

    public void localBridgeEvent(Channel one, Channel two, String context, String exten) {
        AmiMessage m = AmiMessage.event("LocalBridge", "call,all");
        appendChannel(m, "LocalOne", one);
        appendChannel(m, "LocalTwo", two);
        m.add("Context", context).add("Exten", exten).add("LocalOptimization", "Yes");
        emit(m);
    }

    public static AmiMessage dialEvent(String name, Channel dest) {
        AmiMessage m = AmiMessage.event(name, "call,all");
        appendChannel(m, "Dest", dest);
        return m;
    }
}
