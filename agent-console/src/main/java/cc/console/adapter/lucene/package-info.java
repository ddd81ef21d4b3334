/**
 * The scripted-answer search on Lucene: an in-memory BM25 index of knowledge-base articles and solved calls, with
 * text analysis for English and Persian. Lucene's types stay in this package.
 */
package cc.console.adapter.lucene;
