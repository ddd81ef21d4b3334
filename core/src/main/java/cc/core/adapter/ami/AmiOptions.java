package cc.core.adapter.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by all servers of one {@link AmiTelephony}.
 *
 * @param variables      which VarSet events become call events
 * @param pingInterval   how often an idle link is probed with the AMI Ping action
 * @param pingTimeout    a Ping unanswered this long counts as a lost link
 * @param actionTimeout  a command whose response has not come back after this long fails with TIMEOUT
 * @param originateGrace how long after the ring timeout an originate may wait for its OriginateResponse
 * @param drainBatch     at most this many intake events are handled per hop onto the server's context
 */
public record AmiOptions(VariableFilter variables, Duration pingInterval, Duration pingTimeout,
                         Duration actionTimeout, Duration originateGrace, int drainBatch) {
    public AmiOptions {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(actionTimeout, "actionTimeout");
        Objects.requireNonNull(originateGrace, "originateGrace");
        if (drainBatch < 1) {
            throw new IllegalArgumentException("drainBatch must be at least 1");
        }
    }

    public static AmiOptions defaults() {
        return new AmiOptions(VariableFilter.defaults(), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 4096);
    }

    public AmiOptions withVariables(VariableFilter filter) {
        return new AmiOptions(filter, pingInterval, pingTimeout, actionTimeout, originateGrace, drainBatch);
    }

    public AmiOptions withPing(Duration interval, Duration timeout) {
        return new AmiOptions(variables, interval, timeout, actionTimeout, originateGrace, drainBatch);
    }
}
