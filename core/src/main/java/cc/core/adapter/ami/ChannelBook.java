package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;
import cc.core.domain.call.Leg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The channels of one server as the adapter knows them (Uniqueid to leg, the other half of each Local pair, the
 * bridge each leg is in), and the translation of channel signals into call events.
 *
 * <p>Threading: confined to the server's Vert.x context; not thread-safe.
 */
final class ChannelBook {
    /** Cause text of the legs found gone after a reconnect. */
    static final String LINK_LOST = "link-lost";

    private final String server;
    private final Map<String, Tracked> byUniqueId = new HashMap<>();
    private Set<String> resyncCandidates;
    private final Set<String> endedSinceMark = new HashSet<>();
    /**
     * The legs that hung up last, newest at the end: Asterisk still reports on a channel after its Hangup (a Local
     * half's NewCallerid, trace ami-17), and tracking it again would keep that leg here, and in every consumer of its
     * events, for good.
     */
    private final Set<String> hungUp = new LinkedHashSet<>();
    /** About a minute of hang-ups at 20 calls/s; the late reports come within milliseconds of the Hangup. */
    static final int HUNG_UP_REMEMBERED = 4_096;

    private static final class Tracked {
        final Leg leg;
        String localPeer;
        String bridgeId;
        /** The caller ID last reported for the leg (Newchannel, NewCallerid, a channel list). */
        String callerNumber = "";
        String callerName = "";

        Tracked(Leg leg) {
            this.leg = leg;
        }
    }

    /** Counts of one resync. */
    record Resync(int liveLegs, int endedWhileDown, int startedWhileDown) {}

    ChannelBook(String server) {
        this.server = server;
    }

    /** Applies a channel signal; emits the call events it means, in order. Link signals are not handled here. */
    void apply(AmiSignal signal, Consumer<CallEvent> out) {
        String about = channelReportedOn(signal);
        if (about != null && !byUniqueId.containsKey(about) && hungUp.contains(about)) {
            return;
        }
        if (signal instanceof AmiSignal.ChannelCreated) {
            AmiSignal.ChannelCreated s = (AmiSignal.ChannelCreated) signal;
            hungUp.remove(s.uniqueId());
            Tracked t = new Tracked(new Leg(server, s.uniqueId(), s.channel(), s.linkedId()));
            t.callerNumber = s.callerNumber();
            t.callerName = s.callerName();
            byUniqueId.put(s.uniqueId(), t);
            out.accept(new CallEvent.CallStarted(t.leg, s.at(), s.callerNumber(), s.callerName(), s.exten(),
                    s.context()));
        } else if (signal instanceof AmiSignal.CallerIdSet) {
            AmiSignal.CallerIdSet s = (AmiSignal.CallerIdSet) signal;
            Tracked t = track(s.uniqueId(), s.channel(), s.linkedId());
            t.callerNumber = s.callerNumber();
            t.callerName = s.callerName();
            out.accept(new CallEvent.CallerIdChanged(t.leg, s.at(), s.callerNumber(), s.callerName()));
        } else if (signal instanceof AmiSignal.StateChanged) {
            AmiSignal.StateChanged s = (AmiSignal.StateChanged) signal;
            Leg leg = track(s.uniqueId(), s.channel(), s.linkedId()).leg;
            out.accept(s.answered() ? new CallEvent.CallAnswered(leg, s.at()) : new CallEvent.CallRinging(leg, s.at()));
        } else if (signal instanceof AmiSignal.LocalPaired) {
            AmiSignal.LocalPaired s = (AmiSignal.LocalPaired) signal;
            Tracked one = byUniqueId.get(s.uniqueIdOne());
            Tracked two = byUniqueId.get(s.uniqueIdTwo());
            if (one != null) {
                one.localPeer = s.uniqueIdTwo();
            }
            if (two != null) {
                two.localPeer = s.uniqueIdOne();
            }
        } else if (signal instanceof AmiSignal.BridgeChanged) {
            AmiSignal.BridgeChanged s = (AmiSignal.BridgeChanged) signal;
            Tracked t = track(s.uniqueId(), s.channel(), s.linkedId());
            if (s.entered()) {
                t.bridgeId = s.bridgeId();
                out.accept(new CallEvent.LegsBridged(t.leg, s.at(), s.bridgeId()));
            } else {
                t.bridgeId = null;
                out.accept(new CallEvent.LegUnbridged(t.leg, s.at(), s.bridgeId()));
            }
        } else if (signal instanceof AmiSignal.DigitReceived) {
            AmiSignal.DigitReceived s = (AmiSignal.DigitReceived) signal;
            out.accept(new CallEvent.DtmfReceived(track(s.uniqueId(), s.channel(), s.linkedId()).leg, s.at(),
                    s.digit()));
        } else if (signal instanceof AmiSignal.VariableChanged) {
            AmiSignal.VariableChanged s = (AmiSignal.VariableChanged) signal;
            out.accept(new CallEvent.VariableSet(track(s.uniqueId(), s.channel(), s.linkedId()).leg, s.at(),
                    s.name(), s.value()));
        } else if (signal instanceof AmiSignal.HungUp) {
            AmiSignal.HungUp s = (AmiSignal.HungUp) signal;
            Tracked t = byUniqueId.remove(s.uniqueId());
            rememberHungUp(s.uniqueId());
            Leg leg = t != null ? t.leg : new Leg(server, s.uniqueId(), s.channel(), s.linkedId());
            if (t != null && t.localPeer != null) {
                Tracked peer = byUniqueId.get(t.localPeer);
                if (peer != null && s.uniqueId().equals(peer.localPeer)) {
                    peer.localPeer = null;
                }
            }
            if (resyncCandidates != null) {
                resyncCandidates.remove(s.uniqueId());
                endedSinceMark.add(s.uniqueId());
            }
            out.accept(new CallEvent.CallHungUp(leg, s.at(), s.cause(), s.causeText()));
        }
    }

    /**
     * Starts over from the legs another node followed (this node takes the server's link over): the book holds them,
     * Local halves paired by name, so the resync after the login ends those that ended meanwhile and starts those
     * that began.
     */
    void seed(java.util.Collection<FollowedLegs.Followed> legs) {
        byUniqueId.clear();
        hungUp.clear();
        resyncCandidates = null;
        endedSinceMark.clear();
        List<Tracked> seeded = new ArrayList<>();
        for (FollowedLegs.Followed f : legs) {
            Tracked t = new Tracked(f.leg());
            t.callerNumber = f.callerNumber();
            t.callerName = f.callerName();
            t.bridgeId = f.bridgeId().isEmpty() ? null : f.bridgeId();
            byUniqueId.put(f.leg().uniqueId(), t);
            seeded.add(t);
        }
        pairLocalHalves(seeded);
    }

    /** The legs known now are the ones a coming resync may find ended; legs created after this are not. */
    void markForResync() {
        resyncCandidates = new HashSet<>(byUniqueId.keySet());
        endedSinceMark.clear();
    }

    /**
     * Brings the book up to date with the server's list of live channels: every marked leg missing from the list
     * ended while the link was down (CallHungUp, cause 0, {@value #LINK_LOST}); every listed channel the book does
     * not know started while it was down (CallStarted). Legs both sides know stay as they are.
     */
    Resync resync(List<AmiSignal.LiveChannel> live, Instant at, Consumer<CallEvent> out) {
        Set<String> candidates = resyncCandidates != null ? resyncCandidates : new HashSet<>(byUniqueId.keySet());
        Set<String> listed = new HashSet<>();
        for (AmiSignal.LiveChannel c : live) {
            listed.add(c.uniqueId());
        }
        int ended = 0;
        for (String uniqueId : new ArrayList<>(candidates)) {
            if (!listed.contains(uniqueId)) {
                Tracked t = byUniqueId.remove(uniqueId);
                if (t != null) {
                    ended++;
                    out.accept(new CallEvent.CallHungUp(t.leg, at, 0, LINK_LOST));
                }
            }
        }
        int started = 0;
        List<Tracked> fresh = new ArrayList<>();
        for (AmiSignal.LiveChannel c : live) {
            Tracked known = byUniqueId.get(c.uniqueId());
            if (known != null && !c.callerNumber().isEmpty() && !c.callerNumber().equals(known.callerNumber)) {
                // a NewCallerid lost with the link (it follows Newchannel within milliseconds, ami-20): the list has it
                known.callerNumber = c.callerNumber();
                known.callerName = c.callerName();
                out.accept(new CallEvent.CallerIdChanged(known.leg, at, c.callerNumber(), c.callerName()));
            }
            if (known != null || endedSinceMark.contains(c.uniqueId())) {
                continue;
            }
            Tracked t = new Tracked(new Leg(server, c.uniqueId(), c.channel(), c.linkedId()));
            t.bridgeId = c.bridgeId().isEmpty() ? null : c.bridgeId();
            byUniqueId.put(c.uniqueId(), t);
            fresh.add(t);
            started++;
            out.accept(new CallEvent.CallStarted(t.leg, at, c.callerNumber(), c.callerName(), c.exten(), c.context()));
        }
        pairLocalHalves(fresh);
        resyncCandidates = null;
        endedSinceMark.clear();
        return new Resync(byUniqueId.size(), ended, started);
    }

    /** Local halves learnt from a channel list are paired by name: {@code Local/x@y-0000000a;1} with {@code ;2}. */
    private void pairLocalHalves(List<Tracked> fresh) {
        Map<String, Tracked> byName = new HashMap<>();
        for (Tracked t : byUniqueId.values()) {
            byName.put(t.leg.channelName(), t);
        }
        for (Tracked t : fresh) {
            String name = t.leg.channelName();
            if (!t.leg.isLocal() || name.length() < 2 || name.charAt(name.length() - 2) != ';') {
                continue;
            }
            char half = name.charAt(name.length() - 1);
            String other = name.substring(0, name.length() - 1) + (half == '1' ? '2' : '1');
            Tracked peer = byName.get(other);
            if (peer != null) {
                t.localPeer = peer.leg.uniqueId();
                peer.localPeer = t.leg.uniqueId();
            }
        }
    }

    private void rememberHungUp(String uniqueId) {
        hungUp.add(uniqueId);
        if (hungUp.size() > HUNG_UP_REMEMBERED) {
            Iterator<String> oldest = hungUp.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The channel a signal reports on after the channel's start (not its Newchannel, not a Local pairing). */
    private static String channelReportedOn(AmiSignal signal) {
        if (signal instanceof AmiSignal.CallerIdSet) {
            return ((AmiSignal.CallerIdSet) signal).uniqueId();
        } else if (signal instanceof AmiSignal.StateChanged) {
            return ((AmiSignal.StateChanged) signal).uniqueId();
        } else if (signal instanceof AmiSignal.BridgeChanged) {
            return ((AmiSignal.BridgeChanged) signal).uniqueId();
        } else if (signal instanceof AmiSignal.DigitReceived) {
            return ((AmiSignal.DigitReceived) signal).uniqueId();
        } else if (signal instanceof AmiSignal.VariableChanged) {
            return ((AmiSignal.VariableChanged) signal).uniqueId();
        }
        return null;
    }

    private Tracked track(String uniqueId, String channel, String linkedId) {
        Tracked t = byUniqueId.get(uniqueId);
        if (t == null) {
            t = new Tracked(new Leg(server, uniqueId, channel, linkedId));
            byUniqueId.put(uniqueId, t);
        }
        return t;
    }

    Optional<Leg> leg(String uniqueId) {
        Tracked t = byUniqueId.get(uniqueId);
        return t == null ? Optional.empty() : Optional.of(t.leg);
    }

    /** The Uniqueid of the other half of a Local channel. */
    Optional<String> localPeer(String uniqueId) {
        Tracked t = byUniqueId.get(uniqueId);
        return t == null ? Optional.empty() : Optional.ofNullable(t.localPeer);
    }

    /** The bridge the leg is in now. */
    Optional<String> bridgeOf(String uniqueId) {
        Tracked t = byUniqueId.get(uniqueId);
        return t == null ? Optional.empty() : Optional.ofNullable(t.bridgeId);
    }

    int size() {
        return byUniqueId.size();
    }
}
