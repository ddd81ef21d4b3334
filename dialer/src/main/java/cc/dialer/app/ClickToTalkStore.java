package cc.dialer.app;

import cc.dialer.domain.clicktotalk.CallMeRequest;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;

/** Where click-to-talk requests are kept across restarts. */
public interface ClickToTalkStore {
    /** Every request not finished, and the finished ones changed since {@code since} (so the page can still ask). */
    Future<List<CallMeRequest>> load(Instant since);

    /** Writes the request as it is now (a new one, or its new state). */
    Future<Void> save(CallMeRequest request);
}
