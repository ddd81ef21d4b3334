package cc.simulator.channel;

import cc.simulator.ami.AmiMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The Cdr event Asterisk sends when a channel ends: one per channel, with the caller ID the channel has at its end
 * (a dialplan {@code Set(CALLERID(num)=...)} shows in {@code Source} and {@code CallerID}, ami-20).
 */
final class Cdr {
    private static final DateTimeFormatter CDR_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Cdr() {
    }

    static AmiMessage of(Channel ch, long endMs) {
        boolean answered = ch.answeredAtMs > 0;
        long duration = (endMs - ch.createdAtMs) / 1000;
        long billable = answered ? (endMs - ch.answeredAtMs) / 1000 : 0;
        String disposition = answered ? "ANSWERED" : ch.hangupCause == Causes.USER_BUSY ? "BUSY"
            : ch.hangupCause == Causes.CONGESTION ? "FAILED" : "NO ANSWER";
        return AmiMessage.event("Cdr", "cdr,all")
            .add("AccountCode", ch.accountCode)
            .add("Source", ch.callerId.num())
            .add("Destination", ch.exten)
            .add("DestinationContext", ch.context)
            .add("CallerID", ch.callerId.cdrText())
            .add("Channel", ch.name)
            .add("DestinationChannel", ch.cdrDestChannel)
            .add("LastApplication", ch.app)
            .add("LastData", ch.appData)
            .add("StartTime", CDR_TIME.format(Instant.ofEpochMilli(ch.createdAtMs)))
            .add("AnswerTime", answered ? CDR_TIME.format(Instant.ofEpochMilli(ch.answeredAtMs)) : "")
            .add("EndTime", CDR_TIME.format(Instant.ofEpochMilli(endMs)))
            .add("Duration", Long.toString(duration))
            .add("BillableSeconds", Long.toString(billable))
            .add("Disposition", disposition)
            .add("AMAFlags", "DOCUMENTATION")
            .add("UniqueID", ch.uniqueid)
            .add("UserField", "");
    }
}
