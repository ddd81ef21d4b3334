package cc.core.contract;

import java.time.Instant;

/**
 * A recording file of a call started or ended. A call recorded, paused and resumed has several files; each pause is
 * the end of one file ({@code paused}) and the start of the next ({@code resumed}).
 *
 * @param interactionId the call's interaction record
 * @param server        the telephony server that writes the file
 * @param file          the file's name relative to the configured recordings directory, e.g.
 *                      {@code 2026/12/02/<interaction>-1.wav}
 * @param change        {@code started}, {@code resumed} (a new file after a pause), {@code paused} (this file ended
 *                      by a pause), {@code stopped} (ended by a user), {@code ended} (the call ended),
 *                      {@code failed} (Asterisk refused to record; {@code detail} says why)
 * @param by            who caused it: a user name, or {@code policy} / {@code system}
 * @param detail        why, for people reading the record; may be empty
 * @param at            when
 */
public record RecordingChanged(String interactionId, String server, String file, String change, String by,
                               String detail, Instant at) {}
