package cc.core.adapter.ami;

import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ProtocolIdentifierReceivedEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Copies what the adapter needs out of asterisk-java's event beans into {@link AmiSignal} records. Runs on
 * asterisk-java's dispatch thread, so it does the minimum: type checks, a handful of getters, no lookups.
 * Stateless apart from the counters; safe on any thread.
 */
final class AmiEventMapper {
    private static final Logger LOG = LoggerFactory.getLogger(AmiEventMapper.class);
    /** AMI channel states (include/asterisk/channelstate.h). */
    private static final int STATE_RINGING = 5;
    private static final int STATE_UP = 6;

    private final VariableFilter variables;
    private final UnmappedEvents unmapped;
    private final RateLimitedLog malformed = new RateLimitedLog(LOG);

    AmiEventMapper(VariableFilter variables, UnmappedEvents unmapped) {
        this.variables = variables;
        this.unmapped = unmapped;
    }

    /**
     * The AMI events (lower case) {@link #mapOrNull} reads, and the answers to our channel list: only these are built
     * into the library's event beans ({@link #worthBuilding}).
     */
    private static final java.util.Set<String> MAPPED = java.util.Set.of("varset", "newchannel", "newcallerid",
            "newstate", "hangup", "dtmfend", "bridgeenter", "bridgeleave", "localbridge", "originateresponse",
            "coreshowchannel", "coreshowchannelscomplete");

    /**
     * Whether the library should build this frame's event (headers by lower-case name): an event this mapper reads
     * (a VarSet only of a variable the filter accepts), or any answer to an action of ours (it carries an ActionID).
     * The others are counted as unmapped here, by their AMI name, as {@link #map} would have; building them cost more
     * than everything the adapter does with the rest.
     */
    boolean worthBuilding(java.util.Map<String, Object> attributes) {
        Object name = attributes.get("event");
        if (!(name instanceof String event) || attributes.containsKey("actionid")) {
            return true; // an odd frame (the library and the reader guard deal with it), or an action's answer
        }
        String lower = event.toLowerCase(java.util.Locale.ROOT);
        if (!MAPPED.contains(lower)) {
            unmapped.count(event);
            return false;
        }
        return !lower.equals("varset") || !(attributes.get("variable") instanceof String v) || variables.accepts(v);
    }

    /**
     * The signal for an event, or null when the event carries nothing for the call model (counted as unmapped,
     * filtered out, or malformed and logged).
     */
    AmiSignal map(ManagerEvent event, Instant at) {
        try {
            return mapOrNull(event, at);
        } catch (RuntimeException e) {
            malformed.warn("map:" + event.getClass().getSimpleName(), "Skipped an AMI {} event that could not be read: {}",
                    eventName(event), e.toString());
            return null;
        }
    }

    private AmiSignal mapOrNull(ManagerEvent event, Instant at) {
        if (event instanceof VarSetEvent) {
            VarSetEvent e = (VarSetEvent) event;
            if (!variables.accepts(e.getVariable()) || !hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.VariableChanged(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    text(e.getChannel()), e.getVariable(), text(e.getValue()), at);
        }
        if (event instanceof NewChannelEvent) {
            NewChannelEvent e = (NewChannelEvent) event;
            if (!hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.ChannelCreated(e.getUniqueId(), linked(e.getLinkedid(), e.getUniqueId()),
                    text(e.getChannel()), text(e.getCallerIdNum()), text(e.getCallerIdName()), text(e.getExten()),
                    text(e.getContext()), at);
        }
        if (event instanceof NewCallerIdEvent) {
            NewCallerIdEvent e = (NewCallerIdEvent) event;
            if (!hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.CallerIdSet(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    text(e.getChannel()), text(e.getCallerIdNum()), text(e.getCallerIdName()), at);
        }
        if (event instanceof NewStateEvent) {
            NewStateEvent e = (NewStateEvent) event;
            Integer state = e.getChannelState();
            if (state == null || (state != STATE_RINGING && state != STATE_UP) || !hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.StateChanged(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    text(e.getChannel()), state == STATE_UP, at);
        }
        if (event instanceof HangupEvent) {
            HangupEvent e = (HangupEvent) event;
            if (!hasChannel(event, e.getUniqueId())) {
                return null;
            }
            Integer cause = e.getCause();
            return new AmiSignal.HungUp(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()), text(e.getChannel()),
                    cause == null ? 0 : cause, text(e.getCauseTxt()), at);
        }
        if (event instanceof DtmfEndEvent) {
            DtmfEndEvent e = (DtmfEndEvent) event;
            if (!e.isReceived() || !hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.DigitReceived(e.getUniqueId(), linked(e.getLinkedId(), e.getUniqueId()),
                    text(e.getChannel()), text(e.getDigit()), at);
        }
        if (event instanceof BridgeEnterEvent) {
            BridgeEnterEvent e = (BridgeEnterEvent) event;
            if (!hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.BridgeChanged(text(e.getBridgeUniqueId()), e.getUniqueId(),
                    linked(e.getLinkedId(), e.getUniqueId()), text(e.getChannel()), true, at);
        }
        if (event instanceof BridgeLeaveEvent) {
            BridgeLeaveEvent e = (BridgeLeaveEvent) event;
            if (!hasChannel(event, e.getUniqueId())) {
                return null;
            }
            return new AmiSignal.BridgeChanged(text(e.getBridgeUniqueId()), e.getUniqueId(),
                    linked(e.getLinkedId(), e.getUniqueId()), text(e.getChannel()), false, at);
        }
        if (event instanceof LocalBridgeEvent) {
            LocalBridgeEvent e = (LocalBridgeEvent) event;
            String one = e.getLocalOneUniqueId();
            String two = e.getLocalTwoUniqueid();
            if (one == null || two == null) {
                malformed.warn("LocalBridge", "Skipped an AMI LocalBridge event without both Uniqueids");
                return null;
            }
            return new AmiSignal.LocalPaired(one, two);
        }
        if (event instanceof OriginateResponseEvent) {
            OriginateResponseEvent e = (OriginateResponseEvent) event;
            if (e.getActionId() == null) {
                malformed.warn("OriginateResponse", "Skipped an AMI OriginateResponse without ActionID");
                return null;
            }
            Integer reason = e.getReason();
            return new AmiSignal.OriginateOutcome(e.getActionId(), "Success".equalsIgnoreCase(e.getResponse()),
                    reason == null ? 0 : reason, text(e.getChannel()), text(e.getUniqueId()));
        }
        if (isLibraryOwn(event)) {
            return null;
        }
        unmapped.count(eventName(event));
        return null;
    }

    /** Events the library makes up itself or answers to our own list action: neither mapped nor "unmapped". */
    private static boolean isLibraryOwn(ManagerEvent event) {
        Class<?> type = event.getClass();
        return type == DialEvent.class || type == BridgeEvent.class
                || event instanceof ConnectEvent || event instanceof DisconnectEvent
                || event instanceof ProtocolIdentifierReceivedEvent
                || event instanceof CoreShowChannelEvent || event instanceof CoreShowChannelsCompleteEvent;
    }

    private boolean hasChannel(ManagerEvent event, String uniqueId) {
        if (uniqueId == null || uniqueId.isEmpty()) {
            malformed.warn("no-uniqueid:" + event.getClass().getSimpleName(),
                    "Skipped an AMI {} event without Uniqueid", eventName(event));
            return false;
        }
        return true;
    }

    /** The AMI event name as asterisk-java knows it: its bean class name without the Event suffix. */
    static String eventName(ManagerEvent event) {
        String simple = event.getClass().getSimpleName();
        return simple.endsWith("Event") && simple.length() > 5 ? simple.substring(0, simple.length() - 5) : simple;
    }

    private static String linked(String linkedId, String uniqueId) {
        return linkedId == null || linkedId.isEmpty() ? uniqueId : linkedId;
    }

    /** Asterisk writes {@code <unknown>} for an unset caller ID; the call model says empty. */
    static String text(String value) {
        return value == null || "<unknown>".equals(value) ? "" : value;
    }
}
