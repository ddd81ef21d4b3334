package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelBookTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    private final ChannelBook book = new ChannelBook("pbx");
    private final List<CallEvent> out = new ArrayList<>();

    private void apply(AmiSignal s) {
        book.apply(s, out::add);
    }

    private void localCall(String one, String two, String name) {
        apply(new AmiSignal.ChannelCreated(one, one, name + ";1", "5551234", "Alice", "100", "ivr-in", T0));
        apply(new AmiSignal.ChannelCreated(two, one, name + ";2", "5551234", "Alice", "100", "ivr-in", T0));
        apply(new AmiSignal.LocalPaired(one, two));
    }

    @Test
    @DisplayName("the two halves of a Local channel are tracked as one call and know each other")
    void localPair() {
        localCall("1.0", "1.1", "Local/100@ivr-in-00000000");

        assertEquals("1.1", book.localPeer("1.0").orElseThrow());
        assertEquals("1.0", book.localPeer("1.1").orElseThrow());
        assertEquals(List.of(
                "CallStarted 1.0 Local/100@ivr-in-00000000;1 call=1.0 from='5551234' 'Alice' to=100@ivr-in",
                "CallStarted 1.1 Local/100@ivr-in-00000000;2 call=1.0 from='5551234' 'Alice' to=100@ivr-in"),
                EventLines.of(out));
    }

    @Test
    @DisplayName("ringing, answer, bridge, digits, variables and hangup become call events on the tracked leg")
    void lifecycle() {
        localCall("1.0", "1.1", "Local/100@ivr-in-00000000");
        apply(new AmiSignal.StateChanged("1.1", "1.0", "Local/100@ivr-in-00000000;2", false, T0));
        apply(new AmiSignal.StateChanged("1.1", "1.0", "Local/100@ivr-in-00000000;2", true, T0));
        apply(new AmiSignal.DigitReceived("1.1", "1.0", "Local/100@ivr-in-00000000;2", "5", T0));
        apply(new AmiSignal.VariableChanged("1.1", "1.0", "Local/100@ivr-in-00000000;2", "AMDSTATUS", "HUMAN", T0));
        apply(new AmiSignal.BridgeChanged("b-1", "1.1", "1.0", "Local/100@ivr-in-00000000;2", true, T0));
        assertEquals("b-1", book.bridgeOf("1.1").orElseThrow());
        apply(new AmiSignal.BridgeChanged("b-1", "1.1", "1.0", "Local/100@ivr-in-00000000;2", false, T0));
        assertTrue(book.bridgeOf("1.1").isEmpty());
        apply(new AmiSignal.HungUp("1.1", "1.0", "Local/100@ivr-in-00000000;2", 16, "Normal Clearing", T1));

        assertEquals(List.of(
                "CallRinging 1.1 Local/100@ivr-in-00000000;2 call=1.0",
                "CallAnswered 1.1 Local/100@ivr-in-00000000;2 call=1.0",
                "DtmfReceived 1.1 Local/100@ivr-in-00000000;2 call=1.0 digit=5",
                "VariableSet 1.1 Local/100@ivr-in-00000000;2 call=1.0 AMDSTATUS=HUMAN",
                "LegsBridged 1.1 Local/100@ivr-in-00000000;2 call=1.0 bridge=b-1",
                "LegUnbridged 1.1 Local/100@ivr-in-00000000;2 call=1.0 bridge=b-1",
                "CallHungUp 1.1 Local/100@ivr-in-00000000;2 call=1.0 cause=16 Normal Clearing"),
                EventLines.of(out.subList(2, out.size())));
        assertEquals(1, book.size());
        assertTrue(book.localPeer("1.0").isEmpty());
    }

    @Test
    @DisplayName("a report on a channel after its hangup (a Local half's NewCallerid, trace ami-17) neither brings the leg back nor becomes an event")
    void reportAfterTheHangUp() {
        localCall("1.0", "1.1", "Local/100@ivr-in-00000000");
        apply(new AmiSignal.HungUp("1.1", "1.0", "Local/100@ivr-in-00000000;2", 16, "Normal Clearing", T1));
        apply(new AmiSignal.HungUp("1.0", "1.0", "Local/100@ivr-in-00000000;1", 16, "Normal Clearing", T1));
        out.clear();

        apply(new AmiSignal.CallerIdSet("1.0", "1.0", "Local/100@ivr-in-00000000;1", "5551234", "Alice", T1));
        apply(new AmiSignal.VariableChanged("1.1", "1.0", "Local/100@ivr-in-00000000;2", "AMDSTATUS", "HUMAN", T1));

        assertEquals(0, book.size(), "no leg kept for a channel that is gone");
        assertEquals(List.of(), EventLines.of(out));

        // a channel the book never saw start is still tracked from its first report (before a resync)
        apply(new AmiSignal.CallerIdSet("2.0", "2.0", "Local/200@ivr-in-00000001;1", "5550000", "Bob", T1));
        assertEquals(1, book.size());
    }

    @Test
    @DisplayName("a node taking the link over starts from the legs the old owner's events showed: the channel list "
            + "then ends the calls that ended meanwhile, starts the one that began, keeps the rest as they were")
    void takeOverFromFollowedLegs() {
        localCall("1.0", "1.1", "Local/100@ivr-in-00000000");
        localCall("2.0", "2.1", "Local/200@ivr-in-00000001");
        apply(new AmiSignal.CallerIdSet("2.0", "2.0", "Local/200@ivr-in-00000001;1", "5559999", "Bob", T0));
        apply(new AmiSignal.BridgeChanged("b-1", "1.1", "1.0", "Local/100@ivr-in-00000000;2", true, T0));
        apply(new AmiSignal.ChannelCreated("4.0", "4.0", "PJSIP/3001-00000004", "3001", "", "s", "agents", T0));
        apply(new AmiSignal.HungUp("4.0", "4.0", "PJSIP/3001-00000004", 16, "Normal Clearing", T0));
        FollowedLegs followed = new FollowedLegs();
        out.forEach(followed::apply);
        assertEquals(4, followed.legs("pbx").size(), "the hung-up leg is not followed");

        ChannelBook taker = new ChannelBook("pbx");
        taker.seed(followed.legs("pbx"));
        assertEquals("1.1", taker.localPeer("1.0").orElseThrow(), "Local halves paired by name");
        assertEquals("b-1", taker.bridgeOf("1.1").orElseThrow(), "the bridge the leg was in");
        taker.markForResync();
        List<CallEvent> after = new ArrayList<>();
        ChannelBook.Resync r = taker.resync(List.of(alice("1.0", "1.0", "Local/100@ivr-in-00000000;1"),
                alice("1.1", "1.0", "Local/100@ivr-in-00000000;2"), live("3.0", "3.0", "PJSIP/3002-00000009")),
                T1, after::add);

        assertEquals(new ChannelBook.Resync(3, 2, 1), r);
        assertEquals(List.of(
                "CallHungUp 2.0 Local/200@ivr-in-00000001;1 call=2.0 cause=0 link-lost",
                "CallHungUp 2.1 Local/200@ivr-in-00000001;2 call=2.0 cause=0 link-lost",
                "CallStarted 3.0 PJSIP/3002-00000009 call=3.0 from='5554444' 'Dave' to=sales@queue-in"),
                EventLines.of(after).stream().sorted().toList());
    }

    @Test
    @DisplayName("after a reconnect only the legs missing from the live list end, with cause 0 link-lost")
    void resyncEndsOnlyMissingLegs() {
        localCall("1.0", "1.1", "Local/100@ivr-in-00000000");
        localCall("2.0", "2.1", "Local/200@ivr-in-00000001");
        out.clear();
        book.markForResync();

        ChannelBook.Resync r = book.resync(List.of(alice("1.0", "1.0", "Local/100@ivr-in-00000000;1"),
                alice("1.1", "1.0", "Local/100@ivr-in-00000000;2")), T1, out::add);

        assertEquals(new ChannelBook.Resync(2, 2, 0), r);
        assertEquals(List.of(
                "CallHungUp 2.0 Local/200@ivr-in-00000001;1 call=2.0 cause=0 link-lost",
                "CallHungUp 2.1 Local/200@ivr-in-00000001;2 call=2.0 cause=0 link-lost"),
                EventLines.of(out));
        assertEquals(T1, out.get(0).at());
    }

    @Test
    @DisplayName("after a reconnect a live channel the adapter never saw starts, and its Local halves are paired")
    void resyncStartsUnknownChannels() {
        book.markForResync();

        ChannelBook.Resync r = book.resync(List.of(live("3.0", "3.0", "Local/sales@queue-in-00000020;1"),
                live("3.1", "3.0", "Local/sales@queue-in-00000020;2")), T1, out::add);

        assertEquals(new ChannelBook.Resync(2, 0, 2), r);
        assertEquals(List.of(
                "CallStarted 3.0 Local/sales@queue-in-00000020;1 call=3.0 from='5554444' 'Dave' to=sales@queue-in",
                "CallStarted 3.1 Local/sales@queue-in-00000020;2 call=3.0 from='5554444' 'Dave' to=sales@queue-in"),
                EventLines.of(out));
        assertEquals("3.1", book.localPeer("3.0").orElseThrow());
    }

    @Test
    @DisplayName("a leg created or hung up between the reconnect and the channel list is not mistaken for a change")
    void resyncIgnoresLegsOfTheNewConnection() {
        localCall("1.0", "1.1", "Local/100@ivr-in-00000000");
        book.markForResync();
        apply(new AmiSignal.ChannelCreated("4.0", "4.0", "PJSIP/1001-00000004", "1001", "", "200", "agents", T1));
        apply(new AmiSignal.HungUp("1.1", "1.0", "Local/100@ivr-in-00000000;2", 16, "Normal Clearing", T1));
        out.clear();

        // the list was taken before the hangup and before the new channel
        ChannelBook.Resync r = book.resync(List.of(alice("1.0", "1.0", "Local/100@ivr-in-00000000;1"),
                alice("1.1", "1.0", "Local/100@ivr-in-00000000;2")), T1, out::add);

        assertEquals(List.of(), EventLines.of(out));
        assertEquals(new ChannelBook.Resync(2, 0, 0), r);
        assertTrue(book.leg("4.0").isPresent());
    }

    @Test
    @DisplayName("after a reconnect a known leg whose NewCallerid was lost with the link gets its caller ID from the"
            + " channel list")
    void resyncRefreshesCallerId() {
        // Newchannel comes with <unknown> (ami-20); the NewCallerid after it was lost with the link
        apply(new AmiSignal.ChannelCreated("5.0", "5.0", "Local/02100000@cc-inbound-00000005;1", "", "", "02100000",
                "cc-inbound", T0));
        out.clear();
        book.markForResync();

        book.resync(List.of(alice("5.0", "5.0", "Local/02100000@cc-inbound-00000005;1")), T1, out::add);

        assertEquals(1, out.size());
        CallEvent.CallerIdChanged changed = (CallEvent.CallerIdChanged) out.get(0);
        assertEquals("5551234", changed.callerNumber());
        assertEquals("Alice", changed.callerName());
        out.clear();
        book.markForResync();
        book.resync(List.of(alice("5.0", "5.0", "Local/02100000@cc-inbound-00000005;1")), T1, out::add);
        assertEquals(List.of(), out, "nothing new the second time");
    }

    private static AmiSignal.LiveChannel alice(String uniqueId, String linkedId, String channel) {
        return new AmiSignal.LiveChannel(uniqueId, linkedId, channel, "5551234", "Alice", "100", "ivr-in", "");
    }

    private static AmiSignal.LiveChannel live(String uniqueId, String linkedId, String channel) {
        return new AmiSignal.LiveChannel(uniqueId, linkedId, channel, "5554444", "Dave", "sales", "queue-in", "");
    }
}
