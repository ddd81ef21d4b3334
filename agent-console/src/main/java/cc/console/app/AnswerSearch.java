package cc.console.app;

import cc.console.domain.answers.AnswerSource;
import cc.console.domain.answers.RankedAnswer;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * A searchable index of answer sources (knowledge-base articles and solved calls), built whole from the sources and
 * read-only after: a new one is built when the sources change.
 *
 * <p>Threading: ranking is thread-safe.
 */
public interface AnswerSearch {

    /**
     * The best {@code limit} sources of {@code kind}, best first; sources matching nothing are left out.
     *
     * @param weightedTexts what the caller is about, each text with its weight (the IVR topic weighs more than the
     *                      caller's old notes): {@code Map.of("billing dispute", 3.0, oldNotes, 0.5)}
     */
    List<RankedAnswer> rank(Map<String, Double> weightedTexts, AnswerSource.Kind kind, int limit);

    /** The search terms the weighted texts make (what {@link #rank} looks for), in the order they come. */
    List<String> queryTerms(Map<String, Double> weightedTexts);

    /** How many sources it holds. */
    int size();

    /** Builds an index of the sources, off the event loop when that takes time. */
    @FunctionalInterface
    interface Indexer {
        Future<AnswerSearch> index(List<AnswerSource> sources);
    }
}
