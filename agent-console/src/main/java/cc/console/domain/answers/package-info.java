/**
 * Scripted answers: knowledge-base articles and solved past interactions, and how they rank against a caller's topic
 * (searched by {@code cc.console.adapter.lucene}).
 */
package cc.console.domain.answers;
