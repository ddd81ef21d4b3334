/** Load runs of the interaction records: lag from a call's end to its complete record in PostgreSQL, and loss. */
package cc.bench.records;
