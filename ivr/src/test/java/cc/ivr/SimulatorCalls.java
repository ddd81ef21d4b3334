package cc.ivr;

import cc.core.contract.IvrStepEntered;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** What the end-to-end tests read from the simulator's side of a call and from the IVR's published steps. */
final class SimulatorCalls {
    private SimulatorCalls() {
    }

    /** The sound files the simulator was asked to play, in order, from its FastAGI transcript. */
    static List<String> promptsPlayed(List<String> agiTranscript) {
        List<String> files = new ArrayList<>();
        for (String line : agiTranscript) {
            if (line.startsWith("> STREAM FILE ") || line.startsWith("> GET DATA ")) {
                String rest = line.substring(line.startsWith("> STREAM FILE ") ? 14 : 11);
                int end = rest.startsWith("\"") ? rest.indexOf('"', 1) : rest.indexOf(' ');
                files.add(rest.startsWith("\"") ? rest.substring(1, end) : end < 0 ? rest : rest.substring(0, end));
            }
        }
        return files;
    }

    /** Waits until the IVR enters {@code node} for the call with this uniqueid; fails after 10 s. */
    static void awaitStep(BlockingQueue<IvrStepEntered> steps, String uniqueId, String node) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            IvrStepEntered s = steps.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && s.uniqueId().equals(uniqueId) && s.node().equals(node)) {
                return;
            }
        }
        throw new AssertionError("the IVR never entered node " + node + " for call " + uniqueId);
    }
}
