/**
 * Generated call history for report tests, benchmarks and the demo: days of calls and the agents' state spells that
 * go with them, the same for the same seed.
 */
package cc.core.domain.report.synthetic;
