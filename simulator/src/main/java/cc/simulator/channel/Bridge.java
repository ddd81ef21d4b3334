package cc.simulator.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A bridge: a basic two-party one, or a ConfBridge conference (softmix); owned by the event loop. */
public final class Bridge {
    final String id;
    final List<Channel> members = new ArrayList<>();
    final String type;
    final String technology;
    final String creator;
    final String name;
    /** Channels in the bridge that never show in AMI (the conference announcer): counted, not listed. */
    int hiddenMembers;
    /** Set for bridges that manage their own leaving (conferences); null for the two-party bridge. */
    Consumer<Channel> leaveHandler;

    Bridge(String id) {
        this(id, "basic", "simple_bridge", "<unknown>", "<unknown>");
    }

    Bridge(String id, String type, String technology, String creator, String name) {
        this.id = id;
        this.type = type;
        this.technology = technology;
        this.creator = creator;
        this.name = name;
    }

    public String id() {
        return id;
    }

    /** The channels in the bridge now, in the order they entered. */
    public List<Channel> members() {
        return List.copyOf(members);
    }

    /** A ConfBridge conference bridge: its participants leave through {@link Conferences}. */
    public boolean isConference() {
        return leaveHandler != null;
    }

    /** Channels in the bridge as BridgeNumChannels counts them (hidden ones included). */
    int count() {
        return members.size() + hiddenMembers;
    }
}
