package cc.simulator.channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * MixMonitor as Asterisk 22 runs it (ami-21): recordings of a channel, started, muted and stopped over AMI, with the
 * events in the recorded order, and the WAV file each one names written under the configured directory when it
 * stops or its channel hangs up.
 *
 * <p>Durations and mute offsets are simulated time (wall time divided by the time scale), so a test running at
 * 0.2 gets the file a real call of the same script would have left. Threading: event loop only.
 */
public final class Recordings {
    /** Where Asterisk puts a MixMonitor file named by a relative path. */
    private static final String MONITOR_DIR = "var/spool/asterisk/monitor/";

    private final Pbx pbx;
    private final Path root;
    private final List<Recording> all = new ArrayList<>();
    private long nextId = 0x7fea34126140L;

    /** @param root the simulated Asterisk host's file system: {@code /x/y.wav} is written to {@code root/x/y.wav} */
    public Recordings(Pbx pbx, Path root) {
        this.pbx = pbx;
        this.root = root.toAbsolutePath().normalize();
    }

    /** A stretch of a recording, in simulated ms from its start. */
    public record Span(long fromMs, long toMs) {
        boolean covers(long ms) {
            return ms >= fromMs && ms < toMs;
        }
    }

    /** One MixMonitor: mutable while it runs, on the event loop only. */
    public final class Recording {
        final Channel channel;
        final String channelName;
        final String requestedFile;
        final Path file;
        final String id;
        final long startedAtMs;
        long durationMs = -1;
        boolean readMuted;
        boolean writeMuted;
        long readMutedSince;
        long writeMutedSince;
        final List<Span> readSpans = new ArrayList<>();
        final List<Span> writeSpans = new ArrayList<>();

        Recording(Channel channel, String requestedFile, Path file, String id) {
            this.channel = channel;
            this.channelName = channel.name;
            this.requestedFile = requestedFile;
            this.file = file;
            this.id = id;
            this.startedAtMs = pbx.now();
        }

        public String channel() {
            return channelName;
        }

        /** The File as the AMI client gave it (a path on the Asterisk host). */
        public String requestedFile() {
            return requestedFile;
        }

        /** Where the simulator writes it, or null when the path would leave the recordings directory. */
        public Path file() {
            return file;
        }

        public String mixMonitorId() {
            return id;
        }

        public boolean running() {
            return durationMs < 0;
        }

        /** Simulated ms recorded so far, or the final length once stopped. */
        public long durationMs() {
            return running() ? offset() : durationMs;
        }

        /** The stretches, in simulated ms from the start, where both directions were muted: digital silence. */
        public List<Span> silentSpans() {
            List<Span> out = new ArrayList<>();
            List<Span> r = spans(readSpans, readMuted, readMutedSince);
            List<Span> w = spans(writeSpans, writeMuted, writeMutedSince);
            for (Span a : r) {
                for (Span b : w) {
                    long from = Math.max(a.fromMs(), b.fromMs());
                    long to = Math.min(a.toMs(), b.toMs());
                    if (from < to) {
                        out.add(new Span(from, to));
                    }
                }
            }
            return out;
        }

        private List<Span> spans(List<Span> closed, boolean open, long since) {
            List<Span> out = new ArrayList<>(closed);
            if (open) {
                out.add(new Span(since, durationMs()));
            }
            return out;
        }

        long offset() {
            return pbx.simulatedSince(startedAtMs);
        }

        void mute(boolean read, boolean write, boolean on) {
            long at = offset();
            if (read) {
                if (on && !readMuted) {
                    readMutedSince = at;
                } else if (!on && readMuted) {
                    readSpans.add(new Span(readMutedSince, at));
                }
                readMuted = on;
            }
            if (write) {
                if (on && !writeMuted) {
                    writeMutedSince = at;
                } else if (!on && writeMuted) {
                    writeSpans.add(new Span(writeMutedSince, at));
                }
                writeMuted = on;
            }
        }

        void end() {
            long at = offset();
            mute(true, true, false);
            durationMs = at;
            if (file == null) {
                return;
            }
            try {
                // a few hundred kB at most per call: written on the event loop, as Asterisk's own writer thread would
                WavFile.write(file, durationMs, readSpans, writeSpans);
                pbx.counters().inc("recordings.written");
            } catch (IOException e) {
                // Asterisk too goes on with the call when it cannot write; the counter tells the test
                pbx.counters().inc("recordings.write-failed");
            }
        }
    }

    /** Every recording started so far, oldest first. */
    public List<Recording> all() {
        return Collections.unmodifiableList(all);
    }

    public Path root() {
        return root;
    }

    /**
     * Starts a MixMonitor on {@code ch}. {@code idVariable} (option {@code i(<var>)}) receives the MixMonitorID;
     * returns the recording, whose id the AMI response shows only when it was asked for.
     */
    public Recording start(Channel ch, String requestedFile, String idVariable) {
        Recording rec = new Recording(ch, requestedFile, map(requestedFile), peekNextId());
        nextId += 0x40;
        if (rec.file == null) {
            pbx.counters().inc("recordings.refused-path");
        }
        all.add(rec);
        pbx.counters().inc("recordings.started");
        pbx.setVar(ch, "MIXMONITOR_FILENAME", requestedFile);
        if (idVariable != null && !idVariable.isEmpty()) {
            pbx.setVar(ch, idVariable, rec.id);
        }
        reannounceBridgePeers(ch);
        pbx.emit(Pbx.channelEvent("MixMonitorStart", "call,all", ch));
        if (running(ch).size() == 1) {
            // the file is closed when the channel goes, without a MixMonitorStop (nobody asked to stop it)
            ch.onHangup(gone -> {
                for (Recording r : running(gone)) {
                    r.end();
                }
            });
        }
        return rec;
    }

    /** False when no recording runs on the channel (Asterisk's "Cannot set mute flag"). */
    public boolean mute(Channel ch, boolean read, boolean write, boolean on, String direction) {
        List<Recording> running = running(ch);
        if (running.isEmpty()) {
            return false;
        }
        for (Recording r : running) {
            r.mute(read, write, on);
        }
        pbx.emit(Pbx.channelEvent("MixMonitorMute", "call,all", ch).add("Direction", direction).add("State", on ? "1" : "0"));
        return true;
    }

    /** The MixMonitorID the next {@link #start} hands out (the AMI response precedes the start's events). */
    public String peekNextId() {
        return "0x" + Long.toHexString(nextId);
    }

    public boolean canMute(Channel ch) {
        return !running(ch).isEmpty();
    }

    public boolean canStop(Channel ch, String id) {
        return stoppable(ch, id) != null;
    }

    /** The recording with {@code id}, or the oldest one running when id is empty. */
    private Recording stoppable(Channel ch, String id) {
        for (Recording r : running(ch)) {
            if (id == null || id.isEmpty() || r.id.equalsIgnoreCase(id)) {
                return r;
            }
        }
        return null;
    }

    /** Stops the recording with {@code id}, or the oldest one running when id is null; false when there is none. */
    public boolean stop(Channel ch, String id) {
        Recording target = stoppable(ch, id);
        if (target == null) {
            return false;
        }
        target.end();
        pbx.emit(Pbx.channelEvent("MixMonitorStop", "call,all", ch));
        reannounceBridgePeers(ch);
        return true;
    }

    private List<Recording> running(Channel ch) {
        List<Recording> out = new ArrayList<>();
        for (Recording r : all) {
            if (r.channel == ch && r.running()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Attaching or detaching the audiohook makes the bridge re-evaluate its channels, which sets BRIDGEPEER again on
     * both parties, the recorded channel first (ami-21).
     */
    private void reannounceBridgePeers(Channel ch) {
        Bridge br = ch.bridge;
        if (br == null || br.members.size() != 2) {
            return;
        }
        Channel other = br.members.get(0) == ch ? br.members.get(1) : br.members.get(0);
        pbx.setVar(ch, "BRIDGEPEER", other.name);
        pbx.setVar(other, "BRIDGEPEER", ch.name);
    }

    /**
     * The AMI File is a path on the Asterisk host; it lands under the root. A relative name goes where Asterisk puts
     * it (its monitor directory). A path that would climb out of the root is not written (null).
     */
    Path map(String requested) {
        String rel = requested.startsWith("/") ? requested.substring(1) : MONITOR_DIR + requested;
        if (rel.isEmpty()) {
            return null;
        }
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root) || Files.isDirectory(p)) {
            return null;
        }
        return p;
    }
}
