package cc.simulator.ami;

import cc.simulator.channel.Channel;
import cc.simulator.channel.Pbx;
import cc.simulator.channel.Recordings;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MixMonitor manager actions (ami-21): {@code MixMonitor}, {@code MixMonitorMute}, {@code StopMixMonitor}.
 * Successes are a bare {@code Response: Success} with no Message; errors use app_mixmonitor's wording.
 *
 * <p>Threading: event loop only.
 */
final class RecordingActions {
    private static final Pattern ID_OPTION = Pattern.compile("i\\(([^)]*)\\)");

    private final Pbx pbx;
    private final Recordings recordings;

    RecordingActions(Pbx pbx, Recordings recordings) {
        this.pbx = pbx;
        this.recordings = recordings;
    }

    void accept(AmiSession s, AmiMessage m) {
        String id = m.get("ActionID");
        switch (m.action()) {
            case "mixmonitor":
                start(s, m, id);
                return;
            case "mixmonitormute":
                mute(s, m, id);
                return;
            default:
                stop(s, m, id);
        }
    }

    private Channel channel(AmiSession s, AmiMessage m, String id) {
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No channel specified"));
            return null;
        }
        Channel ch = pbx.find(name);
        if (ch == null || !ch.isAlive()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No such channel"));
            return null;
        }
        return ch;
    }

    private void start(AmiSession s, AmiMessage m, String id) {
        Channel ch = channel(s, m, id);
        if (ch == null) {
            return;
        }
        String file = m.get("File");
        if (file == null || file.isEmpty()) {
            // app_mixmonitor hands the empty name to MixMonitor(), which refuses it
            s.write(AmiMessage.response("Error", id).add("Message", "Could not start monitoring channel"));
            return;
        }
        String options = m.get("Options") == null ? "" : m.get("Options");
        Matcher idOption = ID_OPTION.matcher(options);
        String idVariable = idOption.find() ? idOption.group(1) : null;
        // the response goes before the events (ami-21); the id is known before the recording starts
        String mixMonitorId = recordings.peekNextId();
        AmiMessage response = AmiMessage.response("Success", id);
        if (idVariable != null) {
            response.add("MixMonitorID", mixMonitorId);
        }
        s.write(response);
        recordings.start(ch, file, idVariable);
    }

    /** Checks in app_mixmonitor's order: direction, channel name, state, then the channel itself. */
    private void mute(AmiSession s, AmiMessage m, String id) {
        String direction = m.get("Direction");
        if (direction == null || direction.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No direction specified. Must be read, write or both"));
            return;
        }
        String d = direction.toLowerCase(Locale.ROOT);
        boolean read = d.equals("read") || d.equals("both");
        boolean write = d.equals("write") || d.equals("both");
        if (!read && !write) {
            s.write(AmiMessage.response("Error", id).add("Message", "Invalid direction specified. Must be read, write or both"));
            return;
        }
        String name = m.get("Channel");
        if (name == null || name.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No channel specified"));
            return;
        }
        String state = m.get("State");
        if (state == null || state.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No state specified"));
            return;
        }
        // ast_false: only an explicit no/false/0/off unmutes
        boolean on = !isFalse(state);
        Channel ch = channel(s, m, id);
        if (ch == null) {
            return;
        }
        if (!recordings.canMute(ch)) {
            s.write(AmiMessage.response("Error", id).add("Message", "Cannot set mute flag"));
            return;
        }
        s.write(AmiMessage.response("Success", id));
        recordings.mute(ch, read, write, on, direction);
    }

    private void stop(AmiSession s, AmiMessage m, String id) {
        Channel ch = channel(s, m, id);
        if (ch == null) {
            return;
        }
        if (!recordings.canStop(ch, m.get("MixMonitorID"))) {
            s.write(AmiMessage.response("Error", id).add("Message", "Could not stop monitoring channel"));
            return;
        }
        s.write(AmiMessage.response("Success", id));
        recordings.stop(ch, m.get("MixMonitorID"));
    }

    /** Asterisk's ast_false: no, false, n, f, 0, off. */
    private static boolean isFalse(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("no") || t.equals("false") || t.equals("n") || t.equals("f") || t.equals("0") || t.equals("off");
    }
}
