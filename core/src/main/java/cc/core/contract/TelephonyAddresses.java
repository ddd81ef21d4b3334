package cc.core.contract;

import cc.core.app.telephony.OriginateRequest;
import cc.core.app.telephony.OriginateResult;
import cc.core.domain.call.CallEvent;
import cc.core.domain.call.LinkEvent;
import io.vertx.core.eventbus.EventBus;

import java.util.List;
import java.util.Optional;

/**
 * Event-bus addresses of the telephony link shared by several nodes ({@code cluster.enabled}): one node owns each
 * Asterisk server's AMI link and publishes what it reads there; the others hear it under
 * {@link ClusterAddresses#fromPeers} and send their commands to the owner. Each constant names the body record it
 * carries.
 */
public final class TelephonyAddresses {
    private TelephonyAddresses() {}

    /**
     * {@link RelayedCallEvents}: call events the owning node read on its AMI link, in order, as many as one intake
     * batch of the link gave (published, relayed to peers).
     */
    public static final String CALL_EVENT = "cc.telephony.call-event";

    /** {@link RelayedLinkEvent}: the owning node's link came up, went down or was resynced (published, relayed). */
    public static final String LINK_EVENT = "cc.telephony.link-event";

    /** {@link LinkState}: the owner says, every two seconds, whether its link is logged in (published, relayed). */
    public static final String LINK_STATE = "cc.telephony.link-state";

    /** {@link TelephonyCommand}: a command for the owning node's link (request, reply {@link TelephonyOutcome}). */
    public static final String COMMAND = "cc.telephony.command";

    /** Call events read on another node's link, in the order read. */
    public record RelayedCallEvents(List<CallEvent> events) {}

    /** A link event of another node's link. */
    public record RelayedLinkEvent(LinkEvent event) {}

    /** Whether {@code node}'s link to {@code server} is logged in now. */
    public record LinkState(String server, String node, boolean up) {}

    /**
     * One telephony command, named as the port's method ({@code redirect}, {@code hangup}...), with its string
     * arguments in the method's order; an originate carries its request instead.
     */
    public record TelephonyCommand(String server, String command, List<String> args,
                                   Optional<OriginateRequest> originate) {}

    /** What a command returned: the originate's result, or the value of a command that returns one. */
    public record TelephonyOutcome(Optional<OriginateResult> originate, Optional<String> value) {}

    /** Failure codes of a refused command: this base plus the {@code TelephonyException.Kind} ordinal. */
    public static final int FAILURE_BASE = 700;

    /** The body records of these addresses. */
    public static final List<Class<? extends Record>> RECORDS = List.of(RelayedCallEvents.class,
            RelayedLinkEvent.class, LinkState.class, TelephonyCommand.class, TelephonyOutcome.class);

    /** Registers the local codec of every record here that has none yet on this event bus. */
    public static void registerCodecs(EventBus bus) {
        RECORDS.forEach(type -> LocalRecordCodec.register(bus, type));
    }
}
