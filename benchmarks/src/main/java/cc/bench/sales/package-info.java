/** How long the sales pipeline report takes to compute over a large book of opportunities and contacts. */
package cc.bench.sales;
