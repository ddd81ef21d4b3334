/** How fast the data warehouse export writes a day of calls to Parquet and CSV. */
package cc.bench.warehouse;
