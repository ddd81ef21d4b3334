package cc.simulator.agi;

import cc.simulator.channel.Activity;
import cc.simulator.channel.Causes;
import cc.simulator.channel.Channel;
import cc.simulator.channel.ChannelState;
import cc.simulator.channel.Pbx;
import cc.simulator.dialplan.DialplanExecutor;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI session, as Asterisk's res_agi runs it: environment block, then one command at a time, each answered
 * with Asterisk's exact reply and framed by AGIExecStart/AGIExecEnd events. After the channel hangs up it writes
 * {@code HANGUP} once, answers channel commands with 511 and keeps serving variable commands until the script ends;
 * then it writes the final {@code HANGUP}, closes, and sets AGISTATUS.
 *
 * <p>Threading: all state is touched on the simulator's event loop; Netty threads only post lines to it.
 */
final class AgiSession implements Activity {
    private static final Logger LOG = LoggerFactory.getLogger(AgiSession.class);
    private static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";

    private final AgiLauncher env;
    private final Pbx pbx;
    private final Channel ch;
    private final String url;
    private final List<String> args;
    private final Runnable done;
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private io.netty.channel.Channel socket;
    private Running running;
    private boolean hangupNotified;
    /**
     * The channel was yanked into a bridge: this session now runs on the dead copy Asterisk's masquerade leaves
     * behind. It is told HANGUP and gets 511 for channel commands like after a hang-up, but AGISTATUS lands on the
     * dead copy and the dialplan does not continue from here (the live channel continues after its bridge).
     */
    private boolean yanked;
    private boolean ended;
    private boolean failed;
    /** The test's named failure for this session (null: none), see {@link cc.simulator.AgiFault}. */
    private final cc.simulator.AgiFault fault;
    private int commandsSeen;
    /** After a SILENT or GARBAGE fault: every later line is read and left unanswered. */
    private boolean mute;
    private boolean closeAfterReply;

    /** A command still running (streaming, waiting for digits): how to stop it and what it answers on hangup. */
    private interface Running {
        void cancel();

        void onHangup();

        /** A command that stops by {@code stop}; on hang-up it stops and then answers with {@code hangupReply}. */
        static Running stoppedBy(Runnable stop, Runnable hangupReply) {
            return new Running() {
                @Override
                public void cancel() {
                    stop.run();
                }

                @Override
                public void onHangup() {
                    stop.run();
                    hangupReply.run();
                }
            };
        }
    }

    AgiSession(AgiLauncher env, Channel ch, String url, List<String> args, Runnable done) {
        this.env = env;
        this.pbx = env.pbx;
        this.ch = ch;
        this.url = url;
        this.args = args;
        this.done = done;
        this.fault = env.faults.remove(ch.callerIdNum());
    }

    void connect() {
        pbx.counters().inc("agi.sessions");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            LOG.warn("AGI URL {} is not valid: {}", url, e.getMessage());
            failConnect();
            return;
        }
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 4573 : uri.getPort();
        Bootstrap b = new Bootstrap()
            .group(env.group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3_000)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel c) {
                    c.pipeline().addLast(new LineBasedFrameDecoder(64 * 1024, true, false));
                    c.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                            String line = msg.toString(StandardCharsets.UTF_8);
                            if (line.endsWith("\r")) {
                                line = line.substring(0, line.length() - 1);
                            }
                            String l = line;
                            env.context.runOnContext(v -> onLine(l));
                        }

                        @Override
                        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                            if (evt instanceof ChannelInputShutdownEvent) {
                                env.context.runOnContext(v -> onEof());
                            }
                        }

                        @Override
                        public void channelInactive(ChannelHandlerContext ctx) {
                            env.context.runOnContext(v -> onEof());
                        }

                        @Override
                        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            LOG.debug("AGI socket error on {}: {}", ch.name(), cause.toString());
                            ctx.close();
                        }
                    });
                }
            });
        b.connect(host, port).addListener(f -> env.context.runOnContext(v -> {
            if (!f.isSuccess()) {
                failConnect();
                return;
            }
            socket = ((io.netty.channel.ChannelFuture) f).channel();
            if (ended) {
                socket.close();
                return;
            }
            ch.agiTranscript.add("= " + url);
            write(environment(uri));
            if (ch.hangupRequested() || yanked) {
                notifyHangup();
            }
        }));
    }

    private void failConnect() {
        pbx.counters().inc("agi.connect-failures");
        ended = true;
        if (yanked) {
            return;
        }
        pbx.setVar(ch, "AGISTATUS", "FAILURE");
        done.run();
    }

    private String environment(URI uri) {
        String path = url.substring(url.indexOf("//") + 2);
        int slash = path.indexOf('/');
        String script = slash < 0 ? "" : path.substring(slash + 1);
        StringBuilder sb = new StringBuilder(512);
        line(sb, "agi_network", "yes");
        line(sb, "agi_network_script", script);
        line(sb, "agi_request", url);
        line(sb, "agi_channel", ch.name());
        line(sb, "agi_language", ch.language());
        line(sb, "agi_type", ch.type());
        line(sb, "agi_uniqueid", ch.uniqueid());
        line(sb, "agi_version", "22.10.1");
        line(sb, "agi_callerid", unknownIfEmpty(ch.callerIdNum()));
        line(sb, "agi_calleridname", unknownIfEmpty(ch.callerIdName()));
        line(sb, "agi_callingpres", "0");
        line(sb, "agi_callingani2", "0");
        line(sb, "agi_callington", "0");
        line(sb, "agi_callingtns", "0");
        // every simulated channel is originated (Local callers, PJSIP phones): none has a dialled number (agi-01)
        line(sb, "agi_dnid", "unknown");
        line(sb, "agi_rdnis", "unknown");
        line(sb, "agi_context", ch.context());
        line(sb, "agi_extension", ch.exten());
        line(sb, "agi_priority", Integer.toString(ch.priority()));
        line(sb, "agi_enhanced", "0.0");
        line(sb, "agi_accountcode", "");
        line(sb, "agi_threadid", Long.toString(140261700000000L + (Math.abs(ch.uniqueid().hashCode()) % 1_000_000L) * 64));
        for (int i = 0; i < args.size(); i++) {
            line(sb, "agi_arg_" + (i + 1), args.get(i));
        }
        return sb.append('\n').toString();
    }

    private static String unknownIfEmpty(String v) {
        return v == null || v.isEmpty() || v.equals("<unknown>") ? "unknown" : v;
    }

    private static void line(StringBuilder sb, String k, String v) {
        sb.append(k).append(": ").append(v).append('\n');
    }

    private void write(String text) {
        if (socket != null && socket.isActive()) {
            socket.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        }
    }

    // ---- Activity ----

    @Override
    public boolean survivesHangup() {
        return true;
    }

    @Override
    public void onHangup() {
        if (socket == null || ended) {
            return;
        }
        notifyHangup();
    }

    private void notifyHangup() {
        if (hangupNotified) {
            return;
        }
        hangupNotified = true;
        if (running != null) {
            Running r = running;
            r.onHangup();
            pbx.after(env.timings.agiHangupNoticeMs(), this::writeHangupNotice);
        } else {
            writeHangupNotice();
        }
    }

    private void writeHangupNotice() {
        if (socket != null && socket.isActive()) {
            ch.agiTranscript.add("< HANGUP");
        }
        write("HANGUP\n");
    }

    @Override
    public void leaveForBridge() {
        if (ended) {
            return;
        }
        yanked = true;
        if (socket != null) {
            notifyHangup();
        }
    }

    @Override
    public void interrupt() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        ended = true;
        if (socket != null) {
            write("HANGUP\n");
            socket.close();
        }
    }

    // ---- commands ----

    private void onLine(String line) {
        if (ended || mute) {
            return;
        }
        if (line.isBlank()) {
            return;
        }
        pending.add(line);
        pump();
    }

    private void pump() {
        while (running == null && !pending.isEmpty() && !ended) {
            String cmd = pending.poll();
            if (!faulted(cmd)) {
                execute(cmd);
            }
        }
    }

    /** Applies the session's named failure when its command comes; true when the command is not to be run. */
    private boolean faulted(String cmd) {
        if (fault == null || ++commandsSeen != fault.atCommand()) {
            return false;
        }
        pbx.counters().inc("agi.faults");
        ch.agiTranscript.add("! " + fault.kind() + " at: " + cmd);
        switch (fault.kind()) {
            case SILENT:
                mute = true;
                pending.clear();
                return true;
            case GARBAGE:
                mute = true;
                pending.clear();
                write(cc.simulator.AgiFault.GARBAGE_LINE + "\n");
                return true;
            case DISCONNECT:
                failed = true;
                socket.close();
                return true;
            default:
                closeAfterReply = true;
                return false;
        }
    }

    private void onEof() {
        if (ended) {
            return;
        }
        ended = true;
        if (running != null) {
            running.cancel();
            running = null;
        }
        if (socket != null && socket.isActive()) {
            socket.writeAndFlush(Unpooled.copiedBuffer("HANGUP\n", StandardCharsets.UTF_8))
                .addListener(f -> socket.close());
        }
        if (yanked) {
            return;
        }
        String status = ch.hangupRequested() ? "HANGUP" : failed ? "FAILURE" : "SUCCESS";
        if (ch.isAlive()) {
            pbx.setVar(ch, "AGISTATUS", status);
        }
        done.run();
    }

    private boolean dead() {
        return yanked || ch.hangupRequested() || !ch.isAlive();
    }

    private void execute(String text) {
        pbx.counters().inc("agi.commands");
        String commandId = Integer.toString(pbx.random().nextInt(Integer.MAX_VALUE));
        pbx.emit(Pbx.channelEvent("AGIExecStart", "agi,all", ch).add("CommandId", commandId).add("Command", text));
        List<String> t = AgiCommandLine.tokens(text);
        Reply r = new Reply(text, commandId);
        if (t.isEmpty()) {
            r.send(510, "510 Invalid or unknown command", "Invalid or unknown command");
            return;
        }
        String w0 = t.get(0).toUpperCase(Locale.ROOT);
        String w1 = t.size() > 1 ? t.get(1).toUpperCase(Locale.ROOT) : "";
        String w2 = t.size() > 2 ? t.get(2).toUpperCase(Locale.ROOT) : "";
        switch (w0) {
            case "ANSWER":
                answer(r);
                return;
            case "HANGUP":
                hangup(r);
                return;
            case "NOOP":
                r.ok("200 result=0");
                return;
            case "VERBOSE":
                r.ok("200 result=1");
                return;
            case "EXEC":
                exec(r, t);
                return;
            case "DATABASE":
                database(r, w1, t);
                return;
            case "CHANNEL":
                if (w1.equals("STATUS")) {
                    channelStatus(r, t);
                    return;
                }
                break;
            case "STREAM":
                if (w1.equals("FILE")) {
                    streamFile(r, t);
                    return;
                }
                break;
            case "GET":
                if (w1.equals("DATA")) {
                    getData(r, t);
                    return;
                }
                if (w1.equals("VARIABLE")) {
                    getVariable(r, t);
                    return;
                }
                if (w1.equals("FULL") && w2.equals("VARIABLE")) {
                    getFullVariable(r, t);
                    return;
                }
                break;
            case "SET":
                set(r, w1, w2, t);
                return;
            case "WAIT":
                if (w1.equals("FOR") && w2.equals("DIGIT")) {
                    waitForDigit(r, t);
                    return;
                }
                break;
            case "SAY":
                say(r, w1, t);
                return;
            default:
                break;
        }
        r.send(510, "510 Invalid or unknown command", "Invalid or unknown command");
    }

    /** Writes a reply and the AGIExecEnd event, then lets the next queued command run. */
    private final class Reply {
        final String command;
        final String commandId;
        boolean sent;

        Reply(String command, String commandId) {
            this.command = command;
            this.commandId = commandId;
        }

        void ok(String wire) {
            send(200, wire, "Success");
        }

        void send(int code, String wire, String resultText) {
            if (sent) {
                return;
            }
            sent = true;
            running = null;
            ch.agiTranscript.add("> " + command);
            ch.agiTranscript.add("< " + wire);
            write(wire + "\n");
            if (closeAfterReply) {
                closeAfterReply = false;
                failed = true;
                socket.close();
            }
            pbx.emit(Pbx.channelEvent("AGIExecEnd", "agi,all", ch).add("CommandId", commandId).add("Command", command)
                .add("ResultCode", Integer.toString(code)).add("Result", resultText));
            if (!ended) {
                pbx.after(0, AgiSession.this::pump);
            }
        }

        void dead() {
            send(511, DEAD, "Command Not Permitted on a dead channel or intercept routine");
        }

        void usage(String cmd) {
            send(520, AgiUsage.reply(cmd), "Usage");
        }
    }

    private void answer(Reply r) {
        if (dead()) {
            r.dead();
            return;
        }
        if (ch.state() == ChannelState.UP) {
            r.ok("200 result=0");
            return;
        }
        pbx.answer(ch);
        long id = pbx.after(env.timings.answerMs(), () -> r.ok("200 result=0"));
        running = Running.stoppedBy(() -> pbx.cancel(id), () -> r.ok("200 result=-1"));
    }

    private void hangup(Reply r) {
        if (dead()) {
            r.dead();
            return;
        }
        // Asterisk requests the hangup first (SoftHangupRequest before AGIExecEnd), then replies, then says HANGUP
        running = new Running() {
            @Override
            public void cancel() {
            }

            @Override
            public void onHangup() {
                r.ok("200 result=1");
            }
        };
        pbx.softHangup(ch, Causes.UNKNOWN, 32);
        r.ok("200 result=1");
    }

    private void channelStatus(Reply r, List<String> t) {
        if (t.size() > 2) {
            Channel other = pbx.find(t.get(2));
            r.ok("200 result=" + (other == null ? -1 : other.state().code));
            return;
        }
        if (dead()) {
            r.dead();
            return;
        }
        r.ok("200 result=" + ch.state().code);
    }

    private void exec(Reply r, List<String> t) {
        if (t.size() < 2) {
            r.usage("EXEC");
            return;
        }
        String app = t.get(1);
        String data = t.size() > 2 ? t.get(2) : "";
        if (!DialplanExecutor.knownApp(app)) {
            r.send(200, "200 result=-2", "Unknown Result");
            return;
        }
        if (dead()) {
            if (app.equalsIgnoreCase("Playback")) {
                pbx.setVar(ch, "PLAYBACKSTATUS", "FAILED");
            }
            r.ok("200 result=0");
            return;
        }
        pbx.counters().inc("agi.exec." + app.toLowerCase(Locale.ROOT));
        Activity[] holder = new Activity[1];
        boolean[] finished = {false};
        holder[0] = env.executor.execApp(ch, app, data, res -> {
            finished[0] = true;
            r.ok("200 result=" + (res == -2 ? -2 : res < 0 ? -1 : 0));
        });
        if (!finished[0]) {
            running = new Running() {
                @Override
                public void cancel() {
                    if (holder[0] != null) {
                        holder[0].interrupt();
                    }
                }

                @Override
                public void onHangup() {
                    cancel();
                    r.ok("200 result=-1");
                }
            };
        }
    }

    private void database(Reply r, String sub, List<String> t) {
        switch (sub) {
            case "PUT":
                if (t.size() < 5) {
                    r.usage("DATABASE PUT");
                    return;
                }
                env.database.put(t.get(2) + "/" + t.get(3), t.get(4));
                r.ok("200 result=1");
                return;
            case "GET": {
                if (t.size() < 4) {
                    r.usage("DATABASE GET");
                    return;
                }
                String v = env.database.get(t.get(2) + "/" + t.get(3));
                r.ok(v == null ? "200 result=0" : "200 result=1 (" + v + ")");
                return;
            }
            case "DEL":
                if (t.size() < 4) {
                    r.usage("DATABASE DEL");
                    return;
                }
                r.ok(env.database.remove(t.get(2) + "/" + t.get(3)) != null ? "200 result=1" : "200 result=0");
                return;
            case "DELTREE":
                if (t.size() < 3) {
                    r.usage("DATABASE DELTREE");
                    return;
                }
                env.database.keySet().removeIf(k -> k.startsWith(t.get(2) + "/"));
                r.ok("200 result=1");
                return;
            default:
                r.send(510, "510 Invalid or unknown command", "Invalid or unknown command");
        }
    }

    private void getVariable(Reply r, List<String> t) {
        if (t.size() < 3) {
            r.usage("GET VARIABLE");
            return;
        }
        String v = pbx.readVar(ch, t.get(2));
        if (t.get(2).equals("HANGUPCAUSE") && !ch.hangupRequested()) {
            v = null;
        }
        r.ok(v == null ? "200 result=0" : "200 result=1 (" + v + ")");
    }

    private void getFullVariable(Reply r, List<String> t) {
        if (t.size() < 4) {
            r.usage("GET FULL VARIABLE");
            return;
        }
        Channel target = ch;
        if (t.size() > 4) {
            target = pbx.find(t.get(4));
            if (target == null) {
                r.ok("200 result=0");
                return;
            }
        }
        r.ok("200 result=1 (" + pbx.substitute(target, t.get(3)) + ")");
    }

    private void set(Reply r, String w1, String w2, List<String> t) {
        switch (w1) {
            case "VARIABLE":
                if (t.size() < 4) {
                    r.usage("SET VARIABLE");
                    return;
                }
                pbx.setVar(ch, t.get(2), t.get(3));
                r.ok("200 result=1");
                return;
            case "MUSIC":
                if (dead()) {
                    r.dead();
                    return;
                }
                if (w2.equals("ON")) {
                    pbx.startMoh(ch, t.size() > 3 ? t.get(3) : "default");
                } else {
                    pbx.stopMoh(ch);
                }
                r.ok("200 result=0");
                return;
            case "AUTOHANGUP":
            case "CONTEXT":
            case "EXTENSION":
            case "PRIORITY":
                r.ok("200 result=0");
                return;
            case "CALLERID":
                r.ok("200 result=1");
                return;
            default:
                r.send(510, "510 Invalid or unknown command", "Invalid or unknown command");
        }
    }

    private long promptLength(String file) {
        return env.timings.promptLength(file);
    }

    private void streamFile(Reply r, List<String> t) {
        if (t.size() < 4) {
            r.usage("STREAM FILE");
            return;
        }
        if (dead()) {
            r.dead();
            return;
        }
        String file = t.get(2);
        String escape = t.get(3);
        long len = promptLength(file);
        if (len < 0) {
            failed = true;
            r.send(-1, "200 result=-1 endpos=0", "Failure");
            return;
        }
        pbx.stopMoh(ch);
        long start = pbx.now();
        long[] timer = new long[1];
        Runnable stop = () -> {
            pbx.cancel(timer[0]);
            ch.setDtmfListener(null);
        };
        timer[0] = pbx.after(len, () -> {
            stop.run();
            pbx.setVar(ch, "PLAYBACKSTATUS", "SUCCESS");
            r.ok("200 result=0 endpos=" + len * 8);
        });
        ch.setDtmfListener(d -> {
            if (escape.indexOf(d) >= 0) {
                stop.run();
                pbx.setVar(ch, "PLAYBACKSTATUS", "FAILED");
                r.ok("200 result=" + (int) d + " endpos=" + pbx.simulatedSince(start) * 8);
            }
        });
        running = Running.stoppedBy(stop, () -> {
            pbx.setVar(ch, "PLAYBACKSTATUS", "FAILED");
            r.send(-1, "200 result=-1 endpos=" + pbx.simulatedSince(start) * 8, "Failure");
        });
    }

    private void getData(Reply r, List<String> t) {
        if (t.size() < 3) {
            r.usage("GET DATA");
            return;
        }
        if (dead()) {
            r.dead();
            return;
        }
        long prompt = Math.max(0, promptLength(t.get(2)));
        long timeout = t.size() > 3 ? parseLong(t.get(3), 0) : 0;
        if (timeout <= 0) {
            timeout = env.timings.getDataDefaultTimeoutMs();
        }
        int max = t.size() > 4 ? (int) parseLong(t.get(4), 1024) : 1024;
        long interDigit = timeout;
        StringBuilder digits = new StringBuilder();
        long[] timer = {-1};
        Runnable stop = () -> {
            pbx.cancel(timer[0]);
            ch.setDtmfListener(null);
        };
        Runnable onTimeout = () -> {
            stop.run();
            r.ok("200 result=" + digits + " (timeout)");
        };
        timer[0] = pbx.after(prompt + interDigit, onTimeout);
        ch.setDtmfListener(d -> {
            pbx.cancel(timer[0]);
            if (d == '#') {
                stop.run();
                r.ok("200 result=" + digits);
                return;
            }
            digits.append(d);
            if (digits.length() >= max) {
                stop.run();
                r.ok("200 result=" + digits);
                return;
            }
            timer[0] = pbx.after(interDigit, onTimeout);
        });
        running = Running.stoppedBy(stop, () -> r.send(-1, "200 result=-1", "Failure"));
    }

    private void waitForDigit(Reply r, List<String> t) {
        if (t.size() < 4) {
            r.usage("WAIT FOR DIGIT");
            return;
        }
        if (dead()) {
            r.dead();
            return;
        }
        long timeout = parseLong(t.get(3), 0);
        digitWait(r, timeout, null, d -> r.ok("200 result=" + (int) d), () -> r.ok("200 result=0"));
    }

    private void say(Reply r, String what, List<String> t) {
        String cmd = "SAY " + what;
        if (!what.equals("NUMBER") && !what.equals("DIGITS") && !what.equals("ALPHA") && !what.equals("PHONETIC")) {
            r.send(510, "510 Invalid or unknown command", "Invalid or unknown command");
            return;
        }
        if (t.size() < 4) {
            r.usage(cmd);
            return;
        }
        if (dead()) {
            r.dead();
            return;
        }
        String value = t.get(2);
        String escape = t.get(3);
        long units;
        if (what.equals("NUMBER")) {
            units = numberWords(parseLong(value, 0));
        } else {
            units = Math.max(1, value.length());
        }
        digitWait(r, units * env.timings.sayUnitMs(), escape, d -> r.ok("200 result=" + (int) d), () -> r.ok("200 result=0"));
    }

    /** Waits up to {@code ms} (negative = forever) for a digit (in {@code accept} when given). */
    private void digitWait(Reply r, long ms, String accept, Consumer<Character> onDigit, Runnable onTimeout) {
        long[] timer = {-1};
        Runnable stop = () -> {
            pbx.cancel(timer[0]);
            ch.setDtmfListener(null);
        };
        if (ms >= 0) {
            timer[0] = pbx.after(ms, () -> {
                stop.run();
                onTimeout.run();
            });
        }
        ch.setDtmfListener(d -> {
            if (accept == null || accept.indexOf(d) >= 0) {
                stop.run();
                onDigit.accept(d);
            }
        });
        running = Running.stoppedBy(stop, () -> r.send(-1, "200 result=-1", "Failure"));
    }

    static long numberWords(long n) {
        if (n < 0) {
            return 1 + numberWords(-n);
        }
        if (n >= 1_000_000) {
            return numberWords(n / 1_000_000) + 1 + (n % 1_000_000 == 0 ? 0 : numberWords(n % 1_000_000));
        }
        if (n >= 1000) {
            return numberWords(n / 1000) + 1 + (n % 1000 == 0 ? 0 : numberWords(n % 1000));
        }
        if (n >= 100) {
            return 2 + (n % 100 == 0 ? 0 : numberWords(n % 100));
        }
        if (n >= 20) {
            return 1 + (n % 10 == 0 ? 0 : 1);
        }
        return 1;
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

}
