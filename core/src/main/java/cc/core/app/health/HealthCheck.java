package cc.core.app.health;

import io.vertx.core.Future;

/** One thing /health reports on. A check answers within its own time limit; a failed future counts as down. */
public interface HealthCheck {

    /** The key in the health report, e.g. {@code ami.pbx1}, {@code database}, {@code livestate}. */
    String name();

    Future<HealthStatus> check();

    /** The state of one checked thing. */
    record HealthStatus(boolean up, String detail) {
        public static HealthStatus up(String detail) {
            return new HealthStatus(true, detail);
        }

        public static HealthStatus down(String detail) {
            return new HealthStatus(false, detail);
        }
    }
}
