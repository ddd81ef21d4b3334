package cc.email.app;

import cc.email.domain.Acknowledgement;
import io.vertx.core.Future;

import java.util.List;

/** The knowledge-base articles that best match a customer's words, for the acknowledgement. */
public interface ArticleSuggestions {
    Future<List<Acknowledgement.Article>> bestFor(String text, String language, int limit);

    static ArticleSuggestions none() {
        return (text, language, limit) -> Future.succeededFuture(List.of());
    }
}
