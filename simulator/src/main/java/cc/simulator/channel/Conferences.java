package cc.simulator.channel;

import cc.simulator.ami.AmiMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * ConfBridge conferences with the default bridge and user profiles, as app_confbridge of Asterisk 22 shows them on
 * AMI (trace ami-24): a softmix bridge named after the room, with a hidden announcer channel that is counted in
 * BridgeNumChannels and named in BRIDGEPEER but never announced itself.
 *
 * <p>Threading: event loop only, like the {@link Pbx} that owns it.
 */
public final class Conferences {
    /** conf-onlyperson: the first participant hears it before entering (recorded: 3.16 s from ConfBridge to join). */
    static final long ONLY_PERSON_MS = 3_160;
    /** conf-kicked: a kicked participant hears it, then the application returns (recorded: 2.39 s). */
    static final long KICKED_MS = 2_390;
    /** The bridge outlives the last ConfbridgeLeave by this much before BridgeDestroy (recorded: 0.39 s). */
    static final long DESTROY_DELAY_MS = 395;

    private final Pbx pbx;
    private final Map<String, Conference> rooms = new LinkedHashMap<>();

    Conferences(Pbx pbx) {
        this.pbx = pbx;
    }

    /** One running conference; {@code users} in arrival order (the order ConfbridgeList uses). */
    public static final class Conference {
        final String name;
        final Bridge bridge;
        final String announcer;
        final List<User> users = new ArrayList<>();

        Conference(String name, Bridge bridge, String announcer) {
            this.name = name;
            this.bridge = bridge;
            this.announcer = announcer;
        }

        public String name() {
            return name;
        }

        public List<User> users() {
            return users;
        }
    }

    /** A participant: from the ConfBridge application's start until it returns. */
    public static final class User {
        final Channel channel;
        boolean muted;
        boolean kicked;
        long timer = -1;
        final IntConsumer appDone;

        User(Channel channel, IntConsumer appDone) {
            this.channel = channel;
            this.appDone = appDone;
        }

        public Channel channel() {
            return channel;
        }

        public boolean muted() {
            return muted;
        }
    }

    public Collection<Conference> rooms() {
        return rooms.values();
    }

    public Conference find(String room) {
        return room == null ? null : rooms.get(room);
    }

    /** The participant with that channel name, or null. */
    public static User user(Conference conf, String channelName) {
        for (User u : conf.users) {
            if (u.channel.name.equals(channelName)) {
                return u;
            }
        }
        return null;
    }

    /**
     * The ConfBridge application: starts the conference if it is not running, then the channel enters the bridge,
     * after conf-onlyperson if nobody else is there. {@code done} gets 0 when the application returns (kicked).
     */
    public Activity confBridge(Channel ch, String room, IntConsumer done) {
        if (ch.state != ChannelState.UP) {
            pbx.answer(ch);
        }
        Conference conf = rooms.get(room);
        if (conf == null) {
            conf = start(room);
        }
        User u = new User(ch, done);
        conf.users.add(u);
        Conference c = conf;
        if (conf.users.size() == 1) {
            u.timer = pbx.after(ONLY_PERSON_MS, () -> {
                u.timer = -1;
                enter(c, u);
            });
        } else {
            enter(conf, u);
        }
        return new Activity() {
            @Override
            public void interrupt() {
                pbx.cancel(u.timer);
                u.timer = -1;
                if (ch.bridge == c.bridge) {
                    leave(c, u);
                }
                if (ch.finished && !u.kicked) {
                    pbx.setVar(ch, "CONFBRIDGE_RESULT", "HANGUP");
                }
                remove(c, u);
            }
        };
    }

    /** ConfbridgeKick: out of the bridge at once; the application returns after conf-kicked. */
    public void kick(Conference conf, User u) {
        Channel ch = u.channel;
        u.kicked = true;
        pbx.setVar(ch, "CONFBRIDGE_RESULT", "KICKED");
        if (ch.bridge == conf.bridge) {
            leave(conf, u);
        }
        u.timer = pbx.after(KICKED_MS, () -> {
            u.timer = -1;
            if (ch.finished) {
                return;
            }
            Activity a = ch.activity;
            ch.activity = null;
            remove(conf, u);
            if (!ch.ranDialplan) {
                // an Originate's application channel: it hangs up when the application returns, cause 16 as recorded
                ch.hangupRequested = true;
                ch.hangupCause = Causes.NORMAL_CLEARING;
            }
            if (a != null) {
                u.appDone.accept(0);
            }
        });
    }

    /** ConfbridgeMute / ConfbridgeUnmute. */
    public void mute(Conference conf, User u, boolean muted) {
        u.muted = muted;
        AmiMessage m = conferenceEvent(muted ? "ConfbridgeMute" : "ConfbridgeUnmute", conf);
        Pbx.appendChannel(m, "", u.channel);
        pbx.emit(m.add("Admin", "No"));
    }

    private Conference start(String room) {
        Bridge br = new Bridge(UUID.randomUUID().toString(), "base", "softmix", "ConfBridge", room);
        // the announcer's Local-style name takes a number from the same counter as Local channels (ami-24)
        Conference conf = new Conference(room, br, "CBAnn/" + room + "-" + pbx.nextLocalSuffix() + ";2");
        br.leaveHandler = ch -> {
            User u = user(conf, ch.name);
            if (u != null) {
                leave(conf, u);
            }
        };
        rooms.put(room, conf);
        pbx.emit(Pbx.bridgeEvent("BridgeCreate", br, 0).message);
        br.hiddenMembers = 1;
        pbx.emit(conferenceEvent("ConfbridgeStart", conf));
        pbx.deviceState("confbridge:" + room, "INUSE");
        pbx.counters().inc("conferences.started");
        return conf;
    }

    private void enter(Conference conf, User u) {
        Channel ch = u.channel;
        if (ch.finished) {
            return;
        }
        Bridge br = conf.bridge;
        br.members.add(ch);
        ch.bridge = br;
        pbx.emit(Pbx.bridgeEvent("BridgeEnter", br, br.count()).andChannel(ch));
        setPeers(conf);
        AmiMessage join = conferenceEvent("ConfbridgeJoin", conf);
        Pbx.appendChannel(join, "", ch);
        pbx.emit(join.add("Admin", "No").add("Muted", u.muted ? "Yes" : "No"));
    }

    private void leave(Conference conf, User u) {
        Channel ch = u.channel;
        Bridge br = conf.bridge;
        AmiMessage leave = conferenceEvent("ConfbridgeLeave", conf);
        Pbx.appendChannel(leave, "", ch);
        pbx.emit(leave.add("Admin", "No"));
        br.members.remove(ch);
        ch.bridge = null;
        pbx.setVar(ch, "BRIDGEPEER", "");
        pbx.emit(Pbx.bridgeEvent("BridgeLeave", br, br.count()).andChannel(ch));
        setPeers(conf);
    }

    private void remove(Conference conf, User u) {
        if (!conf.users.remove(u) || !conf.users.isEmpty()) {
            return;
        }
        rooms.remove(conf.name);
        pbx.emit(conferenceEvent("ConfbridgeEnd", conf));
        pbx.deviceState("confbridge:" + conf.name, "NOT_INUSE");
        pbx.after(DESTROY_DELAY_MS, () -> {
            conf.bridge.hiddenMembers = 0;
            pbx.emit(Pbx.bridgeEvent("BridgeDestroy", conf.bridge, 0).message);
            pbx.deviceState("CBAnn/" + conf.name, "UNKNOWN");
        });
    }

    /** BRIDGEPEER of each participant: the announcer first, then the others in the order they entered. */
    private void setPeers(Conference conf) {
        for (Channel ch : conf.bridge.members) {
            StringBuilder peers = new StringBuilder(conf.announcer);
            for (Channel other : conf.bridge.members) {
                if (other != ch) {
                    peers.append(',').append(other.name);
                }
            }
            pbx.setVar(ch, "BRIDGEPEER", peers.toString());
        }
    }

    private static AmiMessage conferenceEvent(String name, Conference conf) {
        AmiMessage m = AmiMessage.event(name, "call,all").add("Conference", conf.name);
        Pbx.appendBridge(m, conf.bridge, conf.bridge.count());
        return m;
    }
}
