package cc.console.domain.answers;

import java.util.Objects;

/**
 * Something that can answer a caller's question.
 *
 * @param kind  where it comes from
 * @param id    the article id or interaction id
 * @param title what the agent sees first (article title, or the disposition of the solved call)
 * @param text     what the agent reads (article body, or the call's notes); searched
 * @param keywords searched with double weight but not shown (article topics, the call's queue)
 */
public record AnswerSource(Kind kind, String id, String title, String text, String keywords) {
    public enum Kind { ARTICLE, SOLVED_CALL }

    public AnswerSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        keywords = keywords == null ? "" : keywords;
    }

    public AnswerSource(Kind kind, String id, String title, String text) {
        this(kind, id, title, text, "");
    }
}
