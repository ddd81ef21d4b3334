package cc.core.adapter.ami;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.app.telephony.Telephony;
import cc.core.app.telephony.TelephonyException;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.ConfbridgeKickAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.MixMonitorMuteAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.StopMixMonitorAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.response.GetVarResponse;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The telephony port over the Asterisk Manager Interface, for one or more Asterisk servers.
 *
 * <p>asterisk-java 3.42.2 is used as wire codec and socket client only; none of its types leave this package.
 * Each server has its own connection, state and Vert.x event-loop context: its call and link events are delivered
 * on that context in wire order, and it reconnects on its own with a jittered exponential backoff, then lists the
 * live channels to emit what it missed. See {@link AmiServerLink} for the threading design.
 */
public final class AmiTelephony implements Telephony {

    private final Map<String, AmiServerLink> links = new LinkedHashMap<>();
    private final EventHandlers<CallEvent> callHandlers = new EventHandlers<>("call event");
    private final EventHandlers<LinkEvent> linkHandlers = new EventHandlers<>("link event");
    private final UnmappedEvents unmapped;

    public AmiTelephony(Vertx vertx, List<AmiServerConfig> servers, AmiOptions options, MeterRegistry registry,
                        InstantSource clock) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no AMI server configured");
        }
        this.unmapped = new UnmappedEvents(registry);
        AmiEventMapper mapper = new AmiEventMapper(options.variables(), unmapped);
        AmiServerLink.Sink sink = new AmiServerLink.Sink() {
            @Override
            public void callEvent(CallEvent event) {
                callHandlers.deliver(event);
            }

            @Override
            public void linkEvent(LinkEvent event) {
                linkHandlers.deliver(event);
            }
        };
        for (AmiServerConfig server : servers) {
            if (links.containsKey(server.name())) {
                throw new IllegalArgumentException("AMI server name " + server.name() + " is configured twice");
            }
            links.put(server.name(), new AmiServerLink(server, options, vertx, clock, mapper, sink));
            AmiServerLink link = links.get(server.name());
            Gauge.builder("cc.ami.link.up", link, l -> l.isUp() ? 1 : 0).tag("server", server.name())
                    .description("1 while the AMI link to the server is logged in").register(registry);
            FunctionCounter.builder("cc.ami.intake.received", link, AmiServerLink::received)
                    .tag("server", server.name()).description("AMI events and responses taken off the wire")
                    .register(registry);
            Gauge.builder("cc.ami.intake.backlog", link, AmiServerLink::backlog).tag("server", server.name())
                    .description("AMI signals received but not yet handled on the server's context")
                    .register(registry);
        }
    }

    /**
     * Logs in to every server. Fails, naming host, port and user, when any login is refused or cannot connect;
     * the servers that did log in stay up (call {@link #stop()}).
     */
    public Future<Void> start() {
        List<Future<Void>> all = new ArrayList<>();
        for (AmiServerLink link : links.values()) {
            all.add(link.start());
        }
        return Future.join(all).recover(err -> {
            for (Future<Void> f : all) {
                if (f.failed()) {
                    return Future.failedFuture(f.cause());
                }
            }
            return Future.failedFuture(err);
        }).mapEmpty();
    }

    /** Logs off every server; no reconnect follows. */
    public Future<Void> stop() {
        List<Future<Void>> all = new ArrayList<>();
        for (AmiServerLink link : links.values()) {
            all.add(link.stop());
        }
        return Future.join(all).mapEmpty();
    }

    /** Logs in to one server, taking its link over from another node, from the legs that node's events showed. */
    public void takeOver(String server, java.util.Collection<FollowedLegs.Followed> legs) {
        AmiServerLink link = links.get(server);
        if (link != null) {
            link.takeOver(legs);
        }
    }

    /** Logs off one server (another node owns its link now); no reconnect follows until {@link #takeOver}. */
    public Future<Void> release(String server) {
        AmiServerLink link = links.get(server);
        return link == null ? Future.succeededFuture() : link.stop();
    }

    /** The configured servers' names. */
    public List<String> servers() {
        return List.copyOf(links.keySet());
    }

    @Override
    public Future<OriginateResult> originate(OriginateRequest request) {
        AmiServerLink link = links.get(request.server());
        return link == null ? unknownServer(request.server()) : link.originate(request);
    }

    @Override
    public Future<Void> redirect(String server, String channel, String context, String exten, int priority) {
        AmiServerLink link = links.get(server);
        return link == null ? unknownServer(server)
                : link.command(new RedirectAction(channel, context, exten, priority), "Redirect " + channel, r -> null);
    }

    @Override
    public Future<Void> bridge(String server, String channel1, String channel2) {
        AmiServerLink link = links.get(server);
        return link == null ? unknownServer(server)
                : link.command(new BridgeAction(channel1, channel2, false), "Bridge " + channel1 + " " + channel2,
                        r -> null);
    }

    @Override
    public Future<Void> hangup(String server, String channel, int cause) {
        AmiServerLink link = links.get(server);
        return link == null ? unknownServer(server)
                : link.command(new HangupAction(channel, cause), "Hangup " + channel, r -> null);
    }

    @Override
    public Future<Void> setVariable(String server, String channel, String name, String value) {
        AmiServerLink link = links.get(server);
        return link == null ? unknownServer(server)
                : link.command(new SetVarAction(channel, name, value), "Setvar " + name + " on " + channel, r -> null);
    }

    @Override
    public Future<Optional<String>> getVariable(String server, String channel, String name) {
        AmiServerLink link = links.get(server);
        return link == null ? unknownServer(server)
                : link.command(new GetVarAction(channel, name), "Getvar " + name + " on " + channel, r -> {
                    String value = r instanceof GetVarResponse ? ((GetVarResponse) r).getValue() : r.getAttribute("value");
                    return value == null || value.isEmpty() ? Optional.<String>empty() : Optional.of(value);
                });
    }

    @Override
    public Future<Void> redirectBoth(String server, String channel, String extraChannel, String context,
                                     String exten) {
        RedirectAction action = new RedirectAction(channel, context, exten, 1);
        action.setExtraChannel(extraChannel);
        action.setExtraContext(context);
        action.setExtraExten(exten);
        action.setExtraPriority(1);
        return command(server, action, "Redirect " + channel + " and " + extraChannel, r -> null);
    }

    @Override
    public Future<Void> blindTransfer(String server, String transferer, String context, String exten) {
        return command(server, new AmiCallControlActions.BlindTransfer(transferer, context, exten),
                "BlindTransfer " + transferer, r -> null);
    }

    @Override
    public Future<Void> attendedTransfer(String server, String transferer, String context, String exten) {
        AtxferAction action = new AtxferAction();
        action.setChannel(transferer);
        action.setExten(exten);
        action.setContext(context);
        return command(server, action, "Atxfer " + transferer, r -> null);
    }

    @Override
    public Future<Void> cancelAttendedTransfer(String server, String transferer) {
        return command(server, new AmiCallControlActions.CancelAtxfer(transferer), "CancelAtxfer " + transferer,
                r -> null);
    }

    @Override
    public Future<String> startRecording(String server, String channel, String file) {
        // b: only while bridged (the conversation, not the hold music); i(): Asterisk names the recording so this
        // one can be stopped alone, and sets the variable on the channel for the record's sake
        MixMonitorAction action = new MixMonitorAction(channel, file, "bi(" + RECORDING_ID_VARIABLE + ")");
        return command(server, action, "MixMonitor " + channel, r -> {
            String id = r.getAttribute("mixmonitorid");
            if (id == null || id.isBlank()) {
                throw new TelephonyException(TelephonyException.Kind.REFUSED,
                        "AMI MixMonitor on " + server + " answered without a MixMonitorID");
            }
            return id;
        });
    }

    @Override
    public Future<Void> muteRecording(String server, String channel, boolean muted) {
        return command(server, new MixMonitorMuteAction(channel, "both", muted ? 1 : 0),
                "MixMonitorMute " + channel, r -> null);
    }

    @Override
    public Future<Void> stopRecording(String server, String channel, String recordingId) {
        // no id: whatever records the channel (one header left out, not sent empty)
        String id = recordingId == null || recordingId.isBlank() ? null : recordingId;
        return command(server, new StopMixMonitorAction(channel, id), "StopMixMonitor " + channel,
                r -> null);
    }

    @Override
    public Future<Void> leaveConference(String server, String conference, String channel) {
        return command(server, new ConfbridgeKickAction(conference, channel), "ConfbridgeKick " + channel, r -> null);
    }

    /** The channel variable MixMonitor sets to the recording's id (option {@code i}). */
    public static final String RECORDING_ID_VARIABLE = "CC_REC_ID";

    private <T> Future<T> command(String server, org.asteriskjava.manager.action.ManagerAction action, String what,
                                  java.util.function.Function<org.asteriskjava.manager.response.ManagerResponse, T>
                                          onSuccess) {
        AmiServerLink link = links.get(server);
        return link == null ? unknownServer(server) : link.command(action, what, onSuccess);
    }

    @Override
    public void onCallEvent(Consumer<CallEvent> handler) {
        callHandlers.add(handler);
    }

    @Override
    public void onLinkEvent(Consumer<LinkEvent> handler) {
        linkHandlers.add(handler);
    }

    @Override
    public boolean isUp(String server) {
        AmiServerLink link = links.get(server);
        return link != null && link.isUp();
    }

    /** AMI events received but not mapped, per event name (also the counter {@code cc.ami.events.unmapped}). */
    public Map<String, Long> unmappedEvents() {
        return unmapped.snapshot();
    }

    /** How many hops onto the server's context the event intake has made: one per batch, not per event. */
    public long intakeHops(String server) {
        AmiServerLink link = links.get(server);
        return link == null ? 0 : link.drainHops();
    }

    private static <T> Future<T> unknownServer(String server) {
        return Future.failedFuture(new TelephonyException(TelephonyException.Kind.NOT_CONNECTED,
                "no AMI server named " + server + " is configured"));
    }
}
