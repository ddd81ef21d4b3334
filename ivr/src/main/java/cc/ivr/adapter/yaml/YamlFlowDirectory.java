package cc.ivr.adapter.yaml;

import cc.ivr.app.FlowLibrary;
import cc.ivr.domain.flow.Flow;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a {@link FlowLibrary} in step with a directory (and its subdirectories) of {@code *.yaml} flows: polls it,
 * loads new and changed
 * files, drops deleted ones. A file with problems is refused (each problem logged once, naming file and node) and the
 * flow's previous version stays in service. Sessions in progress keep the flow they started with.
 *
 * <p>Threading: {@link #scan()} does file I/O and is run on a worker thread by {@link #start}; it is not re-entered.
 */
public final class YamlFlowDirectory {
    private static final Logger log = LoggerFactory.getLogger(YamlFlowDirectory.class);

    private final Path dir;
    private final FlowLibrary library;
    private final YamlFlowLoader loader = new YamlFlowLoader();
    private final Map<String, String> seen = new HashMap<>();
    private long timer = -1;
    private java.util.Optional<cc.ivr.adapter.file.SoundsCheck> sounds = java.util.Optional.empty();

    public YamlFlowDirectory(Path dir, FlowLibrary library) {
        this.dir = dir;
        this.library = library;
    }

    /** Checks every flow loaded from now on against a sounds directory (warnings only: the flow still loads). */
    public YamlFlowDirectory withSoundsCheck(cc.ivr.adapter.file.SoundsCheck check) {
        this.sounds = java.util.Optional.of(check);
        return this;
    }

    /** Loads the directory now, then polls it every {@code interval}. */
    public Future<Void> start(Vertx vertx, Duration interval) {
        return vertx.executeBlocking(() -> {
            scan();
            return null;
        }, false).<Void>mapEmpty().onSuccess(v -> timer = vertx.setPeriodic(interval.toMillis(), id ->
                vertx.executeBlocking(() -> {
                    scan();
                    return null;
                }, false)));
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * One pass over the directory; returns the problems of files refused in this pass (empty when all loaded).
     * Synchronized so a manual scan and the poller never interleave.
     */
    public synchronized List<String> scan() {
        List<String> refused = new java.util.ArrayList<>();
        Set<String> present = new HashSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            log.error("IVR flow directory {} cannot be read: {}", dir, e.toString());
            return List.of(dir + ": cannot be read: " + e);
        }
        for (Path p : files) {
            // a flow in a subdirectory is named by its relative path: survey/run.agi.yaml serves agi://host/survey/run.agi
            String file = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            String name = file.substring(0, file.length() - 5);
            present.add(name);
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.error("IVR flow file {} cannot be read: {}", p, e.toString());
                continue;
            }
            String hash = YamlFlowLoader.hash(text);
            if (hash.equals(seen.get(name))) {
                continue;
            }
            seen.put(name, hash);
            try {
                Flow flow = loader.load(file, text);
                boolean replaced = library.find(name).isPresent();
                library.put(flow);
                log.info("IVR flow '{}' {} (version {})", name, replaced ? "reloaded" : "loaded", flow.version());
                sounds.ifPresent(check -> check.check(flow));
            } catch (FlowConfigException e) {
                refused.addAll(e.problems());
                boolean kept = library.find(name).isPresent();
                log.error("IVR flow file {} refused{}:\n  {}", p, kept ? " (previous version stays in service)" : "",
                        String.join("\n  ", e.problems()));
            }
        }
        for (String name : Set.copyOf(seen.keySet())) {
            if (!present.contains(name)) {
                seen.remove(name);
                library.remove(name);
                log.info("IVR flow '{}' removed (its file is gone)", name);
            }
        }
        return refused;
    }
}
