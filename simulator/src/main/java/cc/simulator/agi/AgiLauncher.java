package cc.simulator.agi;

import cc.simulator.Timings;
import cc.simulator.channel.Activity;
import cc.simulator.channel.Channel;
import cc.simulator.channel.Pbx;
import cc.simulator.dialplan.AgiRunner;
import cc.simulator.dialplan.DialplanExecutor;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.vertx.core.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts FastAGI sessions for the AGI() application. Sockets are plain Netty (half-closure allowed, so the final
 * {@code HANGUP} line still reaches a script that shut its output down); every received line is handed to the
 * simulator's event-loop context, where the session state lives.
 */
public final class AgiLauncher implements AgiRunner, AutoCloseable {
    final Pbx pbx;
    final DialplanExecutor executor;
    final Timings timings;
    final Context context;
    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    /** AstDB for DATABASE PUT/GET, shared by all sessions like Asterisk's. */
    final Map<String, String> database = new HashMap<>();
    /** Named FastAGI failures waiting for the next session of a caller number (taken once). */
    final Map<String, cc.simulator.AgiFault> faults = new HashMap<>();

    /** The next FastAGI session of a channel with this caller number meets the fault. */
    public void injectFault(String callerNumber, cc.simulator.AgiFault fault) {
        faults.put(callerNumber, fault);
    }

    public AgiLauncher(Pbx pbx, DialplanExecutor executor, Timings timings, Context context) {
        this.pbx = pbx;
        this.executor = executor;
        this.timings = timings;
        this.context = context;
        warmUp();
    }

    /** Loads Netty's client classes now, so the first AGI() of a test run is not 100s of ms late. */
    private void warmUp() {
        io.netty.channel.ChannelFuture f = new io.netty.bootstrap.Bootstrap().group(group)
            .channel(io.netty.channel.socket.nio.NioSocketChannel.class)
            .handler(new io.netty.handler.codec.LineBasedFrameDecoder(1024)).register();
        f.addListener(x -> f.channel().close());
    }

    @Override
    public Activity start(Channel ch, String url, List<String> args, Runnable done) {
        AgiSession session = new AgiSession(this, ch, url, args, done);
        session.connect();
        return session;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
