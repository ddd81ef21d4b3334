package cc.simulator.dialplan;

import cc.simulator.channel.Activity;
import cc.simulator.channel.Channel;
import java.util.List;

/** Starts a FastAGI session for the AGI() application; {@code done} runs once the session is over. */
public interface AgiRunner {
    Activity start(Channel ch, String url, List<String> args, Runnable done);
}
