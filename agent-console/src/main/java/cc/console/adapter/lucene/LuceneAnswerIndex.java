package cc.console.adapter.lucene;

import cc.console.app.AnswerSearch;
import cc.console.domain.answers.AnswerSource;
import cc.console.domain.answers.RankedAnswer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answer sources in an in-memory Lucene index, ranked by BM25 (Lucene's default: k1 = 1.2, b = 0.75) per field:
 * titles and keywords (article topics, a solved call's queue) weigh twice the text. A query is the weighted texts'
 * terms, each clause boosted by its text's weight; the terms an answer matched are reported, biggest contribution
 * first (estimated from the answer's own text), so the agent (and whoever tunes the knowledge base) sees why it came
 * up.
 *
 * <p>Threading: built on a worker thread ({@link #build}); ranking is thread-safe and touches memory only.
 */
public final class LuceneAnswerIndex implements AnswerSearch {
    /** The most distinct query terms kept (the heaviest): old notes must not make a pop's query unbounded. */
    static final int MAX_QUERY_TERMS = 200;

    private static final String KIND = "kind";
    private static final String POSITION = "position";
    private static final Map<String, Float> FIELDS = Map.of("title", 2f, "text", 1f, "keywords", 2f);

    private final AnswerAnalyzer analyzer = new AnswerAnalyzer();
    private final List<AnswerSource> sources;
    private final IndexSearcher searcher;

    private LuceneAnswerIndex(List<AnswerSource> sources) {
        this.sources = List.copyOf(sources);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < this.sources.size(); i++) {
                AnswerSource s = this.sources.get(i);
                Document d = new Document();
                d.add(new StringField(KIND, s.kind().name(), Field.Store.NO));
                d.add(new StoredField(POSITION, i));
                d.add(new TextField("title", s.title(), Field.Store.NO));
                d.add(new TextField("text", s.text(), Field.Store.NO));
                d.add(new TextField("keywords", s.keywords(), Field.Store.NO));
                w.addDocument(d);
            }
            w.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("building the answer index in memory", e);
        }
    }

    /** The index of the sources, built here (blocking: for tests and tools). */
    public static LuceneAnswerIndex of(List<AnswerSource> sources) {
        return new LuceneAnswerIndex(sources);
    }

    /**
     * Builds the index on a worker thread of the calling Vert.x context, so a knowledge-base refresh never stalls an
     * event loop; outside Vert.x, here. The {@link AnswerSearch.Indexer} of the console.
     */
    public static Future<AnswerSearch> build(List<AnswerSource> sources) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Future.succeededFuture(of(sources));
        }
        return context.executeBlocking(() -> of(sources), false);
    }

    @Override
    public List<String> queryTerms(Map<String, Double> weightedTexts) {
        return List.copyOf(terms(weightedTexts).keySet());
    }

    @Override
    public int size() {
        return sources.size();
    }

    @Override
    public List<RankedAnswer> rank(Map<String, Double> weightedTexts, AnswerSource.Kind kind, int limit) {
        Map<String, Double> terms = terms(weightedTexts);
        if (terms.isEmpty() || sources.isEmpty() || limit < 1) {
            return List.of();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach((term, weight) -> {
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            FIELDS.forEach((field, boost) -> fields.add(new BoostQuery(new TermQuery(new Term(field, term)), boost),
                    BooleanClause.Occur.SHOULD));
            any.add(new BoostQuery(fields.build(), weight.floatValue()), BooleanClause.Occur.SHOULD);
        });
        Query query = new BooleanQuery.Builder().add(any.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(KIND, kind.name())), BooleanClause.Occur.FILTER).build();
        try {
            List<RankedAnswer> out = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                int position = searcher.storedFields().document(hit.doc).getField(POSITION).numericValue().intValue();
                AnswerSource source = sources.get(position);
                out.add(new RankedAnswer(source, hit.score, matched(terms, source)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the answer index in memory", e);
        }
    }

    /** The query's terms with their summed weights, the heaviest {@value #MAX_QUERY_TERMS} kept. */
    private Map<String, Double> terms(Map<String, Double> weightedTexts) {
        Map<String, Double> all = new LinkedHashMap<>();
        weightedTexts.forEach((text, weight) -> {
            if (weight != null && weight > 0) {
                analyzer.terms(text).forEach(t -> all.merge(t, weight, Double::sum));
            }
        });
        if (all.size() <= MAX_QUERY_TERMS) {
            return all;
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        all.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(MAX_QUERY_TERMS).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    /**
     * The query terms the source matched, biggest contribution first. The contribution is estimated as BM25 shapes it
     * (query weight x field boost x idf x saturated term frequency) from the source's own text, not asked of Lucene's
     * explain: explaining every term of a pop's query for each answer cost a pop 150 ms at p99 (PopLatencyBenchmark).
     */
    private List<String> matched(Map<String, Double> terms, AnswerSource source) throws IOException {
        Map<String, Double> frequency = new HashMap<>();
        Map<String, String> text = Map.of("title", source.title(), "text", source.text(), "keywords",
                source.keywords());
        FIELDS.forEach((field, boost) -> analyzer.terms(text.get(field)).forEach(t -> {
            if (terms.containsKey(t)) {
                frequency.merge(t, (double) boost, Double::sum);
            }
        }));
        IndexReader reader = searcher.getIndexReader();
        int n = reader.numDocs();
        List<Map.Entry<String, Double>> parts = new ArrayList<>();
        for (Map.Entry<String, Double> f : frequency.entrySet()) {
            int df = 0;
            for (String field : FIELDS.keySet()) {
                df = Math.max(df, reader.docFreq(new Term(field, f.getKey())));
            }
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            parts.add(Map.entry(f.getKey(), terms.get(f.getKey()) * idf * f.getValue() / (f.getValue() + 1.2)));
        }
        parts.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey));
        return parts.stream().map(Map.Entry::getKey).toList();
    }

    /** For tests: the terms the index makes of a text. */
    List<String> analyse(String text) {
        return analyzer.terms(text);
    }
}
