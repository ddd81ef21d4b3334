package cc.simulator.ami;

import cc.simulator.channel.Channel;
import cc.simulator.channel.Conferences;
import cc.simulator.channel.Conferences.Conference;
import cc.simulator.channel.Conferences.User;
import cc.simulator.channel.Pbx;

/**
 * The app_confbridge manager actions (ConfbridgeListRooms, ConfbridgeList, ConfbridgeMute, ConfbridgeUnmute,
 * ConfbridgeKick) with Asterisk 22's wording: its errors end with a period, and its list items carry ActionID right
 * after Event and no Privilege (ami-24).
 *
 * <p>Threading: event loop only.
 */
final class ConfbridgeActions {
    private final Pbx pbx;

    ConfbridgeActions(Pbx pbx) {
        this.pbx = pbx;
    }

    /** @param action the lower-case action name */
    void handle(AmiSession s, AmiMessage m, String action, String id) {
        Conferences conferences = pbx.conferences();
        switch (action) {
            case "confbridgelistrooms":
                listRooms(s, conferences, id);
                return;
            case "confbridgelist":
                list(s, m, conferences, id);
                return;
            case "confbridgemute":
            case "confbridgeunmute":
                mute(s, m, conferences, action.equals("confbridgemute"), id);
                return;
            case "confbridgekick":
                kick(s, m, conferences, id);
                return;
            default:
                throw new IllegalArgumentException("not a ConfBridge action: " + action);
        }
    }

    private void listRooms(AmiSession s, Conferences conferences, String id) {
        if (conferences.rooms().isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No active conferences."));
            return;
        }
        s.write(AmiMessage.response("Success", id).add("EventList", "start")
            .add("Message", "Confbridge conferences will follow"));
        int n = 0;
        for (Conference conf : conferences.rooms()) {
            boolean allMuted = !conf.users().isEmpty() && conf.users().stream().allMatch(User::muted);
            s.write(new AmiMessage().add("Event", "ConfbridgeListRooms").addIfPresent("ActionID", id)
                .add("Conference", conf.name()).add("Parties", Integer.toString(conf.users().size()))
                .add("Marked", "0").add("Locked", "No").add("Muted", allMuted ? "Yes" : "No"));
            n++;
        }
        s.write(new AmiMessage().add("Event", "ConfbridgeListRoomsComplete").addIfPresent("ActionID", id)
            .add("EventList", "Complete").add("ListItems", Integer.toString(n)));
    }

    private void list(AmiSession s, AmiMessage m, Conferences conferences, String id) {
        String room = m.get("Conference");
        if (room == null || room.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No Conference name provided."));
            return;
        }
        if (conferences.rooms().isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No active conferences."));
            return;
        }
        Conference conf = conferences.find(room);
        if (conf == null) {
            s.write(AmiMessage.response("Error", id).add("Message", "No Conference by that name found."));
            return;
        }
        s.write(AmiMessage.response("Success", id).add("EventList", "start")
            .add("Message", "Confbridge user list will follow"));
        for (User u : conf.users()) {
            Channel ch = u.channel();
            long answered = ch.answeredAtMs() == 0 ? 0 : pbx.simulatedSince(ch.answeredAtMs()) / 1000;
            AmiMessage item = new AmiMessage().add("Event", "ConfbridgeList").addIfPresent("ActionID", id)
                .add("Conference", conf.name()).add("Admin", "No").add("MarkedUser", "No").add("WaitMarked", "No")
                .add("EndMarked", "No").add("EndMarkedAny", "No").add("Waiting", "No")
                .add("Muted", u.muted() ? "Yes" : "No").add("Talking", "No")
                .add("AnsweredTime", Long.toString(answered));
            Pbx.appendChannel(item, "", ch);
            s.write(item);
        }
        s.write(new AmiMessage().add("Event", "ConfbridgeListComplete").addIfPresent("ActionID", id)
            .add("EventList", "Complete").add("ListItems", Integer.toString(conf.users().size())));
    }

    private void mute(AmiSession s, AmiMessage m, Conferences conferences, boolean muted, String id) {
        User u = participant(s, m, conferences, id);
        if (u == null) {
            return;
        }
        s.write(AmiMessage.response("Success", id).add("Message", muted ? "User muted" : "User unmuted"));
        conferences.mute(conferences.find(m.get("Conference")), u, muted);
    }

    private void kick(AmiSession s, AmiMessage m, Conferences conferences, String id) {
        User u = participant(s, m, conferences, id);
        if (u == null) {
            return;
        }
        s.write(AmiMessage.response("Success", id).add("Message", "User kicked"));
        pbx.counters().inc("conferences.kicks");
        conferences.kick(conferences.find(m.get("Conference")), u);
    }

    /** The participant the action names, or null after writing the error Asterisk gives. */
    private static User participant(AmiSession s, AmiMessage m, Conferences conferences, String id) {
        String room = m.get("Conference");
        String channel = m.get("Channel");
        if (room == null || room.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No Conference name provided."));
            return null;
        }
        if (channel == null || channel.isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No channel name provided."));
            return null;
        }
        if (conferences.rooms().isEmpty()) {
            s.write(AmiMessage.response("Error", id).add("Message", "No active conferences."));
            return null;
        }
        Conference conf = conferences.find(room);
        if (conf == null) {
            s.write(AmiMessage.response("Error", id).add("Message", "No Conference by that name found."));
            return null;
        }
        User u = Conferences.user(conf, channel);
        if (u == null) {
            s.write(AmiMessage.response("Error", id).add("Message", "No Channel by that name found in Conference."));
        }
        return u;
    }
}
