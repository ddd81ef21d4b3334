package cc.console.app;

import io.vertx.core.Future;

import java.util.List;

/**
 * Knowledge-base articles, and the solved past calls the scripted answers draw on (read from the interaction
 * records, never written).
 */
public interface KnowledgeStore {

    /**
     * An article; id 0 before it is stored. {@code topics} are space-separated words. {@code published}: customers
     * may find it on the public self-service page (agents see every article).
     */
    record Article(long id, String title, String body, String topics, String language, boolean published) {
        /** An article for agents only. */
        public Article(long id, String title, String body, String topics, String language) {
            this(id, title, body, topics, language, false);
        }
    }

    /** A call whose disposition is marked solved, with the agent's notes. */
    record SolvedCall(String interactionId, String disposition, String queue, String notes) {}

    Future<List<Article>> articles();

    Future<Article> save(Article article);

    Future<Boolean> delete(long id);

    /** The newest solved calls that have notes, at most {@code limit}. */
    Future<List<SolvedCall>> solvedCalls(int limit);
}
