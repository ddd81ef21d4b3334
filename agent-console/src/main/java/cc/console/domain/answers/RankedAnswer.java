package cc.console.domain.answers;

import java.util.List;

/**
 * An answer with its score and why: the query terms it matched, best contribution first, so the agent (and whoever
 * tunes the knowledge base) can see why it came up.
 */
public record RankedAnswer(AnswerSource source, double score, List<String> matchedTerms) {
    public RankedAnswer {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
