/** Scripted answers: BM25 ranking of knowledge-base articles and solved past interactions against a caller's topic. */
package cc.console.domain.answers;
