package cc.console.app;

import cc.console.domain.answers.AnswerSource;
import cc.console.domain.answers.RankedAnswer;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scripted-answer index: knowledge-base articles and solved past calls, rebuilt from the stores when they
 * change. Ranking runs in memory so a screen-pop never waits for a text search in the database.
 *
 * <p>Threading: {@link #refresh} may be called from any context; readers see the last complete index.
 */
public final class AnswerBook {
    /** How many solved calls the index keeps (the newest). */
    public static final int SOLVED_CALLS = 5_000;

    private final KnowledgeStore store;
    private final AnswerSearch.Indexer indexer;
    private volatile AnswerSearch index = new Empty();

    public AnswerBook(KnowledgeStore store, AnswerSearch.Indexer indexer) {
        this.store = store;
        this.indexer = indexer;
    }

    public Future<Integer> refresh() {
        return store.articles().compose(articles -> store.solvedCalls(SOLVED_CALLS).compose(solved -> {
            List<AnswerSource> sources = new ArrayList<>();
            for (KnowledgeStore.Article a : articles) {
                sources.add(new AnswerSource(AnswerSource.Kind.ARTICLE, Long.toString(a.id()), a.title(), a.body(),
                        a.topics()));
            }
            for (KnowledgeStore.SolvedCall s : solved) {
                sources.add(new AnswerSource(AnswerSource.Kind.SOLVED_CALL, s.interactionId(), s.disposition(),
                        s.notes(), s.queue()));
            }
            return indexer.index(sources).map(built -> {
                index = built;
                return built.size();
            });
        }));
    }

    /** See {@link AnswerSearch#rank}. */
    public List<RankedAnswer> rank(Map<String, Double> weightedTexts, AnswerSource.Kind kind, int limit) {
        return index.rank(weightedTexts, kind, limit);
    }

    /** See {@link AnswerSearch#queryTerms}. */
    public List<String> queryTerms(Map<String, Double> weightedTexts) {
        return index.queryTerms(weightedTexts);
    }

    public int size() {
        return index.size();
    }

    /** Before the first refresh: nothing to find. */
    private static final class Empty implements AnswerSearch {
        @Override
        public List<RankedAnswer> rank(Map<String, Double> weightedTexts, AnswerSource.Kind kind, int limit) {
            return List.of();
        }

        @Override
        public List<String> queryTerms(Map<String, Double> weightedTexts) {
            return List.of();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
