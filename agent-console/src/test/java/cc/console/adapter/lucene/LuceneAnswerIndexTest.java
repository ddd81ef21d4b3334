package cc.console.adapter.lucene;

import cc.console.domain.answers.AnswerSource;
import cc.console.domain.answers.RankedAnswer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cc.console.domain.answers.AnswerSource.Kind.ARTICLE;
import static cc.console.domain.answers.AnswerSource.Kind.SOLVED_CALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LuceneAnswerIndexTest {
    private final LuceneAnswerIndex index = LuceneAnswerIndex.of(List.of(
            new AnswerSource(ARTICLE, "1", "Card blocked after three wrong PINs",
                    "Verify identity, then unblock the card from the cards screen. Topics: card pin blocked"),
            new AnswerSource(ARTICLE, "2", "Opening hours", "Branches open 8 to 16, Saturday to Wednesday", "holidays"),
            new AnswerSource(ARTICLE, "3", "Disputing a card charge",
                    "Take the transaction date and amount, open a dispute; card refund within 10 days"),
            new AnswerSource(ARTICLE, "4", "مسدود شدن کارت", "هویت مشتری را تأیید کنید و کارت را از صفحه کارت‌ها باز کنید"),
            new AnswerSource(SOLVED_CALL, "c1", "resolved", "customer card blocked, unblocked after identity check"),
            new AnswerSource(SOLVED_CALL, "c2", "resolved", "asked about opening hours on holidays")));

    @Test
    @DisplayName("the article about the caller's topic ranks first, with the matched words as the reason")
    void topicFirst() {
        List<RankedAnswer> r = index.rank(Map.of("card blocked", 3.0), ARTICLE, 3);

        assertEquals("1", r.get(0).source().id());
        assertTrue(r.get(0).matchedTerms().containsAll(List.of("card", "block")), r.get(0).matchedTerms().toString());
        assertTrue(r.stream().noneMatch(a -> a.source().id().equals("2")), "an article matching nothing is left out");
    }

    @Test
    @DisplayName("solved calls are ranked separately from articles")
    void solvedCalls() {
        List<RankedAnswer> r = index.rank(Map.of("opening hours", 1.0), SOLVED_CALL, 5);

        assertEquals(List.of("c2"), r.stream().map(a -> a.source().id()).toList());
    }

    @Test
    @DisplayName("rare words weigh more than common ones, and the topic outweighs old notes")
    void weighting() {
        Map<String, Double> q = Map.of("dispute", 3.0, "card", 1.0);

        RankedAnswer best = index.rank(q, ARTICLE, 1).get(0);

        assertEquals("3", best.source().id());
        assertEquals("dispute", best.matchedTerms().get(0));
        assertTrue(index.rank(Map.of("dispute", 1.0, "card blocked pin", 3.0), ARTICLE, 1).get(0).source().id()
                .equals("1"), "the heavier text decides");
    }

    @Test
    @DisplayName("English words match whatever their ending: a caller's 'disputed charges' finds 'Disputing a card charge'")
    void englishInflections() {
        List<RankedAnswer> r = index.rank(Map.of("disputed charges", 1.0), ARTICLE, 1);

        assertEquals("3", r.get(0).source().id());
    }

    @Test
    @DisplayName("Persian text matches whatever letter forms, digits and joiners were typed")
    void persian() {
        List<RankedAnswer> arabicForms = index.rank(Map.of("كارت مسدود", 1.0), ARTICLE, 1);

        assertEquals("4", arabicForms.get(0).source().id());
        assertEquals(List.of("09121234567"), index.analyse("۰۹۱۲۱۲۳۴۵۶۷"));
        assertEquals(index.analyse("کارت"), index.analyse("كارت"), "Arabic kaf and Persian keheh are one letter");
        assertTrue(index.analyse("کارت‌ها").contains(index.analyse("کارت").get(0)),
                "a word with its plural suffix after a zero-width non-joiner is found by the word");
    }

    @Test
    @DisplayName("keywords (article topics) are searched but not shown to the agent")
    void keywords() {
        List<RankedAnswer> r = index.rank(Map.of("holidays", 1.0), ARTICLE, 5);

        assertEquals("2", r.get(0).source().id());
        assertTrue(!r.get(0).source().text().contains("holidays"));
    }

    @Test
    @DisplayName("stop words and one-letter words search nothing; the query's terms are what it looks for")
    void queryTerms() {
        assertEquals(List.of("card", "block"), index.queryTerms(Map.of("the card is a blocked x", 1.0)));
        assertTrue(index.rank(Map.of("the and of", 1.0), ARTICLE, 5).isEmpty());
    }

    @Test
    @DisplayName("an empty query or empty index yields no answers")
    void empty() {
        assertTrue(index.rank(Map.of(), ARTICLE, 5).isEmpty());
        assertTrue(LuceneAnswerIndex.of(List.of()).rank(Map.of("card", 1.0), ARTICLE, 5).isEmpty());
    }
}
