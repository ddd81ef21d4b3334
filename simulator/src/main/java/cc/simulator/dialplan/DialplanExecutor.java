package cc.simulator.dialplan;

import cc.simulator.Timings;
import cc.simulator.ami.AmiMessage;
import cc.simulator.channel.Activity;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.ChannelState;
import cc.simulator.channel.Pbx;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Runs channels through the dialplan, one priority at a time, and implements the applications. Asynchronous
 * applications hold the channel's {@link Activity}; completing them moves to the next priority unless the channel
 * was redirected, bridged or hung up meanwhile (checked with the channel's dialplan generation).
 *
 * <p>Threading: event loop only.
 */
public final class DialplanExecutor {
    /** The result Bridge() reports when its bridge ended under it (not the channel hanging up). */
    private static final int BRIDGE_ENDED = 1;
    private final Pbx pbx;
    private final Dialplan dialplan;
    private final Timings timings;
    private AgiRunner agi;
    private DialApplication dial;
    /** Channels running a subroutine for Dial's U() option, and what to do when it returns. */
    private final java.util.Map<Channel, Runnable> subroutineReturns = new java.util.IdentityHashMap<>();

    public DialplanExecutor(Pbx pbx, Dialplan dialplan, Timings timings) {
        this.pbx = pbx;
        this.dialplan = dialplan;
        this.timings = timings;
        pbx.setHangupHook(this::runHangupExtension);
    }

    public void setAgiRunner(AgiRunner agi) {
        this.agi = agi;
    }

    public void setDialApplication(DialApplication dial) {
        this.dial = dial;
    }

    public Dialplan dialplan() {
        return dialplan;
    }

    public Timings timings() {
        return timings;
    }

    /**
     * Runs a channel through {@code <context>,s,1} with the arguments as ARG1..n until Return() (Dial's U() option on
     * the answered callee); {@code returned} runs then. A context without {@code s} hangs the channel up.
     */
    public void runSubroutine(Channel ch, String context, List<String> args, Runnable returned) {
        for (int i = 0; i < args.size(); i++) {
            pbx.setVar(ch, "ARG" + (i + 1), args.get(i));
        }
        if (!exists(context, "s")) {
            pbx.softHangup(ch, Causes.UNKNOWN);
            return;
        }
        subroutineReturns.put(ch, returned);
        ch.onHangup(subroutineReturns::remove);
        ch.setLocation(context, "s", 1);
        run(ch);
    }

    public boolean exists(String context, String exten) {
        return dialplan.find(context, exten) != null;
    }

    /** Runs the channel from its current context, extension and priority. */
    public void run(Channel ch) {
        if (!ch.isAlive()) {
            return;
        }
        ch.setInPbx(true);
        ch.setRanDialplan(true);
        if (ch.hangupRequested()) {
            pbx.completePendingHangup(ch);
            return;
        }
        Dialplan.Extension ext = dialplan.find(ch.context(), ch.exten());
        if (ext == null) {
            pbx.softHangup(ch, Causes.UNKNOWN);
            return;
        }
        Step step = ext.step(ch.priority());
        if (step == null) {
            pbx.softHangup(ch, Causes.NORMAL_CLEARING);
            return;
        }
        String data = pbx.substitute(ch, step.data());
        pbx.newExten(ch, step.app(), data);
        String app = step.app().toLowerCase(Locale.ROOT);
        switch (app) {
            case "hangup":
                pbx.softHangup(ch, parseInt(data, Causes.NORMAL_CLEARING));
                return;
            case "goto":
                jump(ch, data);
                run(ch);
                return;
            case "gotoif":
                gotoIf(ch, data);
                run(ch);
                return;
            default:
                break;
        }
        int generation = ch.pbxGeneration();
        boolean[] completed = {false};
        Activity activity = execApp(ch, step.app(), data, result -> {
            completed[0] = true;
            if (ch.pbxGeneration() != generation || !ch.isAlive()) {
                return;
            }
            ch.setActivity(null);
            if (ch.hangupRequested()) {
                pbx.completePendingHangup(ch);
                return;
            }
            ch.setPriority(ch.priority() + 1);
            run(ch);
        });
        if (!completed[0] && activity != null && ch.pbxGeneration() == generation && ch.isAlive()) {
            ch.setActivity(activity);
        }
    }

    /** The Originate "Application" form: run one application on the channel, then hang it up (cause 0, as Asterisk). */
    public void runApplication(Channel ch, String app, String data) {
        ch.setInPbx(true);
        ch.setApp(app, data == null ? "" : data);
        int generation = ch.pbxGeneration();
        boolean[] completed = {false};
        Activity activity = execApp(ch, app, data == null ? "" : data, result -> {
            completed[0] = true;
            if (ch.pbxGeneration() != generation || !ch.isAlive()) {
                return;
            }
            ch.setActivity(null);
            if (!ch.hangupRequested()) {
                // Bridge() returning because its bridge ended is a normal clearing (ami-25); anything else is 0
                ch.setHangupCause(result == BRIDGE_ENDED ? Causes.NORMAL_CLEARING : Causes.UNKNOWN);
            }
            pbx.finish(ch, false);
        });
        if (!completed[0] && activity != null && ch.pbxGeneration() == generation && ch.isAlive()) {
            ch.setActivity(activity);
        }
    }

    /** AMI Redirect: leave whatever the channel does and continue at the new place. */
    public void redirect(Channel ch, String context, String exten, int priority) {
        ch.bumpPbxGeneration();
        Activity a = ch.activity();
        ch.setActivity(null);
        if (a != null) {
            a.interrupt();
        }
        pbx.stopMoh(ch);
        ch.setDtmfListener(null);
        pbx.leaveBridgeForRedirect(ch, context, exten, priority);
        if (dialplan.find(context, exten) == null) {
            pbx.hangupAfterBadRedirect(ch, context, exten, priority);
            return;
        }
        ch.setLocation(context, exten, priority);
        run(ch);
    }

    /**
     * Takes a channel out of its application to put it in a bridge; when the bridge ends it continues at the next
     * priority (dialplan channels) or hangs up (Originate application channels).
     */
    public Pbx.BridgedActivity pullIntoBridge(Channel ch) {
        ch.bumpPbxGeneration();
        Activity a = ch.activity();
        ch.setActivity(null);
        if (a != null) {
            a.leaveForBridge();
        }
        ch.setDtmfListener(null);
        boolean dialplanChannel = ch.ranDialplan();
        ch.setAdvanceOnBridge(dialplanChannel);
        Pbx.BridgedActivity bridged = new Pbx.BridgedActivity(() -> {
            if (!ch.isAlive()) {
                return;
            }
            if (dialplanChannel) {
                run(ch);
            } else {
                ch.setHangupCause(Causes.UNKNOWN);
                pbx.finish(ch, false);
            }
        });
        ch.setActivity(bridged);
        return bridged;
    }

    private void runHangupExtension(Channel ch) {
        if (!ch.ranDialplan()) {
            return;
        }
        Dialplan.Extension h = dialplan.find(ch.context(), "h");
        if (h == null) {
            return;
        }
        ch.setLocation(ch.context(), "h", 1);
        for (Step s : h.steps()) {
            String app = s.app().toLowerCase(Locale.ROOT);
            String data = pbx.substitute(ch, s.data());
            pbx.newExten(ch, s.app(), data);
            if (app.equals("set")) {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    pbx.setVar(ch, data.substring(0, eq), data.substring(eq + 1));
                }
            }
            ch.setPriority(ch.priority() + 1);
        }
    }

    private void jump(Channel ch, String label) {
        String[] parts = label.split(",");
        String context = ch.context();
        String exten = ch.exten();
        int priority;
        if (parts.length >= 3) {
            context = parts[0].trim();
            exten = parts[1].trim();
            priority = parseInt(parts[2], 1);
        } else if (parts.length == 2) {
            exten = parts[0].trim();
            priority = parseInt(parts[1], 1);
        } else {
            priority = parseInt(parts[0], 1);
        }
        ch.setLocation(context, exten, priority);
    }

    private void gotoIf(Channel ch, String data) {
        int q = data.indexOf('?');
        if (q < 0) {
            ch.setPriority(ch.priority() + 1);
            return;
        }
        String cond = data.substring(0, q).trim();
        String[] targets = data.substring(q + 1).split(":", -1);
        String target = evaluate(cond) ? targets[0] : (targets.length > 1 ? targets[1] : "");
        if (target.isBlank()) {
            ch.setPriority(ch.priority() + 1);
        } else {
            jump(ch, target.trim());
        }
    }

    /** Enough of Asterisk expressions for GotoIf: {@code a=b}, {@code a!=b}, or a truth value. */
    static boolean evaluate(String cond) {
        String c = cond.trim();
        if (c.startsWith("$[") && c.endsWith("]")) {
            c = c.substring(2, c.length() - 1).trim();
        }
        int ne = c.indexOf("!=");
        if (ne >= 0) {
            return !unquote(c.substring(0, ne)).equals(unquote(c.substring(ne + 2)));
        }
        int eq = c.indexOf('=');
        if (eq >= 0) {
            return unquote(c.substring(0, eq)).equals(unquote(c.substring(eq + 1)));
        }
        String v = unquote(c);
        return !v.isEmpty() && !v.equals("0");
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** True for applications {@link #execApp} knows (EXEC of anything else answers -2). */
    public static boolean knownApp(String app) {
        switch (app.toLowerCase(Locale.ROOT)) {
            case "answer": case "wait": case "playback": case "musiconhold": case "set": case "noop":
            case "verbose": case "senddtmf": case "ringing": case "busy": case "congestion": case "amd":
            case "userevent": case "bridge": case "agi": case "progress": case "hangup":
            case "dial": case "confbridge": case "return":
                return true;
            default:
                return false;
        }
    }

    /**
     * Executes one application. {@code done} gets the application's result (0 = carry on, -1 = hangup/failure,
     * -2 = no such application). Returns the activity that can interrupt it.
     */
    public Activity execApp(Channel ch, String app, String data, IntConsumer done) {
        String name = app.toLowerCase(Locale.ROOT);
        if (!ch.isAlive() || ch.hangupRequested()) {
            if (!knownApp(name)) {
                done.accept(-2);
            } else {
                done.accept(0);
            }
            return null;
        }
        switch (name) {
            case "noop":
            case "verbose":
            case "progress":
                done.accept(0);
                return null;
            case "answer":
                if (ch.state() == ChannelState.UP) {
                    done.accept(0);
                    return null;
                }
                pbx.answer(ch);
                return timer(timings.answerMs(), () -> done.accept(0));
            case "wait":
                return timer(seconds(data), () -> done.accept(0));
            case "playback": {
                String file = firstArg(data);
                long len = timings.promptLength(file);
                if (len < 0) {
                    pbx.setVar(ch, "PLAYBACKSTATUS", "FAILED");
                    done.accept(0);
                    return null;
                }
                return playback(ch, len, done);
            }
            case "musiconhold": {
                String[] a = data.split(",", -1);
                pbx.startMoh(ch, a[0].isEmpty() ? "default" : a[0]);
                if (a.length > 1 && !a[1].isBlank()) {
                    return timer(seconds(a[1]), () -> {
                        pbx.stopMoh(ch);
                        done.accept(0);
                    });
                }
                return () -> { };
            }
            case "set": {
                int eq = data.indexOf('=');
                if (eq > 0) {
                    pbx.setVar(ch, data.substring(0, eq).trim(), data.substring(eq + 1));
                }
                done.accept(0);
                return null;
            }
            case "senddtmf": {
                String digits = firstArg(data);
                Channel target = pbx.dtmfTarget(ch);
                long total = 100 + digits.length() * (timings.dtmfDurationMs() + timings.dtmfGapMs());
                if (target != null) {
                    pbx.playDtmf(target, digits, timings.dtmfDurationMs(), timings.dtmfGapMs(), null);
                }
                return timer(total, () -> done.accept(0));
            }
            case "ringing":
                pbx.ringing(ch);
                done.accept(0);
                return null;
            case "busy":
            case "congestion": {
                pbx.newState(ch, ChannelState.BUSY);
                Consumer<String> failure = ch.takeOnDialFailure();
                if (failure != null) {
                    failure.accept(name.equals("busy") ? "BUSY" : "CONGESTION");
                    return ch.isAlive() ? () -> { } : null;
                }
                long wait = data.isBlank() ? 10_000 : seconds(data);
                return timer(wait, () -> {
                    ch.setHangupCause(name.equals("busy") ? Causes.USER_BUSY : Causes.CONGESTION);
                    done.accept(-1);
                });
            }
            case "amd":
                return amd(ch, done);
            case "userevent":
                userEvent(ch, data);
                done.accept(0);
                return null;
            case "bridge":
                return bridgeApp(ch, firstArg(data), done);
            case "dial":
                return dial == null ? unknownApp(done) : dial.exec(ch, data, done);
            case "confbridge":
                return pbx.conferences().confBridge(ch, firstArg(data), done);
            case "return": {
                Runnable back = subroutineReturns.remove(ch);
                if (back == null) {
                    // Return() with no Gosub to return to: an error in Asterisk, which hangs the channel up
                    pbx.softHangup(ch, Causes.NORMAL_CLEARING);
                    return null;
                }
                // the subroutine ran outside the channel's own dialplan; the caller of Dial decides what follows
                ch.setInPbx(false);
                ch.setRanDialplan(false);
                back.run();
                return null;
            }
            case "agi": {
                if (agi == null) {
                    pbx.setVar(ch, "AGISTATUS", "FAILURE");
                    done.accept(0);
                    return null;
                }
                List<String> parts = splitArgs(data);
                String url = parts.isEmpty() ? "" : parts.get(0);
                List<String> args = parts.size() > 1 ? parts.subList(1, parts.size()) : List.of();
                return agi.start(ch, url, new ArrayList<>(args), () -> done.accept(0));
            }
            default:
                done.accept(-2);
                return null;
        }
    }

    private static Activity unknownApp(IntConsumer done) {
        done.accept(-2);
        return null;
    }

    private Activity amd(Channel ch, IntConsumer done) {
        String result = ch.amdResult;
        if (result == null && ch.localPeer() != null) {
            result = ch.localPeer().amdResult;
        }
        if (result == null) {
            result = "HUMAN";
        }
        String status = result;
        String cause;
        long ms;
        switch (status) {
            case "MACHINE":
                cause = "MAXWORDS-3-2";
                ms = timings.amdMachineMs();
                break;
            case "NOTSURE":
                cause = "TOOLONG-4900";
                ms = timings.amdNotSureMs();
                break;
            default:
                cause = "HUMAN-800-800";
                ms = timings.amdHumanMs();
                break;
        }
        long id = pbx.after(ms, () -> {
            pbx.setVar(ch, "AMDSTATUS", status);
            pbx.setVar(ch, "AMDCAUSE", cause);
            done.accept(0);
        });
        return () -> {
            pbx.cancel(id);
            if (ch.hangupRequested()) {
                pbx.setVar(ch, "AMDSTATUS", "HANGUP");
                pbx.setVar(ch, "AMDCAUSE", "");
            }
        };
    }

    private void userEvent(Channel ch, String data) {
        List<String> parts = splitArgs(data);
        AmiMessage m = Pbx.channelEvent("UserEvent", "user,all", ch);
        m.add("UserEvent", parts.isEmpty() ? "" : parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            String kv = parts.get(i);
            int colon = kv.indexOf(':');
            if (colon > 0) {
                m.add(kv.substring(0, colon).trim(), kv.substring(colon + 1).trim());
            }
        }
        pbx.emit(m);
    }

    private Activity bridgeApp(Channel ch, String targetName, IntConsumer done) {
        Channel target = pbx.find(targetName);
        if (target == null || !target.isAlive() || target.hangupRequested()) {
            pbx.setVar(ch, "BRIDGERESULT", "NONEXISTENT");
            ch.setHangupCause(Causes.UNKNOWN);
            done.accept(-1);
            return null;
        }
        if (ch.state() != ChannelState.UP) {
            pbx.answer(ch);
        }
        pullIntoBridge(target);
        Pbx.BridgedActivity self = new Pbx.BridgedActivity(() -> {
            if (ch.isAlive()) {
                pbx.setVar(ch, "BRIDGERESULT", "SUCCESS");
            }
            done.accept(BRIDGE_ENDED);
        }, () -> pbx.setVar(ch, "BRIDGERESULT", "SUCCESS"));
        ch.setActivity(self);
        pbx.bridge(target, ch);
        return self;
    }

    /** Splits application arguments on commas, honouring double quotes. */
    public static List<String> splitArgs(String data) {
        List<String> out = new ArrayList<>();
        if (data == null || data.isEmpty()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String firstArg(String data) {
        List<String> a = splitArgs(data);
        return a.isEmpty() ? "" : a.get(0).trim();
    }

    private static long seconds(String data) {
        try {
            return Math.round(Double.parseDouble(firstArg(data)) * 1000);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Playback sets PLAYBACKSTATUS=SUCCESS also when a hangup or a redirect stops it (ami-21: after the
     * HangupRequest, before the SoftHangupRequest); a bridge yank leaves it on the dead copy, unseen.
     */
    private Activity playback(Channel ch, long ms, IntConsumer done) {
        long id = pbx.after(ms, () -> {
            pbx.setVar(ch, "PLAYBACKSTATUS", "SUCCESS");
            done.accept(0);
        });
        return new Activity() {
            @Override
            public void interrupt() {
                pbx.cancel(id);
                pbx.setVar(ch, "PLAYBACKSTATUS", "SUCCESS");
            }

            @Override
            public void leaveForBridge() {
                pbx.cancel(id);
            }
        };
    }

    private Activity timer(long ms, Runnable task) {
        long id = pbx.after(ms, task);
        return () -> pbx.cancel(id);
    }
}
