package cc.simulator.ami;

import cc.simulator.calls.OriginateSpec;
import cc.simulator.calls.Originator;
import cc.simulator.channel.CallerId;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Pbx;
import cc.simulator.channel.Recordings;
import cc.simulator.dialplan.DialplanExecutor;
import cc.simulator.dialplan.Redirects;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The manager actions of a logged-in session, answered with Asterisk 22's wording and header order.
 *
 * <p>Threading: event loop only.
 */
public final class AmiActions implements BiConsumer<AmiSession, AmiMessage> {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Pbx pbx;
    private final DialplanExecutor executor;
    private final Originator originator;
    private final TransferActions transfers;
    private final ConfbridgeActions confbridge;
    private final Redirects redirects;
    private final RecordingActions recordings;

    public AmiActions(Pbx pbx, DialplanExecutor executor, Originator originator, Recordings recordings) {
        this.pbx = pbx;
        this.executor = executor;
        this.originator = originator;
        this.transfers = new TransferActions(pbx, executor);
        this.confbridge = new ConfbridgeActions(pbx);
        this.redirects = new Redirects(pbx, executor);
        this.recordings = new RecordingActions(pbx, recordings);
    }

    @Override
    public void accept(AmiSession s, AmiMessage m) {
        String id = m.get("ActionID");
        switch (m.action()) {
            case "ping":
                long nanos = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
                s.write(AmiMessage.response("Success", id).add("Ping", "Pong")
                    .add("Timestamp", String.format("%d.%06d", nanos / 1_000_000, nanos % 1_000_000)));
                return;
            case "command":
                command(s, m, id);
                return;
            case "corestatus":
                coreStatus(s, id);
                return;
            case "coresettings":
                s.write(AmiMessage.response("Success", id).add("AMIversion", "11.0.0").add("AsteriskVersion", "22.10.1")
                    .add("SystemName", "").add("CoreMaxCalls", "0").add("CoreMaxLoadAvg", "0.000000")
                    .add("CoreRunUser", "").add("CoreRunGroup", "").add("CoreMaxFilehandles", "0")
                    .add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No")
                    .add("SoundsSearchCustomDir", "No"));
                return;
            case "setvar":
                setvar(s, m, id);
                return;
            case "getvar":
                getvar(s, m, id);
                return;
            case "originate":
                originate(s, m, id);
                return;
            case "redirect":
                redirect(s, m, id);
                return;
            case "hangup":
                hangup(s, m, id);
                return;
            case "bridge":
                bridge(s, m, id);
                return;
            case "status":
                status(s, m, id);
                return;
            case "coreshowchannels":
                coreShowChannels(s, id);
                return;
            case "userevent":
                userEvent(s, m, id);
                return;
            case "blindtransfer":
                transfers.blindTransfer(s, m, id);
                return;
            case "confbridgelistrooms": case "confbridgelist": case "confbridgemute": case "confbridgeunmute": case "confbridgekick":
                confbridge.handle(s, m, m.action(), id);
                return;
            case "mixmonitor": case "mixmonitormute": case "stopmixmonitor":
                recordings.accept(s, m);
                return;
            default:
                s.write(AmiMessage.response("Error", id).add("Message",
                    "Invalid/unknown command: " + m.get("Action") + ". Use Action: ListCommands to show available commands."));
        }
    }

    private void command(AmiSession s, AmiMessage m, String id) {
        String cmd = m.get("Command") == null ? "" : m.get("Command").trim();
        if (cmd.equalsIgnoreCase("core show version")) {
            s.write(AmiMessage.response("Success", id).add("Message", "Command output follows")
                .add("Output", "Asterisk 22.10.1 built by root @ buildhost on a x86_64 running Linux on "
                    + DATE.format(Instant.ofEpochMilli(pbx.bootMs())) + " " + TIME.format(Instant.ofEpochMilli(pbx.bootMs())) + " UTC"));
            return;
        }
        if (cmd.equalsIgnoreCase("core show channels count")) {
            s.write(AmiMessage.response("Success", id).add("Message", "Command output follows")
                .add("Output", pbx.channels().size() + " active channels")
                .add("Output", pbx.channels().size() / 2 + " active calls")
                .add("Output", pbx.counters().get("channels.created") / 2 + " calls processed"));
            return;
        }
        s.write(AmiMessage.response("Error", id).add("Message", "Command output follows")
            .add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd + "' for other possible commands)"));
    }

    private void coreStatus(AmiSession s, String id) {
        Instant boot = Instant.ofEpochMilli(pbx.bootMs());
        s.write(AmiMessage.response("Success", id)
            .add("CoreStartupDate", DATE.format(boot)).add("CoreStartupTime", TIME.format(boot))
            .add("CoreReloadDate", DATE.format(boot)).add("CoreReloadTime", TIME.format(boot))
            .add("CoreCurrentCalls", Integer.toString(pbx.channels().size() / 2))
            .add("CoreProcessedCalls", Long.toString(pbx.counters().get("channels.created") / 2)));
    }

    private void setvar(AmiSession s, AmiMessage m, String id) {
        String var = m.get("Variable");
        if (var == null || var.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No variable specified"));
            return;
        }
        String chName = m.get("Channel");
        Channel ch = null;
        if (chName != null && !chName.isEmpty()) {
            ch = pbx.find(chName);
            if (ch == null) {
                s.write(AmiMessage.response("Error", id).add("Message", "No such channel"));
                return;
            }
        }
        String value = m.get("Value") == null ? "" : m.get("Value");
        pbx.setVar(ch, var, value);
        s.write(AmiMessage.response("Success", id).add("Message", "Variable Set"));
    }

    private void getvar(AmiSession s, AmiMessage m, String id) {
        String var = m.get("Variable");
        if (var == null || var.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No variable specified"));
            return;
        }
        String chName = m.get("Channel");
        String value;
        if (chName != null && !chName.isEmpty()) {
            Channel ch = pbx.find(chName);
            if (ch == null) {
                s.write(AmiMessage.response("Error", id).add("Message", "No such channel"));
                return;
            }
            value = var.startsWith("${") ? pbx.substitute(ch, var) : pbx.readVar(ch, var);
        } else {
            value = var.startsWith("${") ? pbx.substitute(null, var) : pbx.globals().get(var);
        }
        s.write(AmiMessage.response("Success", id).add("Variable", var).add("Value", value == null ? "" : value));
    }

    private void originate(AmiSession s, AmiMessage m, String id) {
        String channel = m.get("Channel");
        if (channel == null || channel.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "Channel not specified"));
            return;
        }
        String application = m.get("Application");
        String exten = m.get("Exten");
        String context = m.get("Context");
        int priority = parseInt(m.get("Priority"), 1);
        if ((application == null || application.isEmpty()) && (exten == null || exten.isEmpty())) {
            s.write(AmiMessage.response("Error", id).add("Message", "Exten not specified"));
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String v : m.getAll("Variable")) {
            for (String kv : v.split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    vars.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
                }
            }
        }
        CallerId cid = CallerId.parse(m.get("CallerID"));
        long timeout = parseInt(m.get("Timeout"), 30_000);
        boolean async = isTrue(m.get("Async"));
        OriginateSpec spec = new OriginateSpec(channel, context, exten, priority,
            application == null || application.isEmpty() ? null : application, m.get("Data"),
            cid, timeout, vars,
            m.get("ChannelId"), m.get("OtherChannelId"));
        // as Asterisk's action_originate prints them: an empty part is <unknown> (ami-20: a number-only CallerID)
        String cidNum = cid.shownNum();
        String cidName = cid.shownName();
        if (async) {
            s.write(AmiMessage.response("Success", id).add("Message", "Originate successfully queued"));
        }
        originator.originate(spec, new Originator.Listener() {
            @Override
            public void answered(Channel ch) {
                pbx.counters().inc("originates.answered");
                if (async) {
                    pbx.emit(originateResponse(id, "Success", ch.name(), spec, 4, ch.uniqueid(), cidNum, cidName));
                } else {
                    s.write(AmiMessage.response("Success", id).add("Message", "Originate successfully queued"));
                }
            }

            @Override
            public void failed(int reason) {
                pbx.counters().inc("originates.failed.reason-" + reason);
                if (async) {
                    pbx.emit(originateResponse(id, "Failure", channel, spec, reason, "<unknown>", cidNum, cidName));
                } else {
                    s.write(AmiMessage.response("Error", id).add("Message", "Originate failed"));
                }
            }
        });
    }

    private static AmiMessage originateResponse(String id, String response, String channel, OriginateSpec spec,
                                                int reason, String uniqueid, String cidNum, String cidName) {
        AmiMessage e = AmiMessage.event("OriginateResponse", "call,all");
        e.addIfPresent("ActionID", id).add("Response", response).add("Channel", channel);
        if (spec.application() != null) {
            e.add("Application", spec.application()).add("Data", spec.data() == null ? "" : spec.data());
        } else {
            e.add("Context", spec.context() == null ? "" : spec.context()).add("Exten", spec.exten());
        }
        return e.add("Reason", Integer.toString(reason)).add("Uniqueid", uniqueid)
            .add("CallerIDNum", cidNum).add("CallerIDName", cidName);
    }

    private void redirect(AmiSession s, AmiMessage m, String id) {
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "Channel not specified"));
            return;
        }
        Channel ch = pbx.find(name);
        if (ch == null || !ch.isAlive()) {
            s.write(AmiMessage.response("Error", id).add("Message", "Channel does not exist: " + name));
            return;
        }
        String exten = m.get("Exten") == null ? ch.exten() : m.get("Exten");
        String context = m.get("Context") == null ? ch.context() : m.get("Context");
        int priority = parseInt(m.get("Priority"), 1);
        Redirects.Target main = new Redirects.Target(ch, context, exten, priority);
        String extraName = m.get("ExtraChannel");
        if (extraName == null || extraName.isEmpty()) {
            s.write(AmiMessage.response("Success", id).add("Message", "Redirect successful"));
            pbx.counters().inc("redirects");
            redirects.redirect(List.of(main));
            return;
        }
        Channel extra = pbx.find(extraName);
        if (extra == null || !extra.isAlive()) {
            // not recorded: manager.c's wording for a missing second channel
            s.write(AmiMessage.response("Error", id).add("Message", "ExtraChannel does not exist: " + extraName));
            return;
        }
        // without ExtraContext, manager.c sends the second channel where the first goes
        String extraContext = m.get("ExtraContext");
        Redirects.Target second = extraContext == null || extraContext.isEmpty() ? new Redirects.Target(extra, context, exten, priority)
            : new Redirects.Target(extra, extraContext, m.get("ExtraExten") == null ? extra.exten() : m.get("ExtraExten"),
                parseInt(m.get("ExtraPriority"), 1));
        s.write(AmiMessage.response("Success", id).add("Message", "Dual Redirect successful"));
        pbx.counters().inc("redirects");
        redirects.redirect(List.of(second, main));
    }

    private void hangup(AmiSession s, AmiMessage m, String id) {
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No channel specified"));
            return;
        }
        int cause = parseInt(m.get("Cause"), 0);
        if (name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            Pattern p;
            try {
                p = Pattern.compile(name.substring(1, name.length() - 1));
            } catch (PatternSyntaxException e) {
                s.write(AmiMessage.response("Error", id).add("Message", "Invalid regex"));
                return;
            }
            List<Channel> matched = new ArrayList<>();
            for (Channel ch : pbx.channels()) {
                if (p.matcher(ch.name()).find()) {
                    matched.add(ch);
                }
            }
            s.write(AmiMessage.response("Success", id).add("EventList", "start").add("Message", "Channels hung up will follow"));
            for (int i = matched.size() - 1; i >= 0; i--) {
                s.write(new AmiMessage().add("Event", "ChannelHungup").add("Channel", matched.get(i).name())
                    .addIfPresent("ActionID", id));
            }
            s.write(new AmiMessage().add("Event", "ChannelsHungupListComplete").addIfPresent("ActionID", id)
                .add("EventList", "Complete").add("ListItems", Integer.toString(matched.size())));
            for (Channel ch : matched) {
                pbx.softHangup(ch, cause);
            }
            return;
        }
        Channel ch = pbx.find(name);
        if (ch == null) {
            s.write(AmiMessage.response("Error", id).add("Message", "No such channel"));
            return;
        }
        s.write(AmiMessage.response("Success", id).add("Message", "Channel Hungup"));
        pbx.counters().inc("hangups.ami");
        pbx.softHangup(ch, cause);
    }

    private void bridge(AmiSession s, AmiMessage m, String id) {
        String n1 = m.get("Channel1");
        String n2 = m.get("Channel2");
        if (n1 == null || n2 == null || n1.isEmpty() || n2.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "Missing channel parameter in request"));
            return;
        }
        Channel a = pbx.find(n1);
        if (a == null || a.hangupRequested()) {
            s.write(AmiMessage.response("Error", id).add("Message", "Channel1 does not exist: " + n1));
            return;
        }
        Channel b = pbx.find(n2);
        if (b == null || b.hangupRequested()) {
            s.write(AmiMessage.response("Error", id).add("Message", "Channel2 does not exist: " + n2));
            return;
        }
        s.write(AmiMessage.response("Success", id).add("Message", "Channels have been bridged"));
        pbx.counters().inc("bridges.ami");
        executor.pullIntoBridge(a);
        executor.pullIntoBridge(b);
        pbx.bridge(a, b);
    }

    private void status(AmiSession s, AmiMessage m, String id) {
        String name = m.get("Channel");
        List<Channel> list = new ArrayList<>();
        if (name != null && !name.isEmpty()) {
            Channel ch = pbx.find(name);
            if (ch == null) {
                s.write(AmiMessage.response("Error", id).add("Message", "No such channel"));
                return;
            }
            list.add(ch);
        } else {
            list.addAll(pbx.channels());
        }
        String vars = m.get("Variables");
        s.write(AmiMessage.response("Success", id).add("EventList", "start").add("Message", "Channel status will follow"));
        for (Channel ch : list) {
            AmiMessage e = Pbx.channelEvent("Status", "Call", ch);
            e.add("Type", ch.type()).add("DNID", "").add("EffectiveConnectedLineNum", ch.callerIdNum())
                .add("EffectiveConnectedLineName", ch.callerIdName()).add("TimeToHangup", "0")
                .add("BridgeID", ch.bridge() == null ? "" : ch.bridge().id())
                .add("Application", ch.app()).add("Data", ch.appData())
                .add("Nativeformats", "(slin)").add("Readformat", "slin").add("Readtrans", "")
                .add("Writeformat", "slin").add("Writetrans", "").add("Callgroup", "0").add("Pickupgroup", "0")
                .add("Seconds", Long.toString((pbx.now() - ch.createdAtMs()) / 1000));
            if (vars != null && !vars.isBlank()) {
                for (String v : vars.split(",")) {
                    String key = v.trim();
                    String val = pbx.readVar(ch, key);
                    e.add("Variable", key + "=" + (val == null ? "(null)" : val));
                }
            }
            e.addIfPresent("ActionID", id);
            s.write(e);
        }
        s.write(new AmiMessage().add("Event", "StatusComplete").addIfPresent("ActionID", id).add("EventList", "Complete")
            .add("ListItems", Integer.toString(list.size())).add("Items", Integer.toString(list.size())));
    }

    private void coreShowChannels(AmiSession s, String id) {
        s.write(AmiMessage.response("Success", id).add("EventList", "start").add("Message", "Channels will follow"));
        int n = 0;
        for (Channel ch : pbx.channels()) {
            AmiMessage e = new AmiMessage().add("Event", "CoreShowChannel").addIfPresent("ActionID", id);
            Pbx.appendChannel(e, "", ch);
            long secs = (pbx.now() - ch.createdAtMs()) / 1000;
            e.add("Application", ch.app()).add("ApplicationData", ch.appData())
                .add("Duration", String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60))
                .add("BridgeId", ch.bridge() == null ? "" : ch.bridge().id());
            s.write(e);
            n++;
        }
        s.write(new AmiMessage().add("Event", "CoreShowChannelsComplete").addIfPresent("ActionID", id)
            .add("EventList", "Complete").add("ListItems", Integer.toString(n)));
    }

    private void userEvent(AmiSession s, AmiMessage m, String id) {
        AmiMessage e = AmiMessage.event("UserEvent", "user,all");
        for (String[] h : m.headers()) {
            if (!h[0].equalsIgnoreCase("Action") && !h[0].equalsIgnoreCase("ActionID")) {
                e.add(h[0], h[1]);
            }
        }
        s.write(AmiMessage.response("Success", id).add("Message", "Event Sent"));
        pbx.emit(e);
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1") || v.equalsIgnoreCase("on"));
    }

    private static int parseInt(String v, int fallback) {
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
