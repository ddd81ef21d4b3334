package cc.simulator.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One simulated channel. Mutable, and only ever touched on the simulator's event loop (no locks). Fields are
 * package-visible to the switch and read through accessors elsewhere.
 */
public final class Channel {
    final String name;
    final String uniqueid;
    String linkedid;
    final String type;
    ChannelState state;
    CallerId callerId = CallerId.UNKNOWN;
    CallerId connectedLine = CallerId.UNKNOWN;
    String language = "en";
    String accountCode = "";
    String context;
    String exten;
    int priority = 1;
    final Map<String, String> vars = new LinkedHashMap<>();
    Channel localPeer;
    boolean localOne;
    Bridge bridge;
    boolean moh;
    String app = "";
    String appData = "";
    final long createdAtMs;
    long answeredAtMs;
    Activity activity;
    boolean inPbx;
    boolean hangupRequested;
    boolean finished;
    boolean softHangupSent;
    int hangupCause;
    Consumer<Character> dtmfListener;
    final List<Consumer<Channel>> hangupListeners = new ArrayList<>(2);
    Runnable onAnswered;
    Runnable onRinging;
    /** For a Local ;1 before it is answered: what to do when the other half dies first. */
    Consumer<Integer> onPeerGoneBeforeAnswer;
    /** The simulated far end decides the AMD result for calls it answers. */
    public String amdResult;
    /** Free attachment for the people behind this channel (caller scripts, phones). */
    public Object owner;
    String cdrDestChannel = "";
    /** Busy()/Congestion() on a Local ;2 before answer: tells the originating side which dial status to report. */
    java.util.function.Consumer<String> onDialFailure;
    int pbxGeneration;
    Runnable onBridged;
    boolean advanceOnBridge;
    /** A caller ID sent through the Local pair by the other half, not read by this half yet (see Pbx). */
    CallerId pendingCallerId;
    /** The device whose state this channel drives (Local/exten@context, PJSIP/endpoint), or null. */
    String device;
    /** The FastAGI exchange on this channel, as {@code > command} / {@code < reply} lines, for test assertions. */
    public final List<String> agiTranscript = new ArrayList<>();
    boolean ranDialplan;
    /** Where the channel goes when its next bridge ends, instead of the next priority (a blind transfer, ami-22). */
    Location afterBridgeGoto;

    Channel(String name, String uniqueid, String type, ChannelState state, String context, String exten, long now) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = uniqueid;
        this.type = type;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.createdAtMs = now;
    }

    public String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String linkedid() {
        return linkedid;
    }

    public ChannelState state() {
        return state;
    }

    public String context() {
        return context;
    }

    public String exten() {
        return exten;
    }

    public int priority() {
        return priority;
    }

    public void setLocation(String context, String exten, int priority) {
        this.context = context;
        this.exten = exten;
        this.priority = priority;
    }

    public void setAfterBridgeGoto(Location location) {
        this.afterBridgeGoto = location;
    }

    /** The after-bridge location, once: null when the channel has none. */
    public Location takeAfterBridgeGoto() {
        Location l = afterBridgeGoto;
        afterBridgeGoto = null;
        return l;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public CallerId callerId() {
        return callerId;
    }

    public CallerId connectedLine() {
        return connectedLine;
    }

    /** The caller number as AMI shows it ({@code <unknown>} when there is none). */
    public String callerIdNum() {
        return callerId.shownNum();
    }

    /** The caller name as AMI shows it ({@code <unknown>} when there is none). */
    public String callerIdName() {
        return callerId.shownName();
    }

    public String language() {
        return language;
    }

    public String type() {
        return type;
    }

    public Channel localPeer() {
        return localPeer;
    }

    public boolean isLocalOne() {
        return localOne;
    }

    public boolean isAlive() {
        return !finished;
    }

    public boolean hangupRequested() {
        return hangupRequested;
    }

    public int hangupCause() {
        return hangupCause;
    }

    public Bridge bridge() {
        return bridge;
    }

    public boolean inBridge() {
        return bridge != null;
    }

    public String var(String key) {
        return vars.get(key);
    }

    public Map<String, String> vars() {
        return vars;
    }

    public void setApp(String app, String data) {
        this.app = app;
        this.appData = data;
    }

    public String app() {
        return app;
    }

    public String appData() {
        return appData;
    }

    public long createdAtMs() {
        return createdAtMs;
    }

    public long answeredAtMs() {
        return answeredAtMs;
    }

    public Activity activity() {
        return activity;
    }

    public void setActivity(Activity activity) {
        this.activity = activity;
    }

    public void setInPbx(boolean inPbx) {
        this.inPbx = inPbx;
    }

    public boolean inPbx() {
        return inPbx;
    }

    public void setDtmfListener(Consumer<Character> listener) {
        this.dtmfListener = listener;
    }

    public void onHangup(Consumer<Channel> listener) {
        hangupListeners.add(listener);
    }

    public void setOnAnswered(Runnable r) {
        this.onAnswered = r;
    }

    public void setOnRinging(Runnable r) {
        this.onRinging = r;
    }

    public void setOnPeerGoneBeforeAnswer(Consumer<Integer> c) {
        this.onPeerGoneBeforeAnswer = c;
    }

    /** Sets the caller ID without an event; {@link Pbx#newCallerId} announces it. */
    public void setCallerId(CallerId callerId) {
        this.callerId = callerId;
    }

    /** Sets the connected line without an event; {@link Pbx#newConnectedLine} announces it. */
    public void setConnectedLine(CallerId connectedLine) {
        this.connectedLine = connectedLine;
    }

    /** The channel leaves its application for a bridge and will resume at the next priority. */
    public void setAdvanceOnBridge(boolean advance) {
        this.advanceOnBridge = advance;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public void setOnBridged(Runnable r) {
        this.onBridged = r;
    }

    public void setOnDialFailure(java.util.function.Consumer<String> c) {
        this.onDialFailure = c;
    }

    /** Consumes the dial-failure hook (it fires once). */
    public java.util.function.Consumer<String> takeOnDialFailure() {
        java.util.function.Consumer<String> c = onDialFailure;
        onDialFailure = null;
        return c;
    }

    /** Bumped whenever the dialplan is taken away from the current application (redirect, bridge). */
    public int pbxGeneration() {
        return pbxGeneration;
    }

    public int bumpPbxGeneration() {
        return ++pbxGeneration;
    }

    public boolean ranDialplan() {
        return ranDialplan;
    }

    public void setRanDialplan(boolean v) {
        this.ranDialplan = v;
    }

    public void setHangupCause(int cause) {
        this.hangupCause = cause;
    }

    public boolean moh() {
        return moh;
    }

    @Override
    public String toString() {
        return name;
    }
}
