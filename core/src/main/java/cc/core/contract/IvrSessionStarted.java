package cc.core.contract;

import java.time.Instant;

/**
 * An IVR session began on a caller's channel.
 *
 * @param uniqueId     the caller's channel Uniqueid (from {@code agi_uniqueid})
 * @param channel      the caller's channel name
 * @param flow         the flow's name
 * @param callerNumber the caller ID number Asterisk gave the session ({@code agi_callerid}), empty when unknown
 * @param callerName   the caller ID name ({@code agi_calleridname}), empty when unknown
 * @param at           when
 */
public record IvrSessionStarted(String uniqueId, String channel, String flow, String callerNumber,
                                String callerName, Instant at) {}
