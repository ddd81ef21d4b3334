package cc.simulator.channel;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge; owned by the event loop. */
public final class Bridge {
    final String id;
    final List<Channel> members = new ArrayList<>();

    Bridge(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The channels in the bridge now, in the order they entered. */
    public List<Channel> members() {
        return List.copyOf(members);
    }
}
