package cc.simulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A caller placed with {@link AsteriskSimulator#placeInboundCall}: its channel, its end, and a way to end it. */
public final class SimulatedCall {
    private final AsteriskSimulator simulator;
    private final String channel;
    private final String uniqueid;
    private final CompletableFuture<CallOutcome> ended;

    SimulatedCall(AsteriskSimulator simulator, String channel, String uniqueid, CompletableFuture<CallOutcome> ended) {
        this.simulator = simulator;
        this.channel = channel;
        this.uniqueid = uniqueid;
        this.ended = ended;
    }

    /**
     * The caller's channel as the dialplan, the IVR and the agents see it: the {@code ;2} half of the caller's Local
     * pair, e.g. {@code Local/5550100@cc-inbound-00000003;2}. The {@code ;1} half is the person.
     */
    public String channel() {
        return channel;
    }

    /** The uniqueid of {@link #channel()}; its Linkedid is the {@code ;1} half's uniqueid. */
    public String uniqueid() {
        return uniqueid;
    }

    public CompletableFuture<CallOutcome> ended() {
        return ended;
    }

    public boolean isEnded() {
        return ended.isDone();
    }

    /** Waits for the call to end. */
    public CallOutcome awaitEnd(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("call " + channel + " failed", e.getCause());
        }
    }

    /** The caller hangs up now (their {@code ;1} half, cause 16), wherever the call is. */
    public void hangup() {
        simulator.callerHangup(channel);
    }

    /** The caller presses keys now. */
    public void sendDtmf(String digits) {
        simulator.callerDtmf(channel, digits);
    }
}
