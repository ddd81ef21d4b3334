package cc.console.adapter.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianCharFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to search terms for a center that speaks English and Persian, in one pass whatever the language of the text:
 * a zero-width non-joiner splits a Persian word from its suffix (کارت‌ها → کارت ها), Arabic and Persian letter forms
 * fold to one (ي/ی, ك/ک), Persian and Arabic-Indic digits read as ASCII, English words lose their possessive and their
 * inflection (blocked → block, by KStem, which keeps stems readable for the agent), and stop words of both languages
 * and one-letter tokens are dropped.
 */
final class AnswerAnalyzer extends Analyzer {
    private static final CharArraySet STOP_WORDS = stopWords();

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(PersianAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(set);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PersianCharFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new DecimalDigitFilter(s);
        s = new ArabicNormalizationFilter(s);
        s = new PersianNormalizationFilter(s);
        s = new StopFilter(s, STOP_WORDS);
        s = new LengthFilter(s, 2, 255);
        s = new EnglishPossessiveFilter(s);
        s = new KStemFilter(s);
        return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new PersianNormalizationFilter(new ArabicNormalizationFilter(new DecimalDigitFilter(
                new LowerCaseFilter(in))));
    }

    /** The terms of a text, in order, as the index holds them. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = tokenStream("", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory", e);
        }
        return out;
    }
}
