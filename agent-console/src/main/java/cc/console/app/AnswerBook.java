package cc.console.app;

import cc.console.domain.answers.AnswerIndex;
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
    private volatile AnswerIndex index = AnswerIndex.of(List.of());

    public AnswerBook(KnowledgeStore store) {
        this.store = store;
    }

    public Future<Integer> refresh() {
        return store.articles().compose(articles -> store.solvedCalls(SOLVED_CALLS).map(solved -> {
            List<AnswerSource> sources = new ArrayList<>();
            for (KnowledgeStore.Article a : articles) {
                sources.add(new AnswerSource(AnswerSource.Kind.ARTICLE, Long.toString(a.id()), a.title(), a.body(),
                        a.topics()));
            }
            for (KnowledgeStore.SolvedCall s : solved) {
                sources.add(new AnswerSource(AnswerSource.Kind.SOLVED_CALL, s.interactionId(), s.disposition(),
                        s.notes(), s.queue()));
            }
            index = AnswerIndex.of(sources);
            return sources.size();
        }));
    }

    public List<RankedAnswer> rank(Map<String, Double> query, AnswerSource.Kind kind, int limit) {
        return index.rank(query, kind, limit);
    }

    public int size() {
        return index.size();
    }
}
