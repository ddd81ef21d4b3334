package cc.core.domain.dialing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A wish to dial a number, with the line counts at the moment of asking.
 *
 * @param number             the number as given (E.164 with {@code +}, international prefix, or national form;
 *                           spaces, dashes, dots and parentheses are ignored)
 * @param campaignId         the campaign dialling, empty for an agent's click-to-dial
 * @param requestedBy        who asks: an agent id, or {@code dialer}
 * @param linesInUse         outbound lines in use now across the system
 * @param campaignLinesInUse outbound lines the campaign uses now
 * @param at                 when
 */
public record DialRequest(String number, Optional<String> campaignId, String requestedBy, int linesInUse,
                          int campaignLinesInUse, Instant at) {
    public DialRequest {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(at, "at");
    }
}
