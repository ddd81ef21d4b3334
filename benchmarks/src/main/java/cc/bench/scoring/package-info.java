/** Customer scoring at scale: features and the trained churn model over a million generated customers. */
package cc.bench.scoring;
