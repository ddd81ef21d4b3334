package cc.ivr.adapter.file;

import cc.ivr.domain.flow.Flow;
import cc.ivr.domain.flow.FlowPrompts;
import cc.ivr.domain.speech.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Warns when a flow plays a sound file the configured sounds directory (Asterisk's, {@code ivr.soundsDir}) does not
 * hold in any format: Asterisk would skip it and the caller would hear silence. Each missing file is warned about
 * once per flow, naming the flow and its nodes, however often the flow is reloaded.
 *
 * <p>Threading: called from the flow directory's scan (a worker thread); the warned set is concurrent.
 */
public final class SoundsCheck {
    private static final Logger log = LoggerFactory.getLogger(SoundsCheck.class);
    /** Past this many missing files in one pass the rest are counted, not listed (an unlinked directory). */
    static final int LISTED = 20;

    private final Path dir;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public SoundsCheck(Path dir) {
        this.dir = dir;
    }

    /** The missing files of a flow, each with the nodes that play it; logs those not warned about before. */
    public Map<String, Set<String>> check(Flow flow) {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        Set<String> present = present();
        for (FlowPrompts.UsedPrompt used : FlowPrompts.of(flow)) {
            if (!present.contains(used.file())) {
                missing.computeIfAbsent(used.file(), k -> new TreeSet<>()).add(used.node());
            }
        }
        warn("IVR flow '" + flow.name() + "'", missing);
        return missing;
    }

    /** The fragments of the queue announcements (place in line, expected wait) missing in either language. */
    public Map<String, Set<String>> checkAnnouncements() {
        Map<String, Set<String>> missing = new LinkedHashMap<>();
        Set<String> present = present();
        for (String language : List.of("fa", "en")) {
            for (String file : Vocabulary.queueAnnouncements(language)) {
                if (!present.contains(file)) {
                    missing.put(file, Set.of("announcement"));
                }
            }
        }
        warn("queue announcements", missing);
        return missing;
    }

    private void warn(String who, Map<String, Set<String>> missing) {
        int listed = 0;
        int unlisted = 0;
        for (Map.Entry<String, Set<String>> e : missing.entrySet()) {
            if (!warned.add(who + " " + e.getKey())) {
                continue;
            }
            if (listed++ < LISTED) {
                log.warn("{} (node {}) plays {}, which is not in sounds directory {} in any format: callers hear "
                        + "nothing there", who, String.join(", ", e.getValue()), e.getKey(), dir);
            } else {
                unlisted++;
            }
        }
        if (unlisted > 0) {
            log.warn("{}: {} more sound files missing from {} (scripts/prompts.sh makes the shipped ones)", who,
                    unlisted, dir);
        }
    }

    /** Every file under the directory by its name without extension ({@code fa/ivr/welcome}). */
    private Set<String> present() {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            log.warn("sounds directory {} does not exist", dir);
            return out;
        }
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String rel = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                int dot = rel.lastIndexOf('.');
                out.add(dot > rel.lastIndexOf('/') ? rel.substring(0, dot) : rel);
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("sounds directory {} cannot be read: {}", dir, e.toString());
        }
        return out;
    }
}
