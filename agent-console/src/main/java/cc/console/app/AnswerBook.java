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
 * <p>The public self-service page searches a second index holding the published articles only: solved calls (agents'
 * notes about customers) and unpublished articles are never in it, so no query can find them.
 *
 * <p>Threading: {@link #refresh} may be called from any context; readers see the last complete index.
 */
public final class AnswerBook {
    /** How many solved calls the index keeps (the newest). */
    public static final int SOLVED_CALLS = 5_000;

    private final KnowledgeStore store;
    private final AnswerSearch.Indexer indexer;
    private volatile AnswerSearch index = new Empty();
    private volatile Published published = new Published(new Empty(), Map.of());

    /** The public index and its articles by id, swapped together. */
    private record Published(AnswerSearch index, Map<Long, KnowledgeStore.Article> articles) {}

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
            List<AnswerSource> open = new ArrayList<>();
            Map<Long, KnowledgeStore.Article> byId = new java.util.HashMap<>();
            for (KnowledgeStore.Article a : articles) {
                if (a.published()) {
                    open.add(new AnswerSource(AnswerSource.Kind.ARTICLE, Long.toString(a.id()), a.title(), a.body(),
                            a.topics()));
                    byId.put(a.id(), a);
                }
            }
            return indexer.index(sources).compose(built -> indexer.index(open).map(pub -> {
                index = built;
                published = new Published(pub, Map.copyOf(byId));
                return built.size();
            }));
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

    /** The published articles that best match what a customer typed, best first (nothing else is searched). */
    public List<RankedAnswer> searchPublished(String query, int limit) {
        return published.index().rank(Map.of(query, 1.0), AnswerSource.Kind.ARTICLE, limit);
    }

    /** A published article by id; empty when unknown or not published. */
    public java.util.Optional<KnowledgeStore.Article> publishedArticle(long id) {
        return java.util.Optional.ofNullable(published.articles().get(id));
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
