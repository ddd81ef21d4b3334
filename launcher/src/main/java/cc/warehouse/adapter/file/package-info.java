/** Writes a day of a view to a Parquet (through an in-process DuckDB) or CSV file, renamed into place when whole. */
package cc.warehouse.adapter.file;
