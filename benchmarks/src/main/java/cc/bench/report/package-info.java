/** Historical reports at scale: a month of the skill, campaign and quality reports over ten million calls. */
package cc.bench.report;
