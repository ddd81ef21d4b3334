package cc.simulator;

import cc.simulator.dialplan.DefaultDialplan;
import cc.simulator.dialplan.Dialplan;
import cc.simulator.people.Phones;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to start a simulator. {@code dialplan} null means the default dialplan, built with the AGI host, port and
 * path given here ({@link DefaultDialplan}). {@code recordingsDir} stands for the simulated Asterisk host's file
 * system root as far as MixMonitor files go ({@code /var/spool/asterisk/monitor/x.wav} lands in
 * {@code recordingsDir/var/spool/asterisk/monitor/x.wav}); null means a fresh temporary directory per simulator.
 */
public record SimulatorConfig(String amiHost, int amiPort, Map<String, String> amiUsers, Dialplan dialplan,
                              Phones phones, long seed, Timings timings, String agiHost, int agiPort,
                              String agiPath, Path recordingsDir) {

    public SimulatorConfig {
        if (amiPort < 0 || amiPort > 65535) {
            throw new IllegalArgumentException("amiPort out of range: " + amiPort);
        }
        amiUsers = Map.copyOf(amiUsers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public Dialplan effectiveDialplan() {
        return dialplan != null ? dialplan : DefaultDialplan.create(agiHost, agiPort, agiPath);
    }

    public static final class Builder {
        private String amiHost = "127.0.0.1";
        private int amiPort = 0;
        private final Map<String, String> users = new LinkedHashMap<>(Map.of("cc", "cc-secret"));
        private Dialplan dialplan;
        private Phones phones = Phones.defaults();
        private long seed = 42;
        private Timings timings = Timings.defaults();
        private String agiHost = "127.0.0.1";
        private int agiPort = 4573;
        private String agiPath = "main?lang=en";
        private Path recordingsDir;

        public Builder amiHost(String host) {
            this.amiHost = host;
            return this;
        }

        public Builder amiPort(int port) {
            this.amiPort = port;
            return this;
        }

        /** Replaces the default {@code cc}/{@code cc-secret} user list with this one user. */
        public Builder amiUser(String username, String secret) {
            users.clear();
            users.put(username, secret);
            return this;
        }

        public Builder addAmiUser(String username, String secret) {
            users.put(username, secret);
            return this;
        }

        public Builder dialplan(Dialplan dialplan) {
            this.dialplan = dialplan;
            return this;
        }

        public Builder phones(Phones phones) {
            this.phones = phones;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder timings(Timings timings) {
            this.timings = timings;
            return this;
        }

        public Builder agi(String host, int port, String path) {
            this.agiHost = host;
            this.agiPort = port;
            this.agiPath = path;
            return this;
        }

        /** Where MixMonitor files are written: the root of the simulated Asterisk host's paths. */
        public Builder recordingsDir(Path dir) {
            this.recordingsDir = dir;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(amiHost, amiPort, users, dialplan, phones, seed, timings, agiHost, agiPort, agiPath,
                recordingsDir);
        }
    }
}
