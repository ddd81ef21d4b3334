package cc.core.adapter.ami;

import cc.core.domain.call.CallEvent;

import java.util.ArrayList;
import java.util.List;

/** Call events as one readable line each, so tests compare whole sequences. */
final class EventLines {
    private EventLines() {}

    static List<String> of(List<CallEvent> events) {
        List<String> out = new ArrayList<>();
        for (CallEvent e : events) {
            out.add(line(e));
        }
        return out;
    }

    static String line(CallEvent e) {
        String head = e.getClass().getSimpleName() + " " + e.leg().uniqueId() + " " + e.leg().channelName()
                + " call=" + e.leg().callId();
        if (e instanceof CallEvent.CallStarted) {
            CallEvent.CallStarted s = (CallEvent.CallStarted) e;
            return head + " from='" + s.callerNumber() + "' '" + s.callerName() + "' to=" + s.dialedNumber() + "@"
                    + s.context();
        }
        if (e instanceof CallEvent.CallerIdChanged) {
            CallEvent.CallerIdChanged c = (CallEvent.CallerIdChanged) e;
            return head + " from='" + c.callerNumber() + "' '" + c.callerName() + "'";
        }
        if (e instanceof CallEvent.LegsBridged) {
            return head + " bridge=" + ((CallEvent.LegsBridged) e).bridgeId();
        }
        if (e instanceof CallEvent.LegUnbridged) {
            return head + " bridge=" + ((CallEvent.LegUnbridged) e).bridgeId();
        }
        if (e instanceof CallEvent.DtmfReceived) {
            return head + " digit=" + ((CallEvent.DtmfReceived) e).digit();
        }
        if (e instanceof CallEvent.VariableSet) {
            CallEvent.VariableSet v = (CallEvent.VariableSet) e;
            return head + " " + v.name() + "=" + v.value();
        }
        if (e instanceof CallEvent.CallHungUp) {
            CallEvent.CallHungUp h = (CallEvent.CallHungUp) e;
            return head + " cause=" + h.cause() + " " + h.causeText();
        }
        return head;
    }
}
